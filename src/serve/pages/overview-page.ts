/**
 * The overview: what the store holds, and plots of letters per year by form, rounds per review, days to
 * close, topics by year and the most cited authorities. `overviewStats` is pure over the rows.
 */
import { TOPICS } from '../../letter/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import type { CommentRow, ConversationRow } from '../review-rows.ts';
import { layout, pageHref } from './layout.ts';
import { groupedBars, heatGrid, horizontalBars, type Bar } from './svg-plots.ts';

export interface LettersPerYear {
  readonly year: string;
  readonly corresp: number;
  readonly upload: number;
}

export interface OverviewStats {
  readonly letters: readonly LettersPerYear[];
  readonly rounds: readonly Bar[];
  readonly daysToClose: readonly Bar[];
  readonly topicsByYear: ReadonlyMap<string, number>;
  readonly years: readonly string[];
  readonly authorities: readonly Bar[];
  readonly conversations: readonly ConversationRow[];
}

const CLOSE_BINS: ReadonlyArray<[string, number]> = [
  ['≤30', 30],
  ['31-60', 60],
  ['61-90', 90],
  ['91-180', 180],
  ['181-365', 365],
  ['>365', Infinity],
];

export function overviewStats(
  letters: readonly LettersPerYear[],
  conversations: readonly ConversationRow[],
  comments: readonly CommentRow[],
): OverviewStats {
  const rounds = new Map<string, number>();
  for (const c of conversations) {
    const key = c.rounds >= 4 ? '4+' : String(c.rounds);
    rounds.set(key, (rounds.get(key) ?? 0) + 1);
  }
  const closed = conversations.filter((c) => c.status === 'complete');
  const topicsByYear = new Map<string, number>();
  const authorities = new Map<string, number>();
  for (const comment of comments) {
    const year = comment.letterDate.slice(0, 4);
    for (const topic of comment.topics)
      topicsByYear.set(`${topic}|${year}`, (topicsByYear.get(`${topic}|${year}`) ?? 0) + 1);
    for (const a of new Set(comment.authorities)) authorities.set(a, (authorities.get(a) ?? 0) + 1);
  }
  return {
    letters,
    rounds: ['0', '1', '2', '3', '4+'].map((label) => ({ label, values: [rounds.get(label) ?? 0] })),
    daysToClose: CLOSE_BINS.map(([label, upTo], i) => ({
      label,
      values: [closed.filter((c) => c.daysOpen <= upTo && (i === 0 || c.daysOpen > CLOSE_BINS[i - 1]![1])).length],
    })),
    topicsByYear,
    years: [...new Set(comments.map((c) => c.letterDate.slice(0, 4)))].sort(),
    authorities: [...authorities]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12)
      .map(([label, n]) => ({ label, values: [n] })),
    conversations,
  };
}

export function overviewPage(stats: OverviewStats): SafeHtml {
  const total = stats.letters.reduce((n, y) => n + y.corresp + y.upload, 0);
  const recent = [...stats.conversations].sort((a, b) => b.lastLetterDate.localeCompare(a.lastLetterDate)).slice(0, 20);
  return layout(
    { title: 'Overview' },
    html`<h1>Overview</h1>
      <p>${total} letters, ${stats.conversations.length} reviews.</p>
      <div class="plots">
        <figure>
          <figcaption>Letters per year by form</figcaption>
          ${groupedBars(
            'p-letters',
            'Letters per year by form',
            ['CORRESP', 'UPLOAD'],
            stats.letters.map((y) => ({ label: y.year, values: [y.corresp, y.upload] })),
          )}
        </figure>
        <figure>
          <figcaption>Rounds per review</figcaption>
          ${groupedBars('p-rounds', 'Rounds per review', ['reviews'], stats.rounds)}
        </figure>
        <figure>
          <figcaption>Days to close (complete reviews)</figcaption>
          ${groupedBars('p-close', 'Days to close', ['reviews'], stats.daysToClose)}
        </figure>
        <figure>
          <figcaption>Topics by year (staff comments)</figcaption>
          ${heatGrid(
            'p-topics',
            'Topics by year',
            TOPICS,
            stats.years,
            (topic, year) => stats.topicsByYear.get(`${topic}|${year}`) ?? 0,
          )}
        </figure>
        <figure>
          <figcaption>Most cited authorities</figcaption>
          ${horizontalBars('p-auth', 'Most cited authorities', stats.authorities)}
        </figure>
      </div>
      <h2>Latest reviews</h2>
      <table class="rows">
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Review</th>
            <th scope="col">Status</th>
            <th scope="col">Rounds</th>
            <th scope="col">Last letter</th>
          </tr>
        </thead>
        <tbody>
          ${recent.map(
            (c) =>
              html`<tr>
                <td><a href="${pageHref('companies', c.cik)}">${c.companyName}</a></td>
                <td>
                  <a href="${pageHref('reviews', c.threadId)}"
                    >${c.reviewedFiling?.form ?? 'review'} ${c.firstLetterDate}</a
                  >
                </td>
                <td>${c.status}</td>
                <td>${c.rounds}</td>
                <td>${c.lastLetterDate}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}
