/**
 * The quarterly full index `Archives/edgar/full-index/YYYY/QTRn/`: every filing disseminated in the quarter,
 * one row per filer (co-registrants each list the filing), with its (often older) filing date. `master.idx` is
 * pipe-separated and sorted by CIK as text, `form.idx` and `company.idx` fixed width; the `.gz` files are the
 * same bytes gzipped. Headers as EDGAR writes them (a `Cloud HTTP:` line, four blank lines, ISO dates in the
 * rows). The directory answers `index.json` in EDGAR's directory-listing shape. A quarter not started yet
 * answers 404, as EDGAR does.
 */
import type { ListedFiling } from '../catalog.ts';

export type FullIndexKind = 'master' | 'form' | 'company';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-03-31" -> "March 31, 2021" (the full index spells the month out, unlike the daily one). */
function received(date: string): string {
  const [y, m, d] = date.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}`;
}

/** First and last day of a quarter, YYYY-MM-DD. */
export function quarterDays(year: number, quarter: number): { first: string; last: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return {
    first: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
    last: `${year}-${String(firstMonth + 2).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`,
  };
}

interface Row {
  name: string;
  form: string;
  cik: string;
  filed: string;
  file: string;
}

const DESCRIPTIONS: Record<FullIndexKind, string> = {
  master: 'Master Index of EDGAR Dissemination Feed',
  form: 'Master Index of EDGAR Dissemination Feed by Form Type',
  company: 'Master Index of EDGAR Dissemination Feed by Company Name',
};

/** Renders one full-index file of a quarter whose data runs to `lastReceived` (YYYY-MM-DD). */
export function renderFullIndex(kind: FullIndexKind, lastReceived: string, listed: readonly ListedFiling[]): string {
  const rows: Row[] = listed.map(({ company, filing }) => ({
    name: company.name,
    form: filing.form,
    cik: company.cik,
    filed: filing.filingDate,
    file: `edgar/data/${company.cik}/${filing.accessionNumber}.txt`,
  }));
  const byName = (a: Row, b: Row) =>
    a.name.localeCompare(b.name) || a.form.localeCompare(b.form) || a.file.localeCompare(b.file);
  const header = [
    `Description:           ${DESCRIPTIONS[kind]}`,
    `Last Data Received:    ${received(lastReceived)}`,
    'Comments:              webmaster@sec.gov',
    'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
    'Cloud HTTP:            https://www.sec.gov/Archives/',
  ];
  const name = (row: Row) => row.name.slice(0, 60).padEnd(62);
  const tail = (row: Row) => `${row.cik.padEnd(12)}${row.filed.padEnd(12)}${row.file.padEnd(52)}`;
  let lines: string[];
  if (kind === 'master') {
    lines = [
      ...header,
      '',
      '',
      '',
      '',
      'CIK|Company Name|Form Type|Date Filed|Filename',
      '-'.repeat(80),
      ...rows
        .sort((a, b) => (a.cik < b.cik ? -1 : a.cik > b.cik ? 1 : byName(a, b)))
        .map((row) => `${row.cik}|${row.name}|${row.form}|${row.filed}|${row.file}`),
    ];
  } else if (kind === 'form') {
    lines = [
      ...header,
      ' ',
      ' ',
      ' ',
      ' ',
      'Form Type   Company Name                                                  CIK         Date Filed  File Name',
      '-'.repeat(141),
      ...rows
        .sort((a, b) => a.form.localeCompare(b.form) || byName(a, b))
        .map((row) => `${row.form.padEnd(12)}${name(row)}${tail(row)}`),
    ];
  } else {
    lines = [
      ...header,
      ' ',
      ' ',
      ' ',
      ' ',
      'Company Name                                                  Form Type   CIK         Date Filed  File Name',
      '-'.repeat(141),
      ...rows.sort(byName).map((row) => `${name(row)}${row.form.padEnd(12)}${tail(row)}`),
    ];
  }
  return `${lines.join('\n')}\n`;
}

/** "03/31/2021 10:11:28 PM": the listing's clock. */
function listingClock(date: string): string {
  const [y, m, d] = date.split('-');
  return `${m}\\/${d}\\/${y} 10:12:32 PM`;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The quarter directory's `index.json`: every file with its size, escaped slashes as EDGAR writes them. */
export function renderQuarterListing(
  year: number,
  quarter: number,
  lastReceived: string,
  files: ReadonlyArray<{ name: string; bytes: number }>,
): string {
  const items = [...files]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (file) =>
        `{"last-modified":"${listingClock(lastReceived)}","name":"${file.name}","type":"file","href":"${file.name}","size":"${kb(file.bytes)}"}`,
    );
  return `{"directory":{"item":[${items.join(',')}],"name":"full-index\\/${year}\\/QTR${quarter}\\/","parent-dir":"..\\/"}}`;
}
