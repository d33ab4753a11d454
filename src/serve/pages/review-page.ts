/**
 * A review: its facts, its letters as a timeline, then round by round each staff comment side by side with
 * the company's response, follow-ups listed under the comment they follow, topics and authorities as tags. A
 * long review is shown in parts (page-parts.ts): every link to a round or a comment leads to the part holding it.
 */
import { html, paragraphs, type SafeHtml } from '../html.ts';
import type { CommentRow, Review, ReviewLetter } from '../review-rows.ts';
import { humanKind, layout, pageHref, secFilingHref, tagList } from './layout.ts';
import { pairPieces, renderPart, type AnchorHref, type PairPiece, type PartBlock } from './page-parts.ts';

const anchor = (round: number, number: number) => `r${round}-c${number}`;

/** Part `part` of the review's page, or null when it has fewer parts. */
export function reviewPage(review: Review, part = 1): SafeHtml | null {
  const c = review.conversation;
  const subject = c.reviewedFiling?.form
    ? `${c.reviewedFiling.form}${c.reviewedFiling.fiscalYearEnd ? ` for the year ended ${c.reviewedFiling.fiscalYearEnd}` : ''}`
    : 'filing';
  const title = `${c.companyName}: review of ${subject}`;
  const rounds = [...new Set(review.comments.map((x) => x.round))].sort((a, b) => a - b);
  const blocks: PartBlock[] = rounds.flatMap((round) =>
    review.comments
      .filter((x) => x.round === round)
      .flatMap((comment, i) =>
        // A long comment or response is split in pieces (page-parts.ts), each a block of its own.
        pairPieces(comment.text, comment.response?.text).map((piece) => ({
          group: `round-${round}`,
          anchors:
            piece.index > 0
              ? []
              : i === 0
                ? [`round-${round}`, anchor(round, comment.number)]
                : [anchor(round, comment.number)],
          render: (href: AnchorHref) =>
            html`${i === 0 && piece.index === 0 ? roundHeader(comment, rounds, href) : ''}${commentPair(review, comment, href, piece)}`,
        })),
      ),
  );
  const rendered = renderPart(
    {
      lead: (href) => reviewFacts(review, title, href),
      leadAnchors: ['letters'],
      blocks,
      wrap: (group, inner, continued) =>
        continued
          ? html`<section aria-labelledby="${group}-continued">
              <h2 id="${group}-continued">Round ${group.slice('round-'.length)} (continued)</h2>
              ${inner}
            </section>`
          : html`<section id="${group}" aria-labelledby="${group}-title">${inner}</section>`,
    },
    part,
  );
  if (rendered === null) return null;
  return layout(
    { title: rendered.parts > 1 ? `${title} (part ${rendered.part} of ${rendered.parts})` : title },
    html`${rendered.part > 1 ? html`<h1>${title} (part ${rendered.part})</h1>` : ''}${rendered.body}`,
  );
}

function reviewFacts(review: Review, title: string, href: AnchorHref): SafeHtml {
  const c = review.conversation;
  return html`<h1>${title}</h1>
    <dl class="facts">
      <dt>Status</dt>
      <dd>
        ${c.status}${c.closingLetter ? html` (closed by <a href="${pageHref('letters', c.closingLetter)}">${c.closingLetter}</a>)` : ''}
      </dd>
      <dt>Company</dt>
      <dd><a href="${pageHref('companies', c.cik)}">${c.companyName}</a> (CIK ${c.cik})</dd>
      <dt>File numbers</dt>
      <dd>
        ${c.fileNumbers.map((n, i) => html`${i > 0 ? ', ' : ''}<a href="${pageHref('file-numbers', n)}">${n}</a>`)}
      </dd>
      <dt>Letters</dt>
      <dd>
        ${c.firstLetterDate} to ${c.lastLetterDate} (${c.daysOpen} days): ${c.staffLetters} from the staff,
        ${c.companyLetters} from the company
      </dd>
      <dt>Rounds</dt>
      <dd>
        ${c.rounds} with ${c.comments}
        comments${c.medianDaysToRespond === null ? '' : `; median ${c.medianDaysToRespond} days to respond`}
      </dd>
      ${
        c.staff.length > 0
          ? html`<dt>Staff</dt>
              <dd>${c.staff.join(', ')}${c.office ? ` (${c.office})` : ''}</dd>`
          : ''
      }
    </dl>
    ${tagList(
      c.topics.map((t) => `${t.topic} (${t.comments})`),
      [],
    )}
    <h2 id="letters">Letters</h2>
    ${letterTimeline(review.letters, c.cik, href)}`;
}

