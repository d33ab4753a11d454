/**
 * The evaluation corpus loader: wraps each real CORRESP/UPLOAD letter of a corpus directory (laid out as
 * ../shared/edgar/README.md "Real letters for evaluation" describes) as its complete submission `.txt`, so that
 * evaluation runs the same parseSubmission -> normalize -> parse path as a backfill. The directory is read at
 * run time from a path argument; nothing from it is ever committed, and no test depends on it.
 *
 * Header facts come from INDEX.csv (accession, form, filing date, acceptance time, file number) and the
 * company's company_submissions.json (CIK, name, SIC, state, fiscal year end, former names). A CORRESP .htm
 * already carries its <DOCUMENT>...<TEXT> wrapper; a PDF goes uuencoded inside <PDF> as a LETTER document.
 * SEC STAFF LETTER / SEC STAFF ACTION rows are outside the Letter schema: they are listed as skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEasternDaylightTime } from '../../src/submission/eastern-time.ts';

export interface CorpusRow {
  readonly ticker: string;
  readonly thread: string;
  readonly accession: string;
  readonly form: string;
  /** YYYY-MM-DD */
  readonly filingDate: string;
  /** As the corpus lists it: a true UTC instant ("2017-04-06T00:13:02.000Z" for a filing dated 2017-04-05). */
  readonly acceptanceUtc: string;
  readonly fileNumber: string;
  readonly primaryDocument: string;
}

export interface CorpusLetter {
  readonly row: CorpusRow;
  /** Where the primary document lives, for reports. */
  readonly path: string;
  readonly format: 'html' | 'pdf';
  /** The complete submission .txt built around the primary document. */
  readonly submission: Uint8Array;
}

export interface CorpusIndex {
  readonly letters: readonly CorpusRow[];
  /** SEC STAFF LETTER / SEC STAFF ACTION and any other form outside the Letter schema. */
  readonly skipped: readonly CorpusRow[];
}

const LETTER_FORMS = new Set(['CORRESP', 'UPLOAD']);

/** Minimal CSV reading for INDEX.csv: quoted fields with doubled quotes, no embedded newlines. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Reads INDEX.csv and splits its rows into letters and skipped forms. */
export function readCorpusIndex(dir: string): CorpusIndex {
  const lines = readFileSync(join(dir, 'INDEX.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const columns = splitCsvLine(lines[0]!);
  const at = (name: string): number => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`INDEX.csv has no column ${name}`);
    return i;
  };
  const cols = {
    ticker: at('ticker'),
    thread: at('thread'),
    accession: at('accession'),
    form: at('form'),
    filingDate: at('filingDate'),
    acceptance: at('acceptanceDateTime_as_in_json'),
    fileNumber: at('fileNumber'),
    primaryDocument: at('primaryDocument'),
  };
  const letters: CorpusRow[] = [];
  const skipped: CorpusRow[] = [];
  for (const line of lines.slice(1)) {
    const f = splitCsvLine(line);
    const row: CorpusRow = {
      ticker: f[cols.ticker]!,
      thread: f[cols.thread]!,
      accession: f[cols.accession]!,
      form: f[cols.form]!,
      filingDate: f[cols.filingDate]!.slice(0, 10),
      acceptanceUtc: f[cols.acceptance]!,
      fileNumber: f[cols.fileNumber] ?? '',
      primaryDocument: f[cols.primaryDocument]!,
    };
    (LETTER_FORMS.has(row.form) ? letters : skipped).push(row);
  }
  return { letters, skipped };
}

/** "2017-04-06T00:13:02.000Z" -> "20170405201302", the Eastern wall clock EDGAR writes in headers. */
export function utcToEasternStamp(iso: string): string | null {
  const utc = Date.parse(iso);
  if (Number.isNaN(utc)) return null;
  for (const hours of [4, 5]) {
    const local = new Date(utc - hours * 3600_000);
    const [y, m, d, h] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours()];
    if ((hours === 4) === isEasternDaylightTime(y, m, d, h)) {
      return local.toISOString().slice(0, 19).replace(/[-T:]/g, '');
    }
  }
  return null;
}

interface CompanyFacts {
  readonly cik: string;
  readonly name: string;
  readonly sic: string;
  readonly sicDescription: string;
  readonly stateOfIncorporation: string;
  readonly fiscalYearEnd: string;
  readonly formerNames: readonly { readonly name: string; readonly from: string; readonly to: string }[];
}

const companies = new Map<string, CompanyFacts>();

