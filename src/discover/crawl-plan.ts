/**
 * What a crawl pass reads, and how what it reads becomes filing refs. Letters become public late (20 business
 * days after a review ends, often months after their filing date), so the crawler keys on dissemination: the
 * daily index of each day lists what was disseminated that day, whatever its filing date; the latest-filings
 * feed covers the hours before the day's index is published. A cursor (the last index day read) makes passes
 * incremental. Pure: dates and rows in, dates and refs out.
 */
import type { LetterForm } from '../letter/schema.ts';
import type { AtomFiling } from './browse-atom.ts';
import type { IndexRow } from './daily-index.ts';
import type { FilingRef } from './filing-ref.ts';

/** Store checkpoint holding the last daily-index date (YYYY-MM-DD) read completely. */
export const CRAWL_CURSOR_CHECKPOINT = 'crawl:daily-index';

/** Days before today read by the first pass when there is no cursor and no --since. */
export const DEFAULT_LOOKBACK_DAYS = 7;
/** Index days read by one pass at most; a crawler far behind catches up over several passes. */
export const DEFAULT_MAX_INDEX_DAYS = 31;
/** A missing index this many days old or less is not published yet (read again next pass); older = holiday. */
export const INDEX_PUBLICATION_GRACE_DAYS = 3;

const EASTERN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in New York (EDGAR's clock) at `now`, YYYY-MM-DD. */
export function easternDate(now: Date): string {
  return EASTERN.format(now);
}

/** YYYY-MM-DD plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T12:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function isWeekday(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

export interface IndexDatesOptions {
  /** Last index date read completely, or null before the first pass. */
  readonly cursor: string | null;
  /** First date to read when there is no cursor (or to read again from); default today - lookbackDays. */
  readonly since: string | null;
  /** Today in New York. */
  readonly today: string;
  readonly lookbackDays?: number;
  readonly maxDays?: number;
}

/** The weekdays whose daily index the pass reads, oldest first: after the cursor (or from `since`) to today. */
export function indexDatesToRead(options: IndexDatesOptions): string[] {
  const lookback = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const maxDays = options.maxDays ?? DEFAULT_MAX_INDEX_DAYS;
  let date = options.since ?? (options.cursor ? addDays(options.cursor, 1) : addDays(options.today, -lookback));
  const dates: string[] = [];
  while (date <= options.today && dates.length < maxDays) {
    if (isWeekday(date)) dates.push(date);
    date = addDays(date, 1);
  }
  return dates;
}

/** Whether a daily index that EDGAR does not have (404) may still be published later. */
export function mayStillBePublished(date: string, today: string): boolean {
  return date >= addDays(today, -INDEX_PUBLICATION_GRACE_DAYS);
}

/** The letters listed in a daily index, as refs (the index's Date Filed is the filing date, however old). */
export function refsFromIndex(rows: readonly IndexRow[], forms: readonly LetterForm[]): FilingRef[] {
  return rows
    .filter((row) => (forms as readonly string[]).includes(row.form))
    .map((row) => ({
      accessionNumber: row.accessionNumber,
      cik: row.cik,
      form: row.form,
      filingDate: row.dateFiled,
      acceptanceDateTime: null,
      fileNumber: null,
      primaryDocument: null,
    }));
}

/** The letters of a latest-filings feed page, as refs (entries without a CIK or date cannot be fetched). */
export function refsFromFeed(filings: readonly AtomFiling[], forms: readonly LetterForm[]): FilingRef[] {
  const refs: FilingRef[] = [];
  for (const filing of filings) {
    if (!(forms as readonly string[]).includes(filing.form) || !filing.cik || !filing.filingDate) continue;
    refs.push({
      accessionNumber: filing.accessionNumber,
      cik: filing.cik,
      form: filing.form,
      filingDate: filing.filingDate,
      acceptanceDateTime: filing.updated,
      fileNumber: filing.fileNumber,
      primaryDocument: null,
    });
  }
  return refs;
}

/** Each accession once (a co-registrant filing is listed under every filer; first listing wins). */
export function dedupeRefs(refs: readonly FilingRef[]): FilingRef[] {
  const seen = new Map<string, FilingRef>();
  for (const ref of refs) if (!seen.has(ref.accessionNumber)) seen.set(ref.accessionNumber, ref);
  return [...seen.values()];
}
