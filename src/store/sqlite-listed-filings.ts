/** The `listed_filings` table of the SQLite store (see ListedFiling): one row per company and accession. */
import type { SQLInputValue } from 'node:sqlite';
import { normalizeFileNumber } from '../identifiers.ts';
import type { ListedFiling, ListedFilingFilter, SaveListedOptions } from './document-store.ts';
import { jsonList, type SqliteConnection } from './sqlite-connection.ts';

const UPSERT_LISTED = `INSERT INTO listed_filings (cik, accession_number, form, filing_date, report_date)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (cik, accession_number) DO UPDATE SET form = excluded.form, filing_date = excluded.filing_date,
    report_date = excluded.report_date`;
const INSERT_NEW_LISTED = `INSERT INTO listed_filings (cik, accession_number, form, filing_date, report_date)
  VALUES (?, ?, ?, ?, ?) ON CONFLICT (cik, accession_number) DO NOTHING`;

export function saveListedFilings(
  db: SqliteConnection,
  filings: readonly ListedFiling[],
  options: SaveListedOptions = {},
): void {
  if (filings.length === 0) return;
  db.write(() => {
    for (const filing of filings) {
      const { changes } = db.run(
        options.keepExisting ? INSERT_NEW_LISTED : UPSERT_LISTED,
        filing.cik,
        filing.accessionNumber,
        filing.form,
        filing.filingDate,
        filing.reportDate,
      );
      if (changes === 0) continue;
      db.run(
        'DELETE FROM listed_filing_file_numbers WHERE cik = ? AND accession_number = ?',
        filing.cik,
        filing.accessionNumber,
      );
      for (const [position, fileNumber] of [...new Set(filing.fileNumbers)].entries()) {
        db.run(
          'INSERT INTO listed_filing_file_numbers (cik, accession_number, file_number, position) VALUES (?, ?, ?, ?)',
          filing.cik,
          filing.accessionNumber,
          fileNumber,
          position,
        );
      }
    }
  });
}

export function listListedFilings(db: SqliteConnection, filter: ListedFilingFilter): ListedFiling[] {
  const params: SQLInputValue[] = [];
  const bind = (value: string): string => (params.push(value), '?');
  const conditions: string[] = [];
  if (filter.cik !== undefined) conditions.push(`f.cik = ${bind(filter.cik)}`);
  if (filter.accessionNumbers !== undefined) {
    if (filter.accessionNumbers.length === 0) return [];
    conditions.push(`f.accession_number IN ${jsonList(bind, filter.accessionNumbers)}`);
  }
  if (filter.fileNumber !== undefined) {
    const fileNumber = normalizeFileNumber(filter.fileNumber) ?? filter.fileNumber.trim();
    conditions.push(
      `EXISTS (SELECT 1 FROM listed_filing_file_numbers n WHERE n.cik = f.cik AND n.accession_number = f.accession_number AND n.file_number = ${bind(fileNumber)})`,
    );
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db.all(
    `SELECT f.cik, f.accession_number, f.form, f.filing_date, f.report_date,
       (SELECT json_group_array(n.file_number) FROM (SELECT file_number FROM listed_filing_file_numbers
          WHERE cik = f.cik AND accession_number = f.accession_number ORDER BY position) n) AS file_numbers
     FROM listed_filings f ${where} ORDER BY f.cik, f.accession_number`,
    ...params,
  );
  return rows.map((row) => ({
    accessionNumber: String(row['accession_number']),
    cik: String(row['cik']),
    form: (row['form'] as string | null) ?? null,
    filingDate: (row['filing_date'] as string | null) ?? null,
    reportDate: (row['report_date'] as string | null) ?? null,
    fileNumbers: JSON.parse(String(row['file_numbers'])) as string[],
  }));
}
