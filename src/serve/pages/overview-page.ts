/**
 * The overview: what the store holds, and plots of letters per year by form, rounds per review, days to
 * close, topics by year and the most cited authorities. `overviewStats` is pure over the store's counts.
 */
import { TOPICS } from '../../letter/schema.ts';
import { html, type SafeHtml } from '../html.ts';
import type { OverviewCounts } from '../../store/document-store.ts';
import type { ConversationRow } from '../review-rows.ts';
import { layout, pageHref } from './layout.ts';
import { groupedBars, heatGrid, horizontalBars, type Bar } from './svg-plots.ts';

export interface LettersPerYear {
  readonly year: string;
  readonly corresp: number;
  readonly upload: number;
}

export interface OverviewStats {
  readonly letters: readonly LettersPerYear[];
  readonly reviews: number;
  readonly rounds: readonly Bar[];
  readonly daysToClose: readonly Bar[];
  readonly topicsByYear: ReadonlyMap<string, number>;
  readonly years: readonly string[];
  readonly authorities: readonly Bar[];
  /** The latest reviews, by last letter. */
  readonly recent: readonly ConversationRow[];
}

/** What the overview asks the store for. */
export const OVERVIEW_LIMITS = { authorities: 12, recent: 20 } as const;

const CLOSE_BINS: ReadonlyArray<[string, number]> = [
  ['≤30', 30],
  ['31-60', 60],
  ['61-90', 90],
  ['91-180', 180],
  ['181-365', 365],
  ['>365', Infinity],
];

/** Letters per year, every year from the first to the last that has letters (gaps as zeros). */
function lettersPerYear(counts: OverviewCounts['lettersByYear']): LettersPerYear[] {
  const years = counts.map((c) => Number(c.year)).filter((y) => Number.isInteger(y));
  if (years.length === 0) return [];
  const of = (year: string, form: string): number =>
    counts.filter((c) => c.year === year && c.form === form).reduce((n, c) => n + c.count, 0);
  const out: LettersPerYear[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    out.push({ year: String(y), corresp: of(String(y), 'CORRESP'), upload: of(String(y), 'UPLOAD') });
  }
  return out;
}

export function overviewStats(counts: OverviewCounts): OverviewStats {
  const rounds = new Map<string, number>();
  for (const { value, count } of counts.rounds) {
    const key = value >= 4 ? '4+' : String(value);
    rounds.set(key, (rounds.get(key) ?? 0) + count);
  }
  const closed = (low: number, high: number): number =>
    counts.daysOpen.filter((d) => d.value > low && d.value <= high).reduce((n, d) => n + d.count, 0);
  const topicsByYear = new Map<string, number>();
  for (const { year, topic, count } of counts.topicsByYear) {
    if (topic !== null) topicsByYear.set(`${topic}|${year}`, (topicsByYear.get(`${topic}|${year}`) ?? 0) + count);
  }
  return {
    letters: lettersPerYear(counts.lettersByYear),
    reviews: counts.rounds.reduce((n, r) => n + r.count, 0),
    rounds: ['0', '1', '2', '3', '4+'].map((label) => ({ label, values: [rounds.get(label) ?? 0] })),
    daysToClose: CLOSE_BINS.map(([label, upTo], i) => ({
      label,
      values: [closed(i === 0 ? -Infinity : CLOSE_BINS[i - 1]![1], upTo)],
    })),
    topicsByYear,
    years: [...new Set(counts.topicsByYear.map((t) => t.year))].sort(),
    authorities: counts.authorities.map(({ value, count }) => ({ label: value, values: [count] })),
    recent: counts.recent,
  };
}

export function overviewPage(stats: OverviewStats): SafeHtml {
  const total = stats.letters.reduce((n, y) => n + y.corresp + y.upload, 0);
  return layout(
    { title: 'Overview' },
    html`<h1>Overview</h1>
      <p>${total} letters, ${stats.reviews} reviews.</p>
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
          ${stats.recent.map(
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
