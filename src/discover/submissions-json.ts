/**
 * data.sec.gov submissions JSON: the main file of a CIK (company facts, `filings.recent` and the list of older
 * overflow pages in `filings.files`) and the overflow pages themselves (the same flat column arrays, with no
 * `filings` wrapper). Columns are parallel arrays; unknown columns are ignored and missing ones read as null.
 * Pure: JSON in, rows out.
 */
import { EdgarBadResponseError } from '../errors.ts';
import { normalizeAccession, normalizeCik, normalizeFileNumber } from '../identifiers.ts';

/** One filing as the submissions JSON lists it. */
export interface SubmissionsRow {
  readonly accessionNumber: string;
  readonly form: string;
  /** YYYY-MM-DD */
  readonly filingDate: string;
  readonly reportDate: string | null;
  /** As listed ("2024-04-29T09:00:18.000Z": EDGAR writes Eastern digits with a Z). */
  readonly acceptanceDateTime: string | null;
  /** Every file number of the `fileNumber` cell, EDGAR spelling ([] when blank). */
  readonly fileNumbers: readonly string[];
  readonly primaryDocument: string | null;
}

/** An older page named in `filings.files`. */
export interface SubmissionsPageRef {
  /** "CIK0001551152-submissions-001.json" */
  readonly name: string;
  readonly filingCount: number | null;
  readonly filingFrom: string | null;
  readonly filingTo: string | null;
}

export interface CompanySubmissions {
  readonly cik: string;
  readonly name: string;
  readonly tickers: readonly string[];
  /** `filings.recent` rows. */
  readonly rows: readonly SubmissionsRow[];
  /** Older pages still to read for a complete history. */
  readonly pages: readonly SubmissionsPageRef[];
  /** Problems met that did not stop parsing (rows dropped, odd cells). */
  readonly warnings: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Splits a `fileNumber` cell ("001-35126", "333-1, 333-1-01", "") into EDGAR-spelled numbers. */
export function splitFileNumbers(cell: unknown): string[] {
  const raw = text(cell);
  if (raw === null) return [];
  const out: string[] = [];
  for (const part of raw.split(/[,;\s]+/)) {
    const fileNumber = normalizeFileNumber(part);
    if (fileNumber !== null && !out.includes(fileNumber)) out.push(fileNumber);
  }
  return out;
}

/**
 * Reads flat column arrays ({accessionNumber: [...], form: [...], ...}) into rows. Rows without a valid
 * accession number, form or filing date are dropped with a warning: nothing can be fetched or filtered for them.
 */
export function parseSubmissionColumns(
  columns: unknown,
  source: string,
): { rows: SubmissionsRow[]; warnings: string[] } {
  if (!isRecord(columns) || !Array.isArray(columns['accessionNumber'])) {
    throw new EdgarBadResponseError(source, null, `${source}: no accessionNumber column in the submissions JSON`);
  }
  const accessions = columns['accessionNumber'] as unknown[];
  const column = (name: string): unknown[] => (Array.isArray(columns[name]) ? (columns[name] as unknown[]) : []);
  const forms = column('form');
  const filingDates = column('filingDate');
  const reportDates = column('reportDate');
  const acceptances = column('acceptanceDateTime');
  const fileNumbers = column('fileNumber');
  const primaryDocuments = column('primaryDocument');
  const rows: SubmissionsRow[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < accessions.length; i += 1) {
    const accessionNumber = normalizeAccession(text(accessions[i]) ?? '');
    const form = text(forms[i]);
    const filingDate = text(filingDates[i]);
    if (accessionNumber === null || form === null || filingDate === null || !ISO_DATE.test(filingDate)) {
      warnings.push(
        `${source}: row ${i} dropped (accessionNumber ${JSON.stringify(accessions[i] ?? null)}, form ${JSON.stringify(forms[i] ?? null)}, filingDate ${JSON.stringify(filingDates[i] ?? null)})`,
      );
      continue;
    }
    rows.push({
      accessionNumber,
      form,
      filingDate: filingDate.slice(0, 10),
      reportDate: text(reportDates[i]),
      acceptanceDateTime: text(acceptances[i]),
      fileNumbers: splitFileNumbers(fileNumbers[i]),
      primaryDocument: text(primaryDocuments[i]),
    });
  }
  return { rows, warnings };
}

/** The main submissions file of a CIK (`CIK##########.json`). */
export function parseCompanySubmissions(json: unknown, source: string): CompanySubmissions {
  if (!isRecord(json))
    throw new EdgarBadResponseError(source, null, `${source}: the submissions JSON is not an object`);
  const cik = normalizeCik(text(json['cik']) ?? '');
  if (cik === null) throw new EdgarBadResponseError(source, null, `${source}: the submissions JSON has no valid cik`);
  const filings = isRecord(json['filings']) ? json['filings'] : {};
  // A company with no electronic filings has an empty `recent` object: no rows, not an error.
  const recent = isRecord(filings['recent']) ? filings['recent'] : {};
  const { rows, warnings } = Array.isArray(recent['accessionNumber'])
    ? parseSubmissionColumns(recent, source)
    : { rows: [], warnings: [] };
  const pages: SubmissionsPageRef[] = [];
  for (const entry of Array.isArray(filings['files']) ? (filings['files'] as unknown[]) : []) {
    const name = isRecord(entry) ? text(entry['name']) : null;
    // Only a plain file name can become a URL under /submissions/: anything else is not followed.
    if (name === null || !/^[\w.-]+\.json$/.test(name)) {
      warnings.push(`${source}: overflow page entry ignored: ${JSON.stringify(entry)}`);
      continue;
    }
    const e = entry as Record<string, unknown>;
    const count = typeof e['filingCount'] === 'number' ? e['filingCount'] : null;
    pages.push({ name, filingCount: count, filingFrom: text(e['filingFrom']), filingTo: text(e['filingTo']) });
  }
  const tickers = Array.isArray(json['tickers'])
    ? (json['tickers'] as unknown[]).map(text).filter((t) => t !== null)
    : [];
  return { cik, name: text(json['name']) ?? '', tickers, rows, pages, warnings };
}

/** An overflow page (`CIK##########-submissions-001.json`): flat columns; a `filings.recent` wrapper is tolerated. */
export function parseSubmissionsPage(json: unknown, source: string): { rows: SubmissionsRow[]; warnings: string[] } {
  if (isRecord(json) && !Array.isArray(json['accessionNumber']) && isRecord(json['filings'])) {
    const recent = (json['filings'] as Record<string, unknown>)['recent'];
    return parseSubmissionColumns(recent, source);
  }
  return parseSubmissionColumns(json, source);
}
