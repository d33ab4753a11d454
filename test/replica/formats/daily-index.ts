/**
 * Daily index files `Archives/edgar/daily-index/YYYY/QTRn/{form,company,master,crawler}.YYYYMMDD.idx`: the
 * filings disseminated that day, one row per filer, with their (often older) filing date. Fixed-width
 * columns and headers exactly as EDGAR's (company names cut at 60 characters, the company and crawler
 * headers wrapped after "CIK"); master is pipe-separated.
 */
import type { DailyIndexKind } from '../../../src/edgar/endpoints.ts';
import type { ListedFiling } from '../catalog.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-07-03" -> "Jul  3, 2023" */
function received(date: string): string {
  const [y, m, d] = date.split('-');
  return `${MONTHS[Number(m) - 1]} ${String(Number(d)).padStart(2, ' ')}, ${y}`;
}

const compact = (date: string) => date.replace(/-/g, '');

interface Row {
  name: string;
  form: string;
  cik: string;
  filed: string;
  file: string;
  url: string;
}

function header(description: string, date: string, ftp: boolean): string[] {
  const lines = [
    `Description:           ${description}`,
    `Last Data Received:    ${received(date)}`,
    'Comments:              webmaster@sec.gov',
  ];
  if (ftp) lines.push('Anonymous FTP:         ftp://ftp.sec.gov/edgar/');
  return lines;
}

/** Renders one daily index file; `www` is the base the crawler index links to. */
export function renderDailyIndex(
  kind: DailyIndexKind,
  date: string,
  listed: readonly ListedFiling[],
  www: string,
): string {
  const rows: Row[] = listed.map(({ company, filing }) => ({
    name: company.name,
    form: filing.form,
    cik: company.cik,
    filed: compact(filing.filingDate),
    file: `edgar/data/${company.cik}/${filing.accessionNumber}.txt`,
    url: `${www}/Archives/edgar/data/${company.cik}/${filing.accessionNumber}-index.htm`,
  }));
  const byName = (a: Row, b: Row) =>
    a.name.localeCompare(b.name) || a.form.localeCompare(b.form) || a.file.localeCompare(b.file);
  const blank = [' ', ' ', ' ', ' '];
  const fixed = (row: Row, last: string, width: number) =>
    `${row.cik.padEnd(12)}${row.filed.padEnd(12)}${last.padEnd(width)}`;
  const name = (row: Row) => row.name.slice(0, 60).padEnd(62);
  let lines: string[];
  switch (kind) {
    case 'company':
      lines = [
        ...header('Daily Index of EDGAR Dissemination Feed by Company Name', date, true),
        ...blank,
        'Company Name                                                  Form Type   CIK',
        '      Date Filed  File Name',
        '-'.repeat(145),
        ...rows.sort(byName).map((row) => `${name(row)}${row.form.padEnd(12)}${fixed(row, row.file, 52)}`),
      ];
      break;
    case 'crawler':
      lines = [
        ...header('Daily Crawler Index of EDGAR Dissemination Feed by Company Name', date, false),
        ...blank,
        'Company Name                                                  Form Type   CIK',
        '      Date Filed  URL ',
        '-'.repeat(179),
        ...rows.sort(byName).map((row) => `${name(row)}${row.form.padEnd(12)}${fixed(row, row.url, 86)}`),
      ];
      break;
    case 'form':
      lines = [
        ...header('Daily Index of EDGAR Dissemination Feed by Form Type', date, true),
        ...blank,
        'Form Type   Company Name                                                  CIK         Date Filed  File Name',
        '-'.repeat(141),
        ...rows
          .sort((a, b) => a.form.localeCompare(b.form) || byName(a, b))
          .map((row) => `${row.form.padEnd(12)}${name(row)}${fixed(row, row.file, 52)}`),
      ];
      break;
    case 'master':
      lines = [
        ...header('Daily Index of EDGAR Dissemination Feed', date, true),
        '',
        'CIK|Company Name|Form Type|Date Filed|File Name',
        '-'.repeat(80),
        ...rows
          .sort((a, b) => (a.cik < b.cik ? -1 : a.cik > b.cik ? 1 : byName(a, b)))
          .map((row) => `${row.cik}|${row.name}|${row.form}|${row.filed}|${row.file}`),
      ];
      break;
  }
  return `${lines.join('\n')}\n`;
}
