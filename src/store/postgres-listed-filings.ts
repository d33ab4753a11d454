/** The `listed_filings` table of the PostgreSQL store (see ListedFiling): one row per company and accession. */
import { normalizeFileNumber } from '../identifiers.ts';
import type { ListedFiling, ListedFilingFilter, SaveListedOptions } from './document-store.ts';
import type { PostgresConnection } from './postgres-connection.ts';

export async function saveListedFilings(
  db: PostgresConnection,
  filings: readonly ListedFiling[],
  options: SaveListedOptions = {},
): Promise<void> {
  // Last listing wins for a (cik, accession) named twice in one call.
  const unique = [...new Map(filings.map((f) => [`${f.cik} ${f.accessionNumber}`, f])).values()];
  if (unique.length === 0) return;
  if (options.keepExisting) return insertNewListed(db, unique);
  const numbers = unique.flatMap((f) =>
    [...new Set(f.fileNumbers)].map((fileNumber, position) => ({ f, fileNumber, position })),
  );
  await db.transaction(async (client) => {
    await client.query(
      `INSERT INTO listed_filings (cik, accession_number, form, filing_date, report_date)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (cik, accession_number) DO UPDATE SET form = excluded.form, filing_date = excluded.filing_date,
         report_date = excluded.report_date`,
      [
        unique.map((f) => f.cik),
        unique.map((f) => f.accessionNumber),
        unique.map((f) => f.form),
        unique.map((f) => f.filingDate),
        unique.map((f) => f.reportDate),
      ],
    );
    await client.query(
      `DELETE FROM listed_filing_file_numbers n USING unnest($1::text[], $2::text[]) AS u (cik, accession_number)
       WHERE n.cik = u.cik AND n.accession_number = u.accession_number`,
      [unique.map((f) => f.cik), unique.map((f) => f.accessionNumber)],
    );
    await client.query(
      `INSERT INTO listed_filing_file_numbers (cik, accession_number, file_number, position)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
      [
        numbers.map((n) => n.f.cik),
        numbers.map((n) => n.f.accessionNumber),
        numbers.map((n) => n.fileNumber),
        numbers.map((n) => n.position),
      ],
    );
  });
}

/** Rows not listed yet, without file numbers (the full index gives none); existing rows untouched. */
async function insertNewListed(db: PostgresConnection, unique: readonly ListedFiling[]): Promise<void> {
  await db.query(
    `INSERT INTO listed_filings (cik, accession_number, form, filing_date, report_date)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (cik, accession_number) DO NOTHING`,
    [
      unique.map((f) => f.cik),
      unique.map((f) => f.accessionNumber),
      unique.map((f) => f.form),
      unique.map((f) => f.filingDate),
      unique.map((f) => f.reportDate),
    ],
  );
}

export async function listListedFilings(db: PostgresConnection, filter: ListedFilingFilter): Promise<ListedFiling[]> {
  const params: unknown[] = [];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const conditions: string[] = [];
  if (filter.cik !== undefined) conditions.push(`f.cik = ${bind(filter.cik)}`);
  if (filter.accessionNumbers !== undefined) {
    if (filter.accessionNumbers.length === 0) return [];
    conditions.push(`f.accession_number = ANY(${bind(filter.accessionNumbers)}::text[])`);
  }
  if (filter.fileNumber !== undefined) {
    const fileNumber = normalizeFileNumber(filter.fileNumber) ?? filter.fileNumber.trim();
    conditions.push(
      `EXISTS (SELECT 1 FROM listed_filing_file_numbers n WHERE n.cik = f.cik AND n.accession_number = f.accession_number AND n.file_number = ${bind(fileNumber)})`,
    );
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const { rows } = await db.query<{
    cik: string;
    accession_number: string;
    form: string | null;
    filing_date: string | null;
    report_date: string | null;
    file_numbers: string[];
  }>(
    `SELECT f.cik, f.accession_number, f.form, f.filing_date, f.report_date,
       coalesce((SELECT array_agg(n.file_number ORDER BY n.position) FROM listed_filing_file_numbers n
         WHERE n.cik = f.cik AND n.accession_number = f.accession_number), '{}') AS file_numbers
     FROM listed_filings f ${where} ORDER BY f.cik, f.accession_number`,
    params,
  );
  return rows.map((row) => ({
    accessionNumber: row.accession_number,
    cik: row.cik,
    form: row.form,
    filingDate: row.filing_date,
    reportDate: row.report_date,
    fileNumbers: row.file_numbers,
  }));
}
