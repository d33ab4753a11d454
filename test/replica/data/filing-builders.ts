/**
 * ReplicaFilings built from letters and companies: the complete submission `.txt` rendered by the fixture
 * renderers, its documents (decoded bytes as each is served on its own URL) and the submissions-JSON columns.
 */

import type { ReplicaCompany, ReplicaDocument, ReplicaFiling, ReplicaFormerName } from '../dataset.ts';
import { encodeWindows1252 } from '../../fixtures/render/encoding.ts';
import { renderClassicHtml } from '../../fixtures/render/html-classic.ts';
import { renderModernHtml } from '../../fixtures/render/html-modern.ts';
import { buildLetterheadJpeg } from '../../fixtures/render/jpeg.ts';
import type { LetterSpec } from '../../fixtures/render/letter-spec.ts';
import { renderPdf } from '../../fixtures/render/pdf.ts';
import { renderPlainText } from '../../fixtures/render/plain-text.ts';
import type { FilerSpec, SubmissionDocumentSpec, SubmissionSpec } from '../../fixtures/render/submission.ts';
import { renderDocument, renderPemSubmission, renderSubmission, textBody } from '../../fixtures/render/submission.ts';
import { renderTextExtract } from '../../fixtures/render/text-extract.ts';
import { easternIso } from './calendar.ts';

/** A company as the datasets describe it: the ReplicaCompany fields plus what its SGML header blocks say. */
export interface CompanyProfile {
  readonly cik: string;
  readonly name: string;
  readonly tickers: readonly string[];
  readonly exchanges: readonly string[];
  readonly sic: string;
  readonly sicDescription: string;
  readonly entityType: string;
  readonly stateOfIncorporation: string;
  readonly fiscalYearEnd: string;
  readonly formerNames: readonly ReplicaFormerName[];
  readonly fileNumbers: readonly string[];
  /** Header data of the company's FILER / FILED FOR block (form type and file number are per filing). */
  readonly filer: Omit<FilerSpec, 'formType' | 'fileNumber' | 'act' | 'filmNumber'>;
}

export function companyOf(profile: CompanyProfile, filings: readonly ReplicaFiling[]): ReplicaCompany {
  const { filer: _filer, ...company } = profile;
  const ordered = [...filings].sort(
    (a, b) => a.filingDate.localeCompare(b.filingDate) || a.acceptanceDateTime.localeCompare(b.acceptanceDateTime),
  );
  return { ...company, filings: ordered };
}

export type CorrespFormat = 'html-modern' | 'html-classic' | 'text' | 'pdf';

export interface LetterFilingOptions {
  readonly accessionNumber: string;
  readonly filingDate: string;
  /** Eastern wall-clock "HH:MM:SS" of acceptance. */
  readonly acceptanceTime: string;
  readonly disseminationDate: string;
  readonly letter: LetterSpec;
  /** UPLOAD builder only: the form listed ("UPLOAD" by default; "SEC STAFF LETTER" for letters to skip). */
  readonly form?: string;
  /** UPLOAD: add the TEXT-EXTRACT document (letters since mid-2018). */
  readonly textExtract?: boolean;
  /** UPLOAD: SEC FILE NUMBER of the header's FILED FOR block; a list gives one per filer block. */
  readonly headerFileNumber?: string | readonly string[];
  /** fileNumber column of the submissions JSON ("" when omitted). */
  readonly listedFileNumber?: string;
  /** UPLOAD: PUBLIC REFERENCE ACCESSION NUMBER (the filing under review). */
  readonly publicReferenceAccession?: string;
  /** UPLOAD: pages painted as images with no text layer. */
  readonly imageOnly?: boolean;
  /** CORRESP: format of the letter document (default html-modern). */
  readonly format?: CorrespFormat;
  /** CORRESP: a letterhead JPEG as a GRAPHIC document, referenced by the HTML. */
  readonly letterheadImage?: string;
  /** Wrap the submission in the PRIVACY-ENHANCED MESSAGE envelope. */
  readonly pem?: boolean;
  /** Co-registrants: one more filer block each, and the filing is listed under their CIKs too. */
  readonly coRegistrants?: readonly CompanyProfile[];
}

