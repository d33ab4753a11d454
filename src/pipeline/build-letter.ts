/**
 * Raw submission bytes -> a complete, validated Letter: parseSubmission (header, documents), normalizeSubmission
 * (clean text from the best document), parseLetter (letter-level fields), then the header facts this module
 * adds (accession, form, filers, dates, documents, reference accession, file numbers from header + listing +
 * text). Pure apart from pdf.js work inside normalisation: no store, no network; runs on a worker thread too.
 */
import { attributeFileNumbers } from '../discover/attribution.ts';
import { normalizeCik } from '../identifiers.ts';
import { parseLetter } from '../letter/parse-letter.ts';
import { LetterSchema, type Filer, type Letter, type LetterForm } from '../letter/schema.ts';
import { normalizeSubmission } from '../normalize/normalize-submission.ts';
import { badInput } from '../submission/bad-input.ts';
import { parseSubmission } from '../submission/parse-submission.ts';
import type { Submission } from '../submission/types.ts';
import { PARSER_VERSION } from './parser-version.ts';

export interface BuildLetterContext {
  readonly accessionNumber: string;
  /** The listing's filing date, used only when the header lacks FILED AS OF DATE. */
  readonly listedFilingDate: string | null;
  /** File numbers the company's listing gives other filings, by accession (PUBLIC REFERENCE ACCESSION NUMBER). */
  readonly listingFileNumbers: Readonly<Record<string, readonly string[]>>;
  /** Largest submission accepted; default parseSubmission's. */
  readonly maxSubmissionBytes?: number;
}

function letterForm(submission: Submission, accessionNumber: string): LetterForm {
  const type = submission.header.submissionType.trim().toUpperCase();
  if (type === 'CORRESP' || type === 'UPLOAD') return type;
  throw badInput(
    'not-a-letter',
    accessionNumber,
    `submission type ${JSON.stringify(submission.header.submissionType)} is not CORRESP or UPLOAD`,
  );
}

function filersOf(submission: Submission): Filer[] {
  const filers: Filer[] = [];
  for (const filer of submission.header.filers) {
    const cik = normalizeCik(filer.cik);
    if (cik !== null && !filers.some((f) => f.cik === cik)) filers.push({ cik, name: filer.name });
  }
  return filers;
}

export async function buildLetter(raw: Uint8Array, context: BuildLetterContext): Promise<Letter> {
  const { accessionNumber } = context;
  const submission = parseSubmission(raw, { maxSubmissionBytes: context.maxSubmissionBytes });
  const { header } = submission;
  if (header.accessionNumber !== accessionNumber) {
    throw badInput(
      'wrong-accession',
      accessionNumber,
      `the submission fetched for it says it is ${header.accessionNumber}`,
    );
  }
  const form = letterForm(submission, accessionNumber);
  const filers = filersOf(submission);
  const primary = filers[0];
  if (primary === undefined) {
    throw badInput('missing-header', accessionNumber, 'the header names no filer with a CIK');
  }
  const filingDate = header.filedAsOfDate ?? context.listedFilingDate;
  if (filingDate === null) throw badInput('missing-header', accessionNumber, 'no FILED AS OF DATE');

  const normalized = await normalizeSubmission(submission);
  const parsed = parseLetter({
    form,
    normalized,
    filingDate,
    companyName: primary.name,
    headerFileNumbers: header.fileNumbers,
  });
  const reference = header.publicReferenceAccession;
  const fileNumbers = attributeFileNumbers({
    headerFileNumbers: header.fileNumbers,
    referenceFileNumbers: reference === null ? [] : (context.listingFileNumbers[reference] ?? []),
    letterFileNumbers: parsed.fileNumbers,
  });

  const letter: Letter = {
    accessionNumber,
    form,
    cik: primary.cik,
    companyName: primary.name,
    filers,
    filingDate,
    acceptanceDateTime: header.acceptanceDateTime,
    disseminationDate: header.disseminationDate,
    fileNumbers,
    sender: form === 'UPLOAD' ? 'sec' : 'company',
    kind: parsed.kind,
    letterDate: parsed.letterDate,
    inResponseTo: parsed.inResponseTo,
    references: parsed.references,
    referenceAccession: reference,
    addressees: parsed.addressees,
    secStaff: parsed.secStaff,
    office: parsed.office,
    signatories: parsed.signatories,
    cc: parsed.cc,
    items: parsed.items,
    tables: parsed.tables,
    text: normalized.text,
    textSource: normalized.textSource,
    documents: submission.documents.map((d) => ({
      sequence: d.sequence,
      type: d.type,
      filename: d.filename,
      sha256: d.sha256,
      bytes: d.bytes.byteLength,
    })),
    threadId: null,
    warnings: [...new Set([...submission.warnings, ...normalized.warnings, ...parsed.warnings])],
    parserVersion: PARSER_VERSION,
  };
  const checked = LetterSchema.safeParse(letter);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw badInput('invalid-letter', accessionNumber, `the assembled letter breaks the schema (${issues})`);
  }
  return checked.data;
}
