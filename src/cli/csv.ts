/**
 * CSV export: one row per letter with exactly the columns of DESIGN.md (the analytic tables' rows through
 * csvLine, export-columns.ts choosing their columns), RFC 4180 quoting. A text cell starting
 * with = + - @, tab or CR is prefixed with a single quote (OWASP's advice against formula injection): a
 * spreadsheet would otherwise run a company name such as `=HYPERLINK(...)` as a formula. Numbers stay numbers.
 */
import type { Letter } from '../letter/schema.ts';

export const CSV_COLUMNS = [
  'accessionNumber',
  'form',
  'cik',
  'companyName',
  'filingDate',
  'letterDate',
  'sender',
  'kind',
  'fileNumbers',
  'inResponseTo',
  'items',
  'threadId',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (CRLF-terminated) of cells, each quoted and neutralised as above. */
export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(letter: Letter): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    accessionNumber: letter.accessionNumber,
    form: letter.form,
    cik: letter.cik,
    companyName: letter.companyName,
    filingDate: letter.filingDate,
    letterDate: letter.letterDate,
    sender: letter.sender,
    kind: letter.kind,
    fileNumbers: letter.fileNumbers.join(';'),
    inResponseTo: letter.inResponseTo,
    items: letter.items.length,
    threadId: letter.threadId,
  };
  return `${CSV_COLUMNS.map((c) => cell(values[c])).join(',')}\r\n`;
}