function filerBlock(profile: CompanyProfile, formType: string, fileNumber?: string): FilerSpec {
  return { ...profile.filer, formType, ...(fileNumber ? { fileNumber } : {}) };
}

/** A document as served on its own URL: text documents keep their `<DOCUMENT>` wrapper (as EDGAR serves CORRESP). */
function servedDocument(doc: SubmissionDocumentSpec, sequence: number): ReplicaDocument {
  const wrapped = doc.body.kind === 'text' && doc.type !== 'TEXT-EXTRACT';
  return {
    sequence,
    type: doc.type,
    filename: doc.filename,
    description: doc.description ?? null,
    bytes: wrapped ? renderDocument(doc, sequence) : doc.body.bytes,
  };
}

function filingOf(options: LetterFilingOptions, form: string, spec: SubmissionSpec): ReplicaFiling {
  const primary = spec.documents[0]!;
  return {
    accessionNumber: options.accessionNumber,
    form,
    filingDate: options.filingDate,
    reportDate: '',
    acceptanceDateTime: spec.header.acceptanceDateTime,
    disseminationDate: options.disseminationDate,
    listedFileNumber: options.listedFileNumber ?? '',
    primaryDocument: primary.filename,
    primaryDocDescription: '',
    coRegistrantCiks: (options.coRegistrants ?? []).map((c) => c.cik),
    submissionText: options.pem ? renderPemSubmission(spec) : renderSubmission(spec),
    documents: spec.documents.map((doc, i) => servedDocument(doc, i + 1)),
  };
}

function header(profile: CompanyProfile, options: LetterFilingOptions, form: string) {
  return {
    accessionNumber: options.accessionNumber,
    submissionType: form,
    filedAsOfDate: options.filingDate,
    acceptanceDateTime: easternIso(options.filingDate, options.acceptanceTime),
    disseminationDate: options.disseminationDate,
    filers: [profile, ...(options.coRegistrants ?? [])].map((p, i) => {
      const numbers = options.headerFileNumber;
      const number = typeof numbers === 'string' ? numbers : numbers?.[i];
      return filerBlock(p, form, form === 'CORRESP' ? undefined : number);
    }),
    ...(options.publicReferenceAccession ? { publicReferenceAccession: options.publicReferenceAccession } : {}),
  };
}

/** An SEC staff letter: `filename1.pdf` (LETTER), plus `filename2.txt` (TEXT-EXTRACT) when asked. */
export async function buildUploadFiling(profile: CompanyProfile, options: LetterFilingOptions): Promise<ReplicaFiling> {
  const pdf = await renderPdf(options.letter, { imageOnly: options.imageOnly ?? false });
  const documents: SubmissionDocumentSpec[] = [
    { type: 'LETTER', filename: 'filename1.pdf', body: { kind: 'pdf', bytes: pdf } },
  ];
  if (options.textExtract) {
    documents.push({
      type: 'TEXT-EXTRACT',
      filename: 'filename2.txt',
      body: textBody(renderTextExtract(options.letter)),
    });
  }
  const form = options.form ?? 'UPLOAD';
  const spec = { header: { ...header(profile, options, form), filerRole: 'FILED FOR' as const }, documents };
  return filingOf(options, form, spec);
}

