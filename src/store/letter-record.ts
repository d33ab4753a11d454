/**
 * What both store adapters derive from a Letter before writing it: the validated letter in schema key order,
 * its content hash (what `upsertLetter` compares to answer inserted/updated/unchanged), the indexed columns and
 * the ordering key. Pure: no database here, so the SQLite and PostgreSQL stores agree by construction.
 */
import { createHash } from 'node:crypto';
import { badInput } from '../submission/bad-input.ts';
import { LetterSchema, type Letter } from '../letter/schema.ts';
import { normalizeFileNumber } from '../identifiers.ts';

/** Top-level keys of the export schema, in its order: stored letters are rebuilt in this order. */
export const LETTER_KEYS = Object.keys(LetterSchema.shape) as ReadonlyArray<keyof Letter>;

export interface LetterRecord {
  /** The validated letter, keys in schema order at every level (zod rebuilds objects from the schema). */
  readonly letter: Letter;
  /** sha256 over the letter without `threadId`: the thread is the thread builder's, not the parser's, output. */
  readonly contentHash: string;
  /** Ordering key shared by both stores; see {@link letterSortKey}. */
  readonly sortKey: string;
  /** Deduplicated file numbers in EDGAR's spelling, for the letter <-> file-number table. */
  readonly fileNumbers: readonly string[];
}

/**
 * Validates a letter against the export schema and derives what the stores index. A letter that does not
 * match the schema is the parser's bug in that filing: it raises BadInputError("invalid-letter") naming the
 * accession and the first problems, so the filing fails with that reason and the run goes on.
 */
export function prepareLetterRecord(input: Letter): LetterRecord {
  const parsed = LetterSchema.safeParse(input);
  if (!parsed.success) {
    const accession = typeof input?.accessionNumber === 'string' ? input.accessionNumber : null;
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(letter)'}: ${issue.message}`)
      .join('; ');
    throw badInput('invalid-letter', accession, `letter does not match the export schema: ${problems}`);
  }
  const letter = parsed.data;
  return {
    letter,
    contentHash: letterContentHash(letter),
    sortKey: letterSortKey(letter.acceptanceDateTime, letter.filingDate),
    fileNumbers: [...new Set(letter.fileNumbers.map((n) => normalizeFileNumber(n) ?? n.trim()))].filter(Boolean),
  };
}

/** sha256 (hex) of the letter's JSON without `threadId`. Callers pass letters in schema key order. */
export function letterContentHash(letter: Letter): string {
  const { threadId: _threadId, ...content } = letter;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * The key letters are listed by: the acceptance time in UTC ("2014-01-03T11:15:34.000Z"), so that offsets
 * compare correctly as text; a letter without an acceptance time (or with one that does not parse) sorts at
 * the start of its filing date, New York time as EDGAR dates are. Ties are broken by filing date, then
 * accession number, by the stores.
 */
export function letterSortKey(acceptanceDateTime: string | null, filingDate: string): string {
  if (acceptanceDateTime !== null) {
    const time = Date.parse(acceptanceDateTime);
    if (Number.isFinite(time)) return new Date(time).toISOString();
  }
  const midnight = Date.parse(`${filingDate}T00:00:00-05:00`);
  return Number.isFinite(midnight) ? new Date(midnight).toISOString() : `${filingDate}T05:00:00.000Z`;
}

/**
 * Rebuilds a stored letter with the stored thread id (the column is the truth: it is what `assignThreads`
 * sets), keys in schema order at every level (JSONB keeps no key order). A letter stored by an older schema
 * that no longer validates is returned as stored, top-level keys ordered, missing lists as [] and values null.
 */
export function restoreLetter(stored: Record<string, unknown>, threadId: string | null): Letter {
  const merged: Record<string, unknown> = { ...stored, threadId };
  const parsed = LetterSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  return Object.fromEntries(LETTER_KEYS.map((key) => [key, merged[key] ?? defaultFor(key)])) as Letter;
}

function defaultFor(key: keyof Letter): unknown {
  const shape = LetterSchema.shape[key];
  return shape.safeParse([]).success ? [] : null;
}

/** A stored letter as a list row: restored as restoreLetter does, without its full text. */
export function restoreLetterRow(stored: Record<string, unknown>, threadId: string | null): Omit<Letter, 'text'> {
  const { text, ...row } = restoreLetter({ ...stored, text: '' }, threadId);
  void text;
  return row;
}

/** A letter's distinct item topics and authorities, as the items hold them (the letter_terms rows). */
export function letterTerms(letter: Letter): { term: 'topic' | 'authority'; value: string }[] {
  const keys = new Set<string>();
  const terms: { term: 'topic' | 'authority'; value: string }[] = [];
  for (const item of letter.items) {
    for (const [term, values] of [
      ['topic', item.topics],
      ['authority', item.authorities],
    ] as const) {
      for (const value of values) {
        if (keys.has(`${term}\u0000${value}`)) continue;
        keys.add(`${term}\u0000${value}`);
        terms.push({ term, value });
      }
    }
  }
  return terms;
}
