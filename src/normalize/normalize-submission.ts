/**
 * normalizeSubmission: picks the document that carries the letter and normalises it, recording where the
 * text came from in `textSource`.
 *
 * CORRESP (and any other company letter): the HTML or text document of the letter's own type, first by
 * sequence; its PDF copy only if the HTML/text yields nothing. UPLOAD: the PDF LETTER first, because it keeps
 * the bullets, quotes and hyphens the TEXT-EXTRACT loses and its glyph positions give the comment column
 * exactly; the TEXT-EXTRACT when the PDF cannot be read, has no text layer, or yields less than half its
 * words. Each fallback is explained in `warnings`. `warnings` do not repeat `submission.warnings`.
 */
import { BadInputError } from '../errors.ts';
import { BAD_INPUT_REASONS, badInput } from '../submission/bad-input.ts';
import type { Submission, SubmissionDocument } from '../submission/types.ts';
import { normalizeHtml } from './html-normalize.ts';
import { normalizePdf } from './pdf-normalize.ts';
import { normalizePlainText } from './plain-text.ts';
import { normalizeTextExtract } from './text-extract.ts';
import type { NormalizedText } from './types.ts';

export interface NormalizeOptions {
  /** Pages of a PDF read at most. Default 200. */
  readonly maxPdfPages?: number;
}

function label(doc: SubmissionDocument): string {
  return `document ${doc.sequence} (${[doc.type || 'no type', doc.filename].filter(Boolean).join(', ')})`;
}

function words(normalized: NormalizedText): number {
  return normalized.text.split(/\s+/).filter(Boolean).length;
}

function withWarnings(normalized: NormalizedText, extra: readonly string[]): NormalizedText {
  return extra.length === 0 ? normalized : { ...normalized, warnings: [...extra, ...normalized.warnings] };
}

function isTextExtract(doc: SubmissionDocument): boolean {
  return doc.type.toUpperCase() === 'TEXT-EXTRACT';
}

async function normalizeDocument(
  doc: SubmissionDocument,
  accession: string,
  options: NormalizeOptions,
): Promise<NormalizedText> {
  if (doc.bytes.byteLength === 0 || (doc.text !== null && doc.text.trim() === '')) {
    throw badInput(BAD_INPUT_REASONS.EMPTY_DOCUMENT, accession, `the letter's ${label(doc)} is empty`);
  }
  if (doc.format === 'pdf') return normalizePdf(doc.bytes, { accession, maxPages: options.maxPdfPages });
  if (doc.format === 'html') return normalizeHtml(doc.text ?? '');
  if (isTextExtract(doc)) return normalizeTextExtract(doc.text ?? '');
  if (doc.format === 'text') return normalizePlainText(doc.text ?? '');
  // A PDF LETTER whose bytes are not a PDF at all.
  throw badInput(BAD_INPUT_REASONS.CORRUPT_PDF, accession, `the letter's ${label(doc)} is not a PDF, HTML or text`);
}

async function normalizeUpload(submission: Submission, options: NormalizeOptions): Promise<NormalizedText> {
  const accession = submission.header.accessionNumber;
  const docs = submission.documents;
  const pdf = docs.find((d) => d.type.toUpperCase() === 'LETTER') ?? docs.find((d) => d.format === 'pdf');
  const extract = docs.find(isTextExtract);
  if (!pdf && !extract) return normalizeCompanyLetter(submission, options);
  if (!pdf) {
    return withWarnings(await normalizeDocument(extract!, accession, options), ['the UPLOAD has no PDF letter']);
  }
  let fromPdf: NormalizedText;
  try {
    fromPdf = await normalizeDocument(pdf, accession, options);
  } catch (error) {
    if (!extract || !(error instanceof BadInputError)) throw error;
    const fromExtract = await normalizeDocument(extract, accession, options);
    return withWarnings(fromExtract, [
      `${error.message.replace(/^[^:]+: /, '')} (${error.reason}); text from the TEXT-EXTRACT`,
    ]);
  }
  if (!extract) return fromPdf;
  const pdfWords = words(fromPdf);
  const fromExtract = normalizeTextExtract(extract.text ?? '');
  const extractWords = words(fromExtract);
  if ((pdfWords > 0 && pdfWords * 2 >= extractWords) || extractWords === 0) return fromPdf;
  return withWarnings(fromExtract, [
    pdfWords === 0
      ? 'the PDF letter has no text layer; text from the TEXT-EXTRACT'
      : `the PDF letter yields ${pdfWords} words, the TEXT-EXTRACT ${extractWords}; text from the TEXT-EXTRACT`,
  ]);
}

async function normalizeCompanyLetter(submission: Submission, options: NormalizeOptions): Promise<NormalizedText> {
  const accession = submission.header.accessionNumber;
  const form = submission.header.submissionType.toUpperCase();
  const readable = submission.documents.filter((d) => d.format === 'html' || d.format === 'text');
  const primary = readable.find((d) => d.type.toUpperCase() === form) ?? readable[0];
  const pdf = submission.documents.find((d) => d.format === 'pdf');
  if (!primary) {
    if (pdf) return normalizeDocument(pdf, accession, options);
    throw badInput(
      BAD_INPUT_REASONS.NO_LETTER,
      accession,
      `no HTML, text or PDF document among ${submission.documents.length} document(s)`,
    );
  }
  const warnings = readable
    .filter((d) => d !== primary && d.type.toUpperCase() === primary.type.toUpperCase())
    .map((d) => `${label(d)} is not part of the letter text`);
  let normalized: NormalizedText;
  try {
    normalized = await normalizeDocument(primary, accession, options);
  } catch (error) {
    if (!pdf || !(error instanceof BadInputError)) throw error;
    return withWarnings(await normalizeDocument(pdf, accession, options), [
      `${error.message.replace(/^[^:]+: /, '')}; text from ${label(pdf)}`,
    ]);
  }
  if (!/\S/.test(normalized.text) && pdf) {
    const fromPdf = await normalizeDocument(pdf, accession, options);
    if (words(fromPdf) > 0) {
      return withWarnings(fromPdf, [...warnings, `${label(primary)} has no text; text from ${label(pdf)}`]);
    }
  }
  return withWarnings(normalized, warnings);
}

/** Normalises the letter of a parsed submission. Async because pdf.js is; pure otherwise. */
export async function normalizeSubmission(
  submission: Submission,
  options: NormalizeOptions = {},
): Promise<NormalizedText> {
  if (submission.header.submissionType.toUpperCase() === 'UPLOAD') return normalizeUpload(submission, options);
  return normalizeCompanyLetter(submission, options);
}
