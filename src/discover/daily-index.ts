/**
 * EDGAR index files (`daily-index/.../{form,company,master,crawler}.YYYYMMDD.idx` and `full-index`): a
 * preamble, a column header, a line of dashes, then one filing per line. `master` files are pipe-separated;
 * `form`, `company` and `crawler` files are fixed width, their columns placed where the header names them
 * (the `company`/`crawler` header wraps onto a second line). Pure: text in, rows out.
 */
import { normalizeAccession, normalizeCik } from '../identifiers.ts';

export interface IndexRow {
  readonly form: string;
  readonly companyName: string;
  readonly cik: string;
  /** YYYY-MM-DD */
  readonly dateFiled: string;
  readonly accessionNumber: string;
  /** The file name or URL as written. */
  readonly location: string;
}

export interface ParsedIndex {
  readonly rows: IndexRow[];
  /** Data lines that could not be read, with their line number. */
  readonly rejected: { line: number; text: string }[];
}

const ACCESSION_IN_PATH = /(\d{10}-\d{2}-\d{6})(?:-index\.html?|\.txt)?\s*$/;

function isoDate(value: string): string | null {
  const v = value.trim();
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return null;
}

function row(form: string, companyName: string, cikText: string, date: string, location: string): IndexRow | null {
  const cik = normalizeCik(cikText.trim());
  const dateFiled = isoDate(date);
  const accession = ACCESSION_IN_PATH.exec(location.trim())?.[1];
  const accessionNumber = accession ? normalizeAccession(accession) : null;
  const f = form.trim();
  if (cik === null || dateFiled === null || accessionNumber === null || f === '') return null;
  return {
    form: f,
    companyName: companyName.trim().replace(/\s+/g, ' '),
    cik,
    dateFiled,
    accessionNumber,
    location: location.trim(),
  };
}

/** The tail every fixed-width line ends with, from the CIK column on: CIK, date filed, file name or URL. */
const FIXED_TAIL = /^\s*(\d{1,10})\s+(\d{8}|\d{4}-\d{2}-\d{2})\s+(\S+)\s*$/;
/** The same tail found without column positions (a name overflowing its column shifts the line). */
const LOOSE_TAIL = /\s(\d{1,10})\s+(\d{8}|\d{4}-\d{2}-\d{2})\s+(\S+)\s*$/;

export function parseIndexFile(text: string): ParsedIndex {
  const lines = text.split(/\r?\n/);
  const dashes = lines.findIndex((l) => /^-{20,}\s*$/.test(l));
  const rows: IndexRow[] = [];
  const rejected: { line: number; text: string }[] = [];
  if (dashes < 0) return { rows, rejected };
  const header = lines.slice(Math.max(0, dashes - 3), dashes);
  const pipe = header.some((l) => l.includes('|'));
  // Where "Form Type" and "Company Name" start, from whichever header line names them.
  let formAt = -1;
  let companyAt = -1;
  let cikAt = -1;
  for (const h of header) {
    if (h.includes('Form Type')) formAt = h.indexOf('Form Type');
    if (h.includes('Company Name')) companyAt = h.indexOf('Company Name');
    if (/\bCIK\b/.test(h)) cikAt = h.search(/\bCIK\b/);
  }
  for (let i = dashes + 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let parsed: IndexRow | null = null;
    if (pipe) {
      const cells = line.split('|');
      if (cells.length >= 5) parsed = row(cells[2]!, cells[1]!, cells[0]!, cells[3]!, cells.slice(4).join('|'));
    } else {
      const fixed = cikAt > 0 ? FIXED_TAIL.exec(line.slice(cikAt)) : null;
      const loose = fixed ? null : LOOSE_TAIL.exec(line);
      const tail = fixed ?? loose;
      if (tail && formAt >= 0 && companyAt >= 0) {
        const head = fixed ? line.slice(0, cikAt) : line.slice(0, loose!.index + 1);
        const formFirst = formAt < companyAt;
        const split = formFirst ? companyAt : formAt;
        const first = head.slice(0, split);
        const second = head.slice(split);
        const [form, company] = formFirst ? [first, second] : [second, first];
        parsed = row(form, company, tail[1]!, tail[2]!, tail[3]!);
      }
    }
    if (parsed) rows.push(parsed);
    else rejected.push({ line: i + 1, text: line });
  }
  return { rows, rejected };
}
