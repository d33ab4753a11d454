/**
 * The comment rows of one review (../DESIGN.md "comments"): every numbered item of its staff comment letters,
 * with its round, the company letter answering it, whether it reissues an earlier comment and its resolution.
 * Pure.
 */
import { isReissued } from '../letter/reissue.ts';
import type { Item } from '../letter/schema.ts';
import { dateOf, laterStaffLetterExists, type AnalyticsLetter } from './letters.ts';
import { priorCommentsOf } from './prior-comments.ts';
import type { CommentResponse, CommentRow, Resolution } from './rows.ts';

export interface CommentContext {
  readonly threadId: string;
  readonly cik: string;
  readonly companyName: string;
  readonly fileNumbers: readonly string[];
  /** The review's letters (any order). */
  readonly letters: readonly AnalyticsLetter[];
  /** Staff comment letters in review order. */
  readonly rounds: readonly AnalyticsLetter[];
  /** The company responses answering each round, by the round's accession, in review order. */
  readonly responses: ReadonlyMap<string, readonly AnalyticsLetter[]>;
}

/**
 * The response to comment `number`: the first answering letter that carries that number; else the first that
 * answers in prose (no numbered answers: a letter answering other numbers skipped this one); else the first.
 */
export function responseTo(number: number, answering: readonly AnalyticsLetter[]): CommentResponse | null {
  const withItem = answering.find((l) => l.items.some((i) => i.number === number));
  const letter = withItem ?? answering.find((l) => l.items.length === 0) ?? answering[0];
  if (!letter) return null;
  const text = letter.items.find((i) => i.number === number)?.response ?? null;
  return { accessionNumber: letter.accessionNumber, letterDate: letter.letterDate, text };
}

/**
 * A comment's own reissue flag: the staff repeats it, says the answer fell short, or asks again in the words of
 * the previous round's comment it follows up (`previous`: that round's items, when there is one).
 */
export const reissuedOf = (
  item: Pick<Item, 'comment' | 'priorComments'>,
  previous: readonly Pick<Item, 'number' | 'comment'>[] = [],
): boolean =>
  isReissued({
    comment: item.comment,
    priorComments: item.priorComments,
    priorTexts: previous.filter((p) => item.priorComments.includes(p.number)).map((p) => p.comment ?? ''),
  });

/**
 * The resolution of a comment (DESIGN.md): `reissued` when a comment of the next round lists it and is reissued,
 * `followed_up` when one lists it without reissuing it, `addressed` when a later staff letter exists and none
 * lists it, `open` when no later staff letter exists yet.
 */
export function resolutionOf(input: {
  readonly number: number;
  readonly next: readonly { readonly priorComments: readonly number[]; readonly reissued: boolean }[] | null;
  readonly laterStaffLetter: boolean;
}): Resolution {
  const listing = (input.next ?? []).filter((c) => c.priorComments.includes(input.number));
  if (listing.some((c) => c.reissued)) return 'reissued';
  if (listing.length > 0) return 'followed_up';
  return input.laterStaffLetter ? 'addressed' : 'open';
}

export function deriveComments(ctx: CommentContext): CommentRow[] {
  const flags = ctx.rounds.map((letter, r) => {
    const previous = ctx.rounds[r - 1];
    const found: { headings: readonly string[]; priorComments: number[] }[] = [];
    return letter.items.map((item) => {
      const priorComments = priorCommentsOf(
        item,
        previous ? { letterDate: dateOf(previous), items: previous.items } : null,
        found.at(-1) ?? null,
      );
      found.push({ headings: item.headings, priorComments });
      return { priorComments, reissued: reissuedOf({ ...item, priorComments }, previous?.items ?? []) };
    });
  });
  return ctx.rounds.flatMap((letter, r) => {
    const answering = ctx.responses.get(letter.accessionNumber) ?? [];
    const laterStaffLetter = laterStaffLetterExists(ctx.letters, letter);
    return letter.items.map((item, k): CommentRow => ({
      threadId: ctx.threadId,
      cik: ctx.cik,
      companyName: ctx.companyName,
      fileNumbers: [...ctx.fileNumbers],
      accessionNumber: letter.accessionNumber,
      letterDate: dateOf(letter),
      disseminationDate: letter.disseminationDate,
      round: r + 1,
      number: item.number,
      headings: [...item.headings],
      pageRef: item.pageRef,
      text: item.comment ?? '',
      topics: [...item.topics],
      authorities: [...item.authorities],
      priorComments: [...flags[r]![k]!.priorComments],
      reissued: flags[r]![k]!.reissued,
      response: responseTo(item.number, answering),
      resolution: resolutionOf({ number: item.number, next: flags[r + 1] ?? null, laterStaffLetter }),
    }));
  });
}
