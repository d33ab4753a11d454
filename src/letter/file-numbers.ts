/**
 * SEC file numbers in letter text: "File No. 001-35126", "File Nos. 333-199812 and 333-199812-01",
 * "Commission File Number: 0-12345". Only numbers introduced as file numbers count: a bare "551-3767" is a
 * telephone number far more often than a file number.
 */
import { normalizeFileNumber } from '../identifiers.ts';

const NUMBER = String.raw`\d{1,3}\s?-\s?\d{3,8}(?:-\d{1,3})?`;
const LABEL = String.raw`\bFile\s*(?:No(?:s|\(s\))?\.?|Numbers?|#)\s*[:.]?\s*`;
/** A label followed by a list of numbers joined by commas, semicolons, "and", "&". */
const LABELLED = new RegExp(`${LABEL}((?:${NUMBER})(?:\\s*(?:,|;|and|&|,\\s*and)\\s*(?:${NUMBER}))*)`, 'gi');
const BARE = new RegExp(`(?<!\\)\\s?)(?<![\\w-])(${NUMBER})(?![\\d-])`, 'g');

function normalizeAll(list: string): string[] {
  const out: string[] = [];
  for (const m of list.matchAll(new RegExp(NUMBER, 'g'))) {
    const n = normalizeFileNumber(m[0].replace(/\s/g, ''));
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

/** File numbers introduced by a "File No." label anywhere in `text`, EDGAR spelling, deduplicated, in order. */
export function findLabelledFileNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LABELLED)) {
    for (const n of normalizeAll(m[1]!)) if (!out.includes(n)) out.push(n);
  }
  return out;
}

export interface FileNumberMatch {
  /** EDGAR spelling. */
  readonly number: string;
  readonly index: number;
}

/**
 * File numbers in a Re: block, where a number may stand without its label ("333-250056" on its own line),
 * with their positions, in order. A number after a closing parenthesis or a hyphen is a telephone number.
 */
export function findReBlockFileNumbers(text: string): FileNumberMatch[] {
  const out: FileNumberMatch[] = [];
  for (const m of text.matchAll(BARE)) {
    const n = normalizeFileNumber(m[1]!.replace(/\s/g, ''));
    if (n) out.push({ number: n, index: m.index + m[0].indexOf(m[1]!) });
  }
  return out;
}

/** Merges lists of file numbers, first occurrence wins. */
export function mergeFileNumbers(...lists: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  for (const list of lists) for (const n of list) if (!out.includes(n)) out.push(n);
  return out;
}
