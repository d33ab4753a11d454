/**
 * The evaluation corpus loader: wraps each real CORRESP/UPLOAD letter of a corpus directory (laid out as
 * ../shared/edgar/README.md "Real letters for evaluation" describes) as its complete submission `.txt`, so that
 * evaluation runs the same parseSubmission -> normalize -> parse path as a backfill. The directory is read at
 * run time from a path argument; nothing from it is ever committed, and no test depends on it.
 *
 * Header facts come from INDEX.csv (accession, form, filing date, acceptance time, file number) and the
 * company's company_submissions.json (CIK, name, SIC, state, fiscal year end, former names). A CORRESP .htm
 * already carries its <DOCUMENT>...<TEXT> wrapper; a PDF goes uuencoded inside <PDF> as a LETTER document.
 * SEC STAFF LETTER / SEC STAFF ACTION rows are outside the Letter schema: they are listed as skipped. The SGML
 * is written by the fixture renderers (test/fixtures/render/), so the corpus takes EDGAR's exact shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEasternDaylightTime } from '../../src/submission/eastern-time.ts';
import { renderDocument, renderSecHeader, type SubmissionHeaderSpec } from '../fixtures/render/index.ts';

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

/** The <SEC-HEADER> of a corpus row, written by the fixture renderer; the dissemination date is not known. */
function header(row: CorpusRow, company: CompanyFacts): string {
  const acceptance = utcToEasternStamp(row.acceptanceUtc);
  const spec: SubmissionHeaderSpec = {
    accessionNumber: row.accession,
    submissionType: row.form,
    filedAsOfDate: row.filingDate,
    acceptanceDateTime: acceptance
      ? acceptance.replace(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3T$4:$5:$6')
      : `${row.filingDate}T00:00:00`,
    disseminationDate: row.filingDate,
    filers: [
      {
        companyName: company.name,
        cik: company.cik,
        ...(company.sic ? { sic: { code: company.sic, description: company.sicDescription.toUpperCase() } } : {}),
        ...(company.stateOfIncorporation ? { stateOfIncorporation: company.stateOfIncorporation } : {}),
        ...(company.fiscalYearEnd ? { fiscalYearEnd: company.fiscalYearEnd } : {}),
        formType: row.form,
        ...(row.form === 'UPLOAD' && row.fileNumber ? { fileNumber: row.fileNumber } : {}),
        formerNames: company.formerNames.map((f) => ({ name: f.name, dateOfChange: f.to.slice(0, 10) })),
      },
    ],
  };
  const lines = renderSecHeader(spec, 1).split('\n');
  // The corpus does not say when a letter became public: no date after the file names.
  lines[0] = `<SEC-HEADER>${row.accession}.hdr.sgml`;
  if (!acceptance) lines.splice(1, 1);
  return `<SEC-DOCUMENT>${row.accession}.txt\n${lines.join('\n')}`;
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
  let body: Uint8Array;
  if (isPdf) {
    body = renderDocument({ type: 'LETTER', filename: row.primaryDocument, body: { kind: 'pdf', bytes: document } }, 1);
  } else {
    const text = Buffer.from(document);
    body = text.subarray(0, 16).toString('latin1').startsWith('<DOCUMENT>')
      ? Buffer.concat([text, Buffer.from(text.at(-1) === 10 ? '' : '\n')])
      : renderDocument({ type: row.form, filename: row.primaryDocument, body: { kind: 'text', bytes: document } }, 1);
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
