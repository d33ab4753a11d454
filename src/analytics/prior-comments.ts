/**
 * The comments of the previous round a comment follows up, read with the review in hand. A letter's own parse
 * (Item.priorComments) finds only numbered references ("prior comment 3"); many follow-ups name none:
 * "We acknowledge your response to our previous comment" after a one-comment letter, "We note your response" under
 * the heading the earlier comment had, "comment 2 of our August 10, 2023 letter" naming the previous letter by its
 * date. Pure.
 */
import { findDates } from '../letter/dates.ts';
import { splitPageRef } from '../letter/headings.ts';
import { COMMENT_NUMBER_LIST, commentNumbersOf } from '../letter/item-split.ts';
import type { Item } from '../letter/schema.ts';

/** The previous round as the inference reads it: its letter's date and its numbered comments. */
export interface PreviousRound {
  readonly letterDate: string;
  readonly items: readonly Pick<Item, 'number' | 'headings'>[];
}

/** The comment answers the company's response or refers to an earlier comment without a number. */
const ANSWERS_RESPONSE =
  /\b(?:your|the\s+company'?s)\s+(?:responses?|reply|letter\s+dated|supplemental\s+response)\b|\b(?:our|the|your)\s+(?:prior|previous|earlier)\s+comments?\b/i;

/** "comment 2 of our August 10, 2023 letter", "comments 3 and 4 in our letter dated March 15, 2023": the date follows. */
const DATED_REFERENCE = new RegExp(
  String.raw`\bcomments?\s*(?:nos?\.?|numbers?|#)?\s*(${COMMENT_NUMBER_LIST})\s+(?:of|in|from)\s+(?:our|the\s+staff'?s)\s+(?:(?:comment\s+)?letter\s+dated\s+)?`,
  'gi',
);

/** A heading as a caption: without its page reference, case and punctuation ("Goodwill, page 41" is "goodwill"). */
const caption = (heading: string): string =>
  splitPageRef(heading)
    .heading.toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A comment that carries on the one before it: "In addition, revise ...", "Additionally, please provide ...". */
const CONTINUES = /^\s*(?:in addition|additionally|also|further(?:more)?|similarly)\b/i;

/** The comment before this one in the same letter, with the prior comments found for it. */
export interface PrecedingComment {
  readonly headings: readonly string[];
  readonly priorComments: readonly number[];
}

const sameCaption = (a: readonly string[], b: readonly string[]): boolean =>
  a.length > 0 && b.length > 0 && caption(a.at(-1)!) === caption(b.at(-1)!);

/**
 * The previous round's comments `comment` follows up (its own numbers when it names some): the comments a dated
 * reference names when the date is the previous letter's; else, when it answers the response or an earlier
 * comment without a number, the previous letter's only comment, or its one comment under the same caption; else,
 * when it opens by carrying on the comment before it under the same caption ("In addition, ..."), what that one
 * follows up.
 */
export function priorCommentsOf(
  item: Pick<Item, 'comment' | 'headings' | 'priorComments'>,
  previous: PreviousRound | null,
  preceding: PrecedingComment | null = null,
): number[] {
  if (item.priorComments.length > 0 || previous === null || item.comment === null) return [...item.priorComments];
  const text = item.comment.replace(/\s+/g, ' ');
  const known = new Set(previous.items.map((p) => p.number));

  const dated: number[] = [];
  for (const m of text.matchAll(DATED_REFERENCE)) {
    const end = m.index + m[0].length;
    const date = findDates(text.slice(end, end + 40))[0];
    if (date === undefined || date.index !== 0 || date.iso !== previous.letterDate) continue;
    dated.push(...commentNumbersOf(m[1]!).filter((n) => known.has(n)));
  }
  if (dated.length > 0) return [...new Set(dated)].sort((a, b) => a - b);

  if (ANSWERS_RESPONSE.test(text)) {
    if (previous.items.length === 1) return [previous.items[0]!.number];
    const same = previous.items.filter((p) => sameCaption(p.headings, item.headings));
    if (same.length === 1) return [same[0]!.number];
  }
  if (preceding !== null && CONTINUES.test(text) && sameCaption(preceding.headings, item.headings)) {
    return [...preceding.priorComments];
  }
  return [];
}