function letterTimeline(letters: readonly ReviewLetter[], cik: string, href: AnchorHref): SafeHtml {
  return html`<ol class="timeline">
    ${letters.map(
      (l) =>
        html`<li class="${l.sender}">
          <strong>${l.letterDate ?? l.filingDate}</strong> · ${l.sender === 'sec' ? 'SEC staff' : 'company'} ·
          ${humanKind(l.kind)}${l.round === null ? '' : html` · <a href="${href(`round-${l.round}`)}">round ${l.round}</a>`}
          ${l.daysToAnswer === null ? '' : html` · answered after ${l.daysToAnswer} days`}<br />
          <a href="${pageHref('letters', l.accessionNumber)}">${l.form} ${l.accessionNumber}</a> ·
          <a href="${secFilingHref(l.cik || cik, l.accessionNumber)}">on sec.gov</a>
        </li>`,
    )}
  </ol>`;
}

/** A round's heading and links, at the top of its first comment's block. */
function roundHeader(staff: CommentRow, rounds: readonly number[], href: AnchorHref): SafeHtml {
  const round = staff.round;
  const next = rounds.find((r) => r > round);
  const previous = [...rounds].reverse().find((r) => r < round);
  return html`<h2 id="round-${round}-title">Round ${round}: staff letter of ${staff.letterDate}</h2>
    <nav class="rounds" aria-label="Round ${round}">
      <a href="${pageHref('letters', staff.accessionNumber)}">Staff letter ${staff.accessionNumber}</a>
      <a href="${secFilingHref(staff.cik, staff.accessionNumber)}">Staff letter on sec.gov</a>
      ${previous === undefined ? '' : html`<a href="${href(`round-${previous}`)}">Previous round (${previous})</a>`}
      ${next === undefined ? '' : html`<a href="${href(`round-${next}`)}" rel="next">Next round (${next})</a>`}
    </nav>`;
}

function commentPair(review: Review, comment: CommentRow, href: AnchorHref, piece: PairPiece): SafeHtml {
  const first = anchor(comment.round, comment.number);
  const id = piece.index === 0 ? first : `${first}-${piece.index + 1}`;
  const followUps = piece.last
    ? review.comments.filter((x) => x.round === comment.round + 1 && x.priorComments.includes(comment.number))
    : [];
  if (piece.index > 0) {
    return html`<article class="pair" id="${id}" aria-labelledby="${id}-title">
      <header>
        <h3 id="${id}-title">Comment ${comment.number} (continued)</h3>
      </header>
      ${sideBySide(comment, piece)} ${followUpList(comment, followUps, href)}
    </article>`;
  }
  return html`<article class="pair" id="${id}" aria-labelledby="${id}-title">
    <header>
      <h3 id="${id}-title">
        Comment ${comment.number}${comment.pageRef ? html` <span class="muted">· page ${comment.pageRef}</span>` : ''}
      </h3>
      ${comment.headings.length > 0 ? html`<div class="muted">${comment.headings.join(' › ')}</div>` : ''}
      ${comment.priorComments.length > 0 ? html`<div>Follows up ${comment.priorComments.map((n, i) => html`${i > 0 ? ', ' : ''}<a href="${href(anchor(comment.round - 1, n))}">round ${comment.round - 1} comment ${n}</a>`)}${comment.reissued ? ' (reissued)' : ''}</div>` : ''}
      ${tagList(comment.topics, comment.authorities)}
      <div class="muted">Resolution: ${comment.resolution.replace(/_/g, ' ')}</div>
    </header>
    ${sideBySide(comment, piece)} ${followUpList(comment, followUps, href)}
  </article>`;
}

function sideBySide(comment: CommentRow, piece: PairPiece): SafeHtml {
  const earlier = html`<p class="muted">(earlier in this comment)</p>`;
  return html`<div class="side-by-side">
    <div class="comment" data-role="comment">
      <h4>Staff comment</h4>
      ${piece.comment ? paragraphs(piece.comment) : earlier}
    </div>
    <div class="response" data-role="response">
      <h4>
        Company
        response${comment.response ? html` · <a href="${pageHref('letters', comment.response.accessionNumber)}">${comment.response.letterDate ?? comment.response.accessionNumber}</a>` : ''}
      </h4>
      ${
        piece.response
          ? paragraphs(piece.response)
          : piece.index > 0 && comment.response?.text
            ? earlier
            : html`<p class="muted">No response to this comment is stored.</p>`
      }
    </div>
  </div>`;
}

function followUpList(comment: CommentRow, followUps: readonly CommentRow[], href: AnchorHref): SafeHtml {
  return followUps.length === 0
    ? html``
    : html`<div class="follow-ups">
        <strong>Followed up in round ${comment.round + 1}:</strong>
        <ul>
          ${followUps.map(
            (f) =>
              html`<li>
                <a href="${href(anchor(f.round, f.number))}">Round ${f.round}, comment ${f.number}</a
                >${f.reissued ? ' (reissued)' : ''}: ${excerpt(f.text)}
              </li>`,
          )}
        </ul>
      </div>`;
}

export function excerpt(text: string, length = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