async function correspDocument(options: LetterFilingOptions): Promise<SubmissionDocumentSpec> {
  const format = options.format ?? 'html-modern';
  const letter = options.letter;
  switch (format) {
    case 'html-modern': {
      const html = renderModernHtml(
        letter,
        options.letterheadImage ? { letterheadImage: options.letterheadImage } : {},
      );
      return { type: 'CORRESP', filename: 'filename1.htm', body: textBody(html) };
    }
    case 'html-classic':
      return {
        type: 'CORRESP',
        filename: 'filename1.htm',
        body: textBody(encodeWindows1252(renderClassicHtml(letter))),
      };
    case 'text':
      return { type: 'CORRESP', filename: 'filename1.txt', body: textBody(encodeWindows1252(renderPlainText(letter))) };
    case 'pdf':
      return { type: 'CORRESP', filename: 'filename1.pdf', body: { kind: 'pdf', bytes: await renderPdf(letter) } };
  }
}

/** A company letter: the CORRESP document, plus a GRAPHIC letterhead when asked. */
export async function buildCorrespFiling(
  profile: CompanyProfile,
  options: LetterFilingOptions,
): Promise<ReplicaFiling> {
  const documents = [await correspDocument(options)];
  if (options.letterheadImage) {
    documents.push({
      type: 'GRAPHIC',
      filename: options.letterheadImage,
      description: 'GRAPHIC',
      body: { kind: 'uuencoded', bytes: buildLetterheadJpeg() },
    });
  }
  return filingOf(options, 'CORRESP', { header: header(profile, options, 'CORRESP'), documents });
}

export interface OtherFilingOptions {
  readonly accessionNumber: string;
  readonly form: string;
  readonly filingDate: string;
  readonly acceptanceTime: string;
  readonly reportDate?: string;
  readonly fileNumber: string;
  readonly act?: string;
  readonly filmNumber?: string;
  readonly primaryDocument: string;
  readonly primaryDocDescription: string;
  /** A line of text for the document body. */
  readonly summary: string;
  readonly coRegistrants?: readonly CompanyProfile[];
}

/** Any other form (20-F, 10-K, 6-K, F-1, S-3, ...): a small HTML document under its file number. */
export function buildOtherFiling(profile: CompanyProfile, options: OtherFilingOptions): ReplicaFiling {
  // The cover page cites the filing's file number, as real ones do: full-text search finds it there.
  const cover = options.fileNumber ? `<p>Commission File Number ${options.fileNumber}</p>` : '';
  const html = `<html><head><title>${options.form}</title></head><body>${cover}<p>${options.summary}</p></body></html>\n`;
  const doc: SubmissionDocumentSpec = {
    type: options.form,
    filename: options.primaryDocument,
    description: options.primaryDocDescription,
    body: textBody(html),
  };
  const act = options.act ?? (options.fileNumber.startsWith('333-') ? '33 Act' : '34 Act');
  const acceptance = easternIso(options.filingDate, options.acceptanceTime);
  const spec: SubmissionSpec = {
    header: {
      accessionNumber: options.accessionNumber,
      submissionType: options.form,
      filedAsOfDate: options.filingDate,
      acceptanceDateTime: acceptance,
      disseminationDate: options.filingDate,
      ...(options.reportDate ? { periodOfReport: options.reportDate } : {}),
      filers: [profile, ...(options.coRegistrants ?? [])].map((p) => ({
        ...filerBlock(p, options.form, options.fileNumber),
        act: act === '33 Act' ? '1933 Act' : '1934 Act',
        ...(options.filmNumber ? { filmNumber: options.filmNumber } : {}),
      })),
    },
    documents: [doc],
  };
  return {
    accessionNumber: options.accessionNumber,
    form: options.form,
    filingDate: options.filingDate,
    reportDate: options.reportDate ?? '',
    acceptanceDateTime: acceptance,
    disseminationDate: options.filingDate,
    listedFileNumber: options.fileNumber,
    primaryDocument: options.primaryDocument,
    primaryDocDescription: options.primaryDocDescription,
    coRegistrantCiks: (options.coRegistrants ?? []).map((c) => c.cik),
    submissionText: renderSubmission(spec),
    documents: [servedDocument(doc, 1)],
  };
}
