/**
 * A review's letters in order with what each answers (the thread builder's links, src/letter/threads.ts),
 * and, for a review the analytic tables do not hold yet (a store written before them), its rows derived by
 * src/analytics from the same letters: the decisions live there, not here.
 */
import { deriveThread } from '../analytics/derive.ts';
import type { Letter } from '../letter/schema.ts';
import type { LetterRow } from '../store/document-store.ts';
import { buildThreads, compareLetters } from '../letter/threads.ts';
import type { Review, ReviewLetter } from './review-rows.ts';

const isRound = (l: LetterRow): boolean => l.sender === 'sec' && l.kind === 'comment';

/** The letters of a review (any order) as the review page lists them. */
export function reviewLetters(input: readonly LetterRow[]): ReviewLetter[] {
  const letters = [...input].sort(compareLetters);
  const links = new Map(buildThreads(letters).flatMap((t) => t.letters.map((e) => [e.accessionNumber, e] as const)));
  const rounds = letters.filter(isRound);
  return letters.map((l) => ({
    accessionNumber: l.accessionNumber,
    form: l.form,
    cik: l.cik,
    sender: l.sender,
    kind: l.kind,
    letterDate: l.letterDate,
    filingDate: l.filingDate,
    disseminationDate: l.disseminationDate,
    answers: links.get(l.accessionNumber)?.answers ?? null,
    daysToAnswer: links.get(l.accessionNumber)?.daysToAnswer ?? null,
    round: isRound(l) ? rounds.indexOf(l) + 1 : null,
  }));
}

/** The whole review derived from its letters; null when there are none. */
export function deriveReview(threadId: string, letters: readonly Letter[]): Review | null {
  if (letters.length === 0) return null;
  const { conversation, comments } = deriveThread({ threadId, letters, listedFilings: [] });
  return { conversation, comments, letters: reviewLetters(letters) };
}
