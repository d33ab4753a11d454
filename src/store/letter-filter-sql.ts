/**
 * The WHERE conditions of a LetterFilter, in SQL both stores speak (the tables have the same names and
 * columns); each store supplies its placeholder style. Identifiers are normalised here, so `--cik 0001508475`
 * and `--file-number 0-12345` find what the pipeline stored.
 */
import { normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import { authorityMatches } from './analytics-sql.ts';
import type { LetterFilter } from './document-store.ts';

/** Adds a bound value and returns its placeholder ("?" for SQLite, "$3" for PostgreSQL). */
export type BindParameter = (value: string) => string;

/** Where a store keeps what the tables do not share: the condition "letter l is in the thread bound here". */
export interface LetterFilterDialect {
  readonly thread: (placeholder: string) => string;
}

/** SQLite keeps the thread id on the letter's row. */
const THREAD_COLUMN: LetterFilterDialect = { thread: (placeholder) => `l.thread_id = ${placeholder}` };

/**
 * Conditions over the `letters` table aliased `l`, joined by AND by the caller (empty: every letter). Empty
 * `forms`/`kinds` lists mean "no filter", as an absent option does.
 */
export function letterFilterConditions(
  filter: LetterFilter,
  bind: BindParameter,
  dialect: LetterFilterDialect = THREAD_COLUMN,
): string[] {
  const conditions: string[] = [];
  if (filter.fileNumber !== undefined) {
    const fileNumber = normalizeFileNumber(filter.fileNumber) ?? filter.fileNumber.trim();
    conditions.push(
      `EXISTS (SELECT 1 FROM letter_file_numbers f WHERE f.accession_number = l.accession_number AND f.file_number = ${bind(fileNumber)})`,
    );
  }
  if (filter.cik !== undefined) conditions.push(`l.cik = ${bind(normalizeCik(filter.cik) ?? filter.cik.trim())}`);
  if (filter.since !== undefined) conditions.push(`l.filing_date >= ${bind(filter.since)}`);
  if (filter.until !== undefined) conditions.push(`l.filing_date <= ${bind(filter.until)}`);
  if (filter.forms !== undefined && filter.forms.length > 0) {
    conditions.push(`l.form IN (${filter.forms.map((form) => bind(form)).join(', ')})`);
  }
  if (filter.kinds !== undefined && filter.kinds.length > 0) {
    conditions.push(`l.kind IN (${filter.kinds.map((kind) => bind(kind)).join(', ')})`);
  }
  if (filter.threadId !== undefined) conditions.push(dialect.thread(bind(filter.threadId)));
  if (filter.after !== undefined) {
    const { sortKey, filingDate, accessionNumber } = filter.after;
    conditions.push(
      `(l.sort_key, l.filing_date, l.accession_number) > (${bind(sortKey)}, ${bind(filingDate)}, ${bind(accessionNumber)})`,
    );
  }
  // letter_terms holds each letter's item topics and authorities (written with the letter): an index, not a
  // scan of every letter's items JSON.
  if (filter.topic !== undefined) {
    conditions.push(
      `l.accession_number IN (SELECT t.accession_number FROM letter_terms t WHERE t.term = 'topic' AND t.value = ${bind(filter.topic)})`,
    );
  }
  if (filter.authority !== undefined) {
    conditions.push(
      `l.accession_number IN (SELECT t.accession_number FROM letter_terms t WHERE t.term = 'authority' AND ${authorityMatches('t.value', filter.authority, bind)})`,
    );
  }
  return conditions;
}

/** Letters are listed in pages of this many rows (keyset pagination on the ordering key). */
export const LETTER_PAGE_SIZE = 200;

/**
 * When storing a letter's "parsed" mark on an existing `filings` row changes anything (the ON CONFLICT ...
 * WHERE of both stores): re-storing an unchanged letter then writes nothing and keeps `updatedAt`, the time
 * of the last state change.
 */
export const PARSED_STATE_CHANGES = `filings.state <> 'parsed'
  OR filings.parser_version IS DISTINCT FROM excluded.parser_version
  OR filings.note IS NOT NULL
  OR (filings.acceptance_date_time IS NULL AND excluded.acceptance_date_time IS NOT NULL)`;
