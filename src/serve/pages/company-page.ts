/**
 * A company's or a file number's reviews as a timeline: each review with its filing, status and dates, then
 * its letters round by round with the days between them. One page of reviews at a time (the route reads
 * them by the conversations' keyset), with a link to the later ones.
 */
import { html, type SafeHtml } from '../html.ts';
import type { Review } from '../review-rows.ts';
import { humanKind, layout, pageHref, secFilingHref } from './layout.ts';

export interface ReviewsPage {
  /** This page's reviews. */
  readonly reviews: readonly Review[];
  /** The cursor of the later reviews, or null on the last page. */
  readonly next: string | null;
  /** Whether this is the first page. */
  readonly first: boolean;
}

export function reviewsPage(title: string, page: ReviewsPage): SafeHtml {
  const sorted = [...page.reviews].sort((a, b) =>
    a.conversation.firstLetterDate.localeCompare(b.conversation.firstLetterDate),
  );
  const count = `${sorted.length} review${sorted.length === 1 ? '' : 's'}, ${sorted.reduce((n, r) => n + r.letters.length, 0)} letters`;
  const paged = !page.first || page.next !== null;
  return layout(
    { title },
    html`<h1>${title}</h1>
      <p>${paged ? `${count} on this page.` : `${count}.`} ${page.first ? '' : html`<a href="?">First reviews</a>`}</p>
      ${sorted.map(reviewSummary)}
      ${
        page.next === null
          ? ''
          : html`<p><a href="${`?cursor=${encodeURIComponent(page.next)}`}" rel="next">Later reviews</a></p>`
      }`,
  );
}

function reviewSummary(review: Review): SafeHtml {
  const c = review.conversation;
  const subject = c.reviewedFiling?.form
    ? `${c.reviewedFiling.form}${c.reviewedFiling.fiscalYearEnd ? ` (FY ${c.reviewedFiling.fiscalYearEnd})` : ''}`
    : 'Review';
  let previous: string | null = null;
  return html`<section class="review" aria-labelledby="${`t-${c.threadId}`}">
    <h2 id="${`t-${c.threadId}`}">
      <a href="${pageHref('reviews', c.threadId)}">${subject}: ${c.firstLetterDate} to ${c.lastLetterDate}</a>
    </h2>
    <p>
      ${c.status} · ${c.rounds} round${c.rounds === 1 ? '' : 's'} · ${c.comments} comments · ${c.daysOpen} days ·
      ${c.companyName}
    </p>
    <ol class="timeline">
      ${review.letters.map((l) => {
        const date = l.letterDate ?? l.filingDate;
        const gap = previous === null ? null : Math.round((Date.parse(date) - Date.parse(previous)) / 86_400_000);
        previous = date;
        return html`<li class="${l.sender}">
          <strong>${date}</strong>${gap === null ? '' : html` <span class="muted">(+${gap} days)</span>`} ·
          ${l.sender === 'sec' ? 'SEC staff' : 'company'} ·
          ${humanKind(l.kind)}${l.round === null ? '' : ` · round ${l.round}`} ·
          <a href="${pageHref('letters', l.accessionNumber)}">${l.accessionNumber}</a> ·
          <a href="${secFilingHref(l.cik, l.accessionNumber)}">sec.gov</a>
        </li>`;
      })}
    </ol>
  </section>`;
}
