/**
 * EDGAR's quarterly full index (`Archives/edgar/full-index/YYYY/QTRn/master.idx` and its gzip `master.gz`):
 * every filing disseminated in a quarter, one row per filer, with its filing date, however old. What an
 * `--all` backfill reads instead of per-company listings: which quarters, and what a quarter's rows become
 * (the letters, each accession once whatever its co-registrants; the rows of reviewed forms, per CIK).
 * A quarter lists what was disseminated in it and letters are released months after their filing, so a
 * filing-date range reads every quarter from the one its start falls in up to the current one. Pure.
 */
import { LETTER_FORMS } from '../letter/schema.ts';
import { addDays } from './crawl-plan.ts';
import { parseIndexFile, type IndexRow } from './daily-index.ts';
import type { FilingRef } from './filing-ref.ts';
import { isReviewedForm } from './reviewed-forms.ts';

export interface Quarter {
  readonly year: number;
  /** 1..4 */
  readonly quarter: number;
}

/** Letters exist for filings from August 2004: an `--all` without `--since` starts here. */
export const FIRST_LETTER_QUARTER: Quarter = { year: 2004, quarter: 3 };

/**
 * A quarter's index read this many days or more after the quarter ended is final: EDGAR adds nothing to it
 * any more. Read earlier (the current quarter, or the last one just after it ended), it is read again later.
 */
export const FINAL_INDEX_GRACE_DAYS = 7;

/** "2021Q1": the quarter's key in checkpoints, events and logs. */
export const quarterKey = (q: Quarter): string => `${q.year}Q${q.quarter}`;

/** The quarter a YYYY-MM-DD date falls in. */
export function quarterOf(date: string): Quarter {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

const ordinal = (q: Quarter) => q.year * 4 + (q.quarter - 1);

/** Quarters from `from` to `to` inclusive, oldest first (empty when `from` is later). */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let n = ordinal(from); n <= ordinal(to); n += 1) out.push({ year: Math.floor(n / 4), quarter: (n % 4) + 1 });
  return out;
}

/** First and last day of a quarter, YYYY-MM-DD. */
export function quarterBounds(q: Quarter): { first: string; last: string } {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(q.year, firstMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${q.year}-${pad(firstMonth)}-01`, last: `${q.year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}

/** Whether an index of `q` read on `readOn` (YYYY-MM-DD, New York) can no longer change. */
export function isFinalRead(q: Quarter, readOn: string): boolean {
  return readOn >= addDays(quarterBounds(q).last, FINAL_INDEX_GRACE_DAYS);
}

/**
 * The quarters a filing-date range needs, oldest first: from the quarter of `since` (default 2004 QTR3) to the
 * quarter of `today`, whatever `until` says (a letter filed before `until` may be disseminated after it).
 */
export function quartersForRange(since: string | null, today: string): Quarter[] {
  const from = since === null ? FIRST_LETTER_QUARTER : quarterOf(since);
  const start = ordinal(from) < ordinal(FIRST_LETTER_QUARTER) ? FIRST_LETTER_QUARTER : from;
  return quartersBetween(start, quarterOf(today));
}

/** A reviewed form's row as the listed_filings table keeps it. */
export interface ReviewedListing {
  readonly accessionNumber: string;
  readonly cik: string;
  readonly form: string;
  readonly filingDate: string;
}

export interface QuarterIndex {
  /** CORRESP and UPLOAD filings, each accession once (its first filer row), oldest filing first. */
  readonly letters: FilingRef[];
  /** Rows of reviewed forms (10-K, S-1, DEF 14A ...), one per filer: every co-registrant keeps its own. */
  readonly reviewed: ReviewedListing[];
  /** Data rows read (every form, every filer). */
  readonly rows: number;
  /** Data lines that could not be read. */
  readonly rejected: number;
}

const LETTERS = new Set<string>(LETTER_FORMS);

const letterRef = (row: IndexRow): FilingRef => ({
  accessionNumber: row.accessionNumber,
  cik: row.cik,
  form: row.form,
  filingDate: row.dateFiled,
  acceptanceDateTime: null,
  fileNumber: null,
  primaryDocument: null,
});

/** Reads a full-index file (master, form or company layout) into the letters and reviewed rows it lists. */
export function readQuarterIndex(text: string): QuarterIndex {
  const parsed = parseIndexFile(text);
  const letters = new Map<string, FilingRef>();
  const reviewed: ReviewedListing[] = [];
  for (const row of parsed.rows) {
    const form = row.form.toUpperCase();
    if (LETTERS.has(form)) {
      if (!letters.has(row.accessionNumber)) letters.set(row.accessionNumber, letterRef({ ...row, form }));
    } else if (isReviewedForm(form)) {
      reviewed.push({ accessionNumber: row.accessionNumber, cik: row.cik, form: row.form, filingDate: row.dateFiled });
    }
  }
  const ordered = [...letters.values()].sort(
    (a, b) => a.filingDate.localeCompare(b.filingDate) || a.accessionNumber.localeCompare(b.accessionNumber),
  );
  return { letters: ordered, reviewed, rows: parsed.rows.length, rejected: parsed.rejected.length };
}
