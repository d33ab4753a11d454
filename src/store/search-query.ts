/**
 * The `search` query language of DESIGN.md: plain words (all must match) and "quoted phrases". Parsed once
 * here; each store translates the parsed terms to its engine (FTS5 MATCH, PostgreSQL tsquery), so user input
 * never reaches either engine's own syntax: no operator, column filter or unbalanced quote gets through.
 */

export interface SearchTerm {
  /** true for a "quoted phrase": its words must appear adjacent and in order. */
  readonly phrase: boolean;
  /** The words of the term as typed, punctuation inside a word kept ("F-33", "don't"). */
  readonly words: readonly string[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Splits a query into terms. A `"` opens a phrase that runs to the next `"` (or to the end when unbalanced);
 * outside phrases, whitespace separates words. Words with no letter or digit ("-", "&", "*") are dropped,
 * as are empty phrases: they can match nothing and would only produce engine syntax errors. Leading and
 * trailing punctuation is trimmed from every word ("(revenue)," -> "revenue").
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const normalized = query.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"');
  const parts = normalized.split('"');
  parts.forEach((part, index) => {
    const words = part
      .split(/\s+/u)
      .map(trimPunctuation)
      .filter((word) => WORD_CHAR.test(word));
    if (words.length === 0) return;
    const inPhrase = index % 2 === 1;
    if (inPhrase && words.length > 1) terms.push({ phrase: true, words });
    else for (const word of words) terms.push({ phrase: false, words: [word] });
  });
  return terms;
}

function trimPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * An FTS5 MATCH expression: every term as one FTS5 string (double quotes, inner quotes doubled), joined by
 * AND. An FTS5 string is tokenized like the indexed text, so "F-33" becomes the phrase `f 33` and a phrase
 * term keeps its words adjacent. Null when the query has no searchable term.
 */
export function toFts5Match(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.words.join(' ').replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * The most matches a search ranks: the most recently stored ones. A query matching more letters (a common
 * word over 10^6 letters matches a third of them) would otherwise rank every match, time growing with the
 * store; ranking the latest 10,000 keeps a search well under 250 ms at 10^6 letters. A query matching fewer
 * letters is ranked whole, as before.
 */
export const SEARCH_CANDIDATES = 10_000;

/** Hits `searchLetters` returns when no limit is given, and the most it returns whatever the limit. */
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 1000;

/** The limit actually used: a whole number between 1 and MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT when unset. */
export function searchLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_SEARCH_LIMIT;
  return Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.trunc(limit)));
}

/** The offset actually used: a whole number >= 0, 0 when unset. */
export function searchOffset(offset: number | undefined): number {
  if (offset === undefined || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.trunc(offset));
}
