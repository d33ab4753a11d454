/**
 * Reads a row of the `filings` table (same columns in both stores) into a FilingRecord. PostgreSQL returns
 * timestamps as Date and bigints as strings; SQLite returns ISO text and numbers: both end up the same here.
 */
import type { FilingRecord, FilingState, PipelineStage } from './document-store.ts';

export function toFilingRecord(row: Readonly<Record<string, unknown>>): FilingRecord {
  const text = (key: string): string | null => (row[key] === null || row[key] === undefined ? null : String(row[key]));
  const updatedAt = row['updated_at'];
  return {
    accessionNumber: String(row['accession_number']),
    cik: String(row['cik']),
    form: String(row['form']),
    filingDate: String(row['filing_date']),
    acceptanceDateTime: text('acceptance_date_time'),
    listedFileNumber: text('listed_file_number'),
    state: row['state'] as FilingState,
    archiveSha256: text('archive_sha256'),
    archiveBytes: row['archive_bytes'] === null ? null : Number(row['archive_bytes']),
    failedStage: text('failed_stage') as PipelineStage | null,
    failureCode: text('failure_code'),
    failureReason: text('failure_reason'),
    note: text('note'),
    parserVersion: text('parser_version'),
    updatedAt: updatedAt instanceof Date ? updatedAt.toISOString() : String(updatedAt),
  };
}
