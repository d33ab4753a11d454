/**
 * The analytic rows of one review (../DESIGN.md "Analytic tables"): from the thread's letters as the store holds
 * them and the company's listed filings, its comment rows and its conversation row. Pure: no I/O.
 */
import { daysBetween } from '../letter/dates.ts';
import { TOPICS, type Topic } from '../letter/schema.ts';
import { deriveComments } from './comments.ts';
import { compareByDate, dateOf, responsesByRound, roundsOf, type AnalyticsLetter } from './letters.ts';
import { resolveReviewedFiling, type ListedFilingRow } from './reviewed-filing.ts';
import type { CommentRow, ConversationRow, ConversationStatus, TopicCount } from './rows.ts';
import { distinct, median } from './stats.ts';

export interface ThreadInput {
  readonly threadId: string;
  /** The letters of one review (any order; at least one). */
  readonly letters: readonly AnalyticsLetter[];
  /** The company's listed filings (submissions listing and full-index rows); [] when none are stored. */
  readonly listedFilings: readonly ListedFilingRow[];
}

export interface DerivedThread {
  readonly comments: CommentRow[];
  readonly conversation: ConversationRow;
}

/** complete when a review_complete letter exists; answered when the company wrote last; open otherwise. */
export function statusOf(ordered: readonly AnalyticsLetter[]): ConversationStatus {
  if (ordered.some((l) => l.form === 'UPLOAD' && l.kind === 'review_complete')) return 'complete';
  return ordered[ordered.length - 1]?.form === 'CORRESP' ? 'answered' : 'open';
}

/** Comments per topic (a comment counts once under each of its topics), most comments first. */
export function topicCounts(comments: readonly CommentRow[]): TopicCount[] {
  const counts = new Map<Topic, number>();
  for (const c of comments) for (const t of new Set(c.topics)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .map(([topic, n]) => ({ topic, comments: n }))
    .sort((a, b) => b.comments - a.comments || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
}

/** Days from each round to the first company letter answering it. */
function responseDays(
  rounds: readonly AnalyticsLetter[],
  responses: ReadonlyMap<string, readonly AnalyticsLetter[]>,
): number[] {
  return rounds.flatMap((r) => {
    const first = responses.get(r.accessionNumber)?.[0];
    return first ? [Math.max(0, daysBetween(dateOf(r), dateOf(first)))] : [];
  });
}

const datesOf = (values: readonly (string | null)[]): string[] =>
  values.filter((d): d is string => d !== null).sort((a, b) => a.localeCompare(b));

function people(ordered: readonly AnalyticsLetter[]) {
  const staff = ordered.filter((l) => l.form === 'UPLOAD');
  const company = ordered.filter((l) => l.form === 'CORRESP');
  return {
    staff: distinct(staff.flatMap((l) => l.secStaff)),
    office: staff.find((l) => l.office !== null)?.office ?? null,
    copied: distinct([...ordered.flatMap((l) => l.cc), ...company.flatMap((l) => l.signatories.map((p) => p.name))]),
  };
}

export function deriveThread(input: ThreadInput): DerivedThread {
  const ordered = [...input.letters].sort(compareByDate);
  const first = ordered[0];
  if (!first) throw new Error(`thread ${input.threadId} has no letters`);
  const fileNumbers = distinct(ordered.flatMap((l) => l.fileNumbers));
  const rounds = roundsOf(ordered);
  const responses = responsesByRound(ordered, rounds);
  const ctx = { threadId: input.threadId, cik: first.cik, companyName: first.companyName, fileNumbers };
  const comments = deriveComments({ ...ctx, letters: ordered, rounds, responses });
  const letterDates = datesOf(ordered.map(dateOf));
  const released = datesOf(ordered.map((l) => l.disseminationDate));
  const closing = [...ordered].reverse().find((l) => l.form === 'UPLOAD' && l.kind === 'review_complete');
  const references = [...ordered.filter((l) => l.form === 'UPLOAD'), ...ordered.filter((l) => l.form === 'CORRESP')];
  const count = (pick: (l: AnalyticsLetter) => boolean): number => ordered.filter(pick).length;
  const conversation: ConversationRow = {
    ...ctx,
    reviewedFiling: resolveReviewedFiling(
      references.flatMap((l) => l.references),
      input.listedFilings,
      letterDates[0]!,
      ordered.filter((l) => l.form === 'UPLOAD').map((l) => l.referenceAccession),
    ),
    firstLetterDate: letterDates[0]!,
    lastLetterDate: letterDates[letterDates.length - 1]!,
    firstDisseminated: released[0] ?? null,
    lastDisseminated: released[released.length - 1] ?? null,
    staffLetters: count((l) => l.form === 'UPLOAD'),
    companyLetters: count((l) => l.form === 'CORRESP'),
    rounds: rounds.length,
    comments: comments.length,
    reissuedComments: comments.filter((c) => c.reissued).length,
    extensionRequests: count((l) => l.kind === 'extension_request'),
    accelerationRequests: count((l) => l.kind === 'acceleration_request'),
    status: statusOf(ordered),
    closingLetter: closing?.accessionNumber ?? null,
    daysOpen: daysBetween(letterDates[0]!, letterDates[letterDates.length - 1]!),
    medianDaysToRespond: median(responseDays(rounds, responses)),
    ...people(ordered),
    topics: topicCounts(comments),
  };
  return { comments, conversation };
}

/**
 * The rows of every review of a company: its stored letters grouped by their threadId (letters without one are
 * left out), each review derived with the company's listed filings.
 */
export function deriveCompany(
  letters: readonly (AnalyticsLetter & { readonly threadId: string | null })[],
  listedFilings: readonly ListedFilingRow[],
): DerivedThread[] {
  const byThread = new Map<string, AnalyticsLetter[]>();
  for (const l of letters) {
    if (l.threadId === null) continue;
    byThread.set(l.threadId, [...(byThread.get(l.threadId) ?? []), l]);
  }
  return [...byThread].map(([threadId, own]) => deriveThread({ threadId, letters: own, listedFilings }));
}
