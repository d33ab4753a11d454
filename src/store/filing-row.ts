/**
 * Reads a row of the `filings` table (same columns in both stores) into a FilingRecord. PostgreSQL returns
 * timestamps as Date, bigints as strings and jsonb parsed; SQLite returns ISO text, numbers and JSON text: both
 * end up the same here. Typed columns are checked against their unions: a value this build does not know is
 * read as the nearest safe one (an unknown failure code as INTERNAL, an unknown hold as no hold).
 */
import { z } from 'zod';
import { BAD_INPUT_REASONS, ERROR_CODES } from '../errors.ts';
import {
  FILING_STATES,
  HOLD_REASONS,
  PIPELINE_STAGES,
  type FilingFailure,
  type FilingRecord,
  type Hold,
} from '../filing/filing-record.ts';

const StateSchema = z.enum(FILING_STATES);
const StageSchema = z.enum(PIPELINE_STAGES);
const CodeSchema = z.enum(Object.values(ERROR_CODES)).catch(ERROR_CODES.INTERNAL);
const BadInputReasonSchema = z.enum(Object.values(BAD_INPUT_REASONS)).nullable().catch(null);
const HoldReasonSchema = z.enum(HOLD_REASONS);
const FileNumbersSchema = z.array(z.string()).catch([]);

type Row = Readonly<Record<string, unknown>>;

const textOf = (row: Row, key: string): string | null =>
  row[key] === null || row[key] === undefined ? null : String(row[key]);

function failureOf(row: Row): FilingFailure | null {
  const stage = StageSchema.safeParse(row['failed_stage']);
  if (row['state'] !== 'failed' || !stage.success) return null;
  return {
    stage: stage.data,
    code: CodeSchema.parse(row['failure_code']),
    reason: textOf(row, 'failure_reason') ?? '',
    badInputReason: BadInputReasonSchema.parse(row['bad_input_reason'] ?? null),
  };
}

function holdOf(row: Row): Hold | null {
  const reason = HoldReasonSchema.safeParse(row['hold_reason']);
  if (row['state'] !== 'fetched' || !reason.success) return null;
  const raw = row['hold_file_numbers'];
  const numbers = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  return {
    reason: reason.data,
    fileNumbers: FileNumbersSchema.parse(numbers),
    parserVersion: textOf(row, 'parser_version') ?? '',
  };
}

export function toFilingRecord(row: Row): FilingRecord {
  const updatedAt = row['updated_at'];
  return {
    accessionNumber: String(row['accession_number']),
    cik: String(row['cik']),
    form: String(row['form']),
    filingDate: String(row['filing_date']),
    acceptanceDateTime: textOf(row, 'acceptance_date_time'),
    listedFileNumber: textOf(row, 'listed_file_number'),
    state: StateSchema.parse(row['state']),
    archiveSha256: textOf(row, 'archive_sha256'),
    archiveBytes: row['archive_bytes'] === null ? null : Number(row['archive_bytes']),
    failure: failureOf(row),
    hold: holdOf(row),
    note: textOf(row, 'note'),
    parserVersion: textOf(row, 'parser_version'),
    updatedAt: updatedAt instanceof Date ? updatedAt.toISOString() : String(updatedAt),
  };
}