function companyOf(dir: string, ticker: string): CompanyFacts {
  let facts = companies.get(`${dir}\0${ticker}`);
  if (!facts) {
    const json = JSON.parse(readFileSync(join(dir, ticker, 'company_submissions.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    facts = {
      cik: String(json.cik ?? '').padStart(10, '0'),
      name: String(json.name ?? ''),
      sic: String(json.sic ?? ''),
      sicDescription: String(json.sicDescription ?? ''),
      stateOfIncorporation: String(json.stateOfIncorporation ?? ''),
      fiscalYearEnd: String(json.fiscalYearEnd ?? ''),
      formerNames: Array.isArray(json.formerNames) ? (json.formerNames as CompanyFacts['formerNames']) : [],
    };
    companies.set(`${dir}\0${ticker}`, facts);
  }
  return facts;
}

/** uuencode as EDGAR writes it (45 bytes a line, backtick for zero). */
export function uuencode(bytes: Uint8Array, name: string): string {
  const enc = (n: number): string => String.fromCharCode(n === 0 ? 96 : n + 32);
  const lines = [`begin 644 ${name}`];
  for (let i = 0; i < bytes.length; i += 45) {
    const chunk = bytes.subarray(i, i + 45);
    let line = enc(chunk.length);
    for (let j = 0; j < chunk.length; j += 3) {
      const a = chunk[j]!;
      const b = chunk[j + 1] ?? 0;
      const c = chunk[j + 2] ?? 0;
      line += enc(a >> 2) + enc(((a & 3) << 4) | (b >> 4)) + enc(((b & 15) << 2) | (c >> 6)) + enc(c & 63);
    }
    lines.push(line);
  }
  lines.push('`', 'end');
  return lines.join('\n') + '\n';
}

function header(row: CorpusRow, company: CompanyFacts): string {
  const compactDate = row.filingDate.replace(/-/g, '');
  const acceptance = utcToEasternStamp(row.acceptanceUtc);
  const role = row.form === 'UPLOAD' ? 'FILED FOR' : 'FILER';
  const former = company.formerNames
    .map(
      (f) =>
        `\n\tFORMER COMPANY:\t\n\t\tFORMER CONFORMED NAME:\t${f.name}\n\t\tDATE OF NAME CHANGE:\t${f.to.slice(0, 10).replace(/-/g, '')}\n`,
    )
    .join('');
  return (
    [
      `<SEC-DOCUMENT>${row.accession}.txt`,
      `<SEC-HEADER>${row.accession}.hdr.sgml`,
      ...(acceptance ? [`<ACCEPTANCE-DATETIME>${acceptance}`] : []),
      `ACCESSION NUMBER:\t\t${row.accession}`,
      `CONFORMED SUBMISSION TYPE:\t${row.form}`,
      'PUBLIC DOCUMENT COUNT:\t\t1',
      `FILED AS OF DATE:\t\t${compactDate}`,
      '',
      `${role}:\t\t`,
      '',
      '\tCOMPANY DATA:\t',
      `\t\tCOMPANY CONFORMED NAME:\t\t\t${company.name}`,
      `\t\tCENTRAL INDEX KEY:\t\t\t${company.cik}`,
      ...(company.sic
        ? [`\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t${company.sicDescription.toUpperCase()} [${company.sic}]`]
        : []),
      ...(company.stateOfIncorporation ? [`\t\tSTATE OF INCORPORATION:\t\t\t${company.stateOfIncorporation}`] : []),
      ...(company.fiscalYearEnd ? [`\t\tFISCAL YEAR END:\t\t\t${company.fiscalYearEnd}`] : []),
      '',
      '\tFILING VALUES:',
      `\t\tFORM TYPE:\t\t${row.form}`,
      ...(row.form === 'UPLOAD' && row.fileNumber ? [`\t\tSEC FILE NUMBER:\t${row.fileNumber}`] : []),
    ].join('\n') + `\n${former}</SEC-HEADER>\n`
  );
}

/** The primary document's path for a row. */
export function corpusDocumentPath(dir: string, row: CorpusRow): string {
  return join(dir, row.ticker, row.thread, 'filings', row.accession, row.primaryDocument);
}

/** Builds the complete submission of one corpus row (reads its primary document and company JSON). */
export function wrapCorpusLetter(dir: string, row: CorpusRow): CorpusLetter {
  const path = corpusDocumentPath(dir, row);
  const document = new Uint8Array(readFileSync(path));
  const company = companyOf(dir, row.ticker);
  const isPdf = /\.pdf$/i.test(row.primaryDocument);
  const head = Buffer.from(header(row, company), 'latin1');
  let body: Buffer;
  if (isPdf) {
    const name = row.primaryDocument;
    body = Buffer.from(
      `<DOCUMENT>\n<TYPE>LETTER\n<SEQUENCE>1\n<FILENAME>${name}\n<TEXT>\n<PDF>\n${uuencode(document, name)}</PDF>\n</TEXT>\n</DOCUMENT>\n`,
      'latin1',
    );
  } else {
    const text = Buffer.from(document);
    body = text.subarray(0, 16).toString('latin1').startsWith('<DOCUMENT>')
      ? Buffer.concat([text, Buffer.from(text.at(-1) === 10 ? '' : '\n')])
      : Buffer.concat([
          Buffer.from(`<DOCUMENT>\n<TYPE>${row.form}\n<SEQUENCE>1\n<FILENAME>${row.primaryDocument}\n<TEXT>\n`),
          text,
          Buffer.from('\n</TEXT>\n</DOCUMENT>\n'),
        ]);
  }
  const submission = Buffer.concat([head, body, Buffer.from('</SEC-DOCUMENT>\n')]);
  return {
    row,
    path,
    format: isPdf ? 'pdf' : 'html',
    submission: new Uint8Array(submission.buffer, submission.byteOffset, submission.byteLength),
  };
}

/** Every letter of the corpus, wrapped, one at a time (the corpus is read lazily). */
export function* readCorpus(dir: string, index: CorpusIndex = readCorpusIndex(dir)): Generator<CorpusLetter> {
  for (const row of index.letters) yield wrapCorpusLetter(dir, row);
}
