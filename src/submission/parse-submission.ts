/**
 * parseSubmission: the complete submission `.txt` of one filing -> its header and decoded documents.
 * Pure; every failure is a BadInputError naming the accession (when known) and the cause.
 */
import { createHash } from 'node:crypto';
import { BAD_INPUT_REASONS, badInput } from './bad-input.ts';
import { decodeText } from './charset.ts';
import { detectFormat } from './detect-format.ts';
import { accessionOf, buildHeader, readHeader } from './sgml-header.ts';
import type { Submission, SubmissionDocument } from './types.ts';
import { uudecode } from './uudecode.ts';

export interface ParseSubmissionOptions {
  /** Largest decoded document accepted, in bytes. Default 64 MiB. */
  readonly maxDocumentBytes?: number;
  /** Largest submission accepted, in bytes. Default 160 MiB. */
  readonly maxSubmissionBytes?: number;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_SUBMISSION_BYTES = 160 * 1024 * 1024;

const PEM_BEGIN = '-----BEGIN PRIVACY-ENHANCED MESSAGE-----';

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function lineAt(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(at, end < 0 ? text.length : end).replace(/\r$/, '');
}

/**
 * Occurrences of one tag, searched forward and remembered. Documents are read in order, so each search goes
 * on from the last answer and the submission is scanned once per tag; a plain `indexOf`/`lastIndexOf` for a
 * tag that a document lacks would scan the rest of the submission for every document (quadratic).
 */
class TagCursor {
  private readonly text: string;
  private readonly tag: string;
  /** `found` is the first occurrence at or after `searchedFrom` (-1: none). */
  private searchedFrom = Number.POSITIVE_INFINITY;
  private found = -1;
  constructor(text: string, tag: string) {
    this.text = text;
    this.tag = tag;
  }

  private from(at: number): number {
    if (at < this.searchedFrom || (this.found >= 0 && this.found < at)) {
      this.searchedFrom = at;
      this.found = this.text.indexOf(this.tag, at);
    }
    return this.found;
  }

  /** First occurrence in [from, to], or -1. */
  first(from: number, to: number): number {
    const at = this.from(from);
    return at >= 0 && at <= to ? at : -1;
  }

  /** Last occurrence in [from, to], or -1. */
  last(from: number, to: number): number {
    let last = -1;
    for (let at = this.from(from); at >= 0 && at <= to; at = this.from(at + 1)) last = at;
    return last;
  }
}

interface DocumentTags {
  readonly text: TagCursor;
  readonly textEnd: TagCursor;
  readonly pdfEnd: TagCursor;
}

/** Start of the content after a tag line (`<TEXT>\n`), end before the closing tag line. */
function contentBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  if (text.charCodeAt(s) === 13) s++;
  if (text.charCodeAt(s) === 10) s++;
  let e = end;
  if (e > s && text.charCodeAt(e - 1) === 10) e--;
  if (e > s && text.charCodeAt(e - 1) === 13) e--;
  return [s, Math.max(s, e)];
}

export function parseSubmission(bytes: Uint8Array, options: ParseSubmissionOptions = {}): Submission {
  const maxSubmission = options.maxSubmissionBytes ?? DEFAULT_MAX_SUBMISSION_BYTES;
  const maxDocument = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (bytes.byteLength > maxSubmission) {
    // Nothing is decoded: even the accession is read from the first bytes only.
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
    const accession = /ACCESSION NUMBER:\s*(\d{10}-\d{2}-\d{6})/.exec(head)?.[1] ?? null;
    throw badInput(
      BAD_INPUT_REASONS.OVERSIZE,
      accession,
      `submission of ${mib(bytes.byteLength)} exceeds the ${mib(maxSubmission)} limit`,
    );
  }
  // latin1 keeps one character per byte, so string offsets are byte offsets into `bytes`.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.trim() === '') throw badInput(BAD_INPUT_REASONS.EMPTY_SUBMISSION, null, 'the submission is empty');

  const warnings: string[] = [];
  let bodyStart = 0;
  const pemAt = text.indexOf(PEM_BEGIN);
  if (pemAt >= 0 && pemAt < 64) {
    // Old submissions sit inside a PEM envelope: its headers come first, the SGML after the first '<'.
    const sgmlAt = text.indexOf('<', pemAt + PEM_BEGIN.length);
    bodyStart = sgmlAt < 0 ? text.length : sgmlAt;
  }

  // 1990s submissions say IMS where later ones say SEC.
  const ims = text.indexOf('<SEC-DOCUMENT>', bodyStart) < 0 && text.indexOf('<IMS-DOCUMENT>', bodyStart) >= 0;
  const secDocumentAt = text.indexOf(ims ? '<IMS-DOCUMENT>' : '<SEC-DOCUMENT>', bodyStart);
  const secDocumentLine = secDocumentAt >= 0 ? lineAt(text, secDocumentAt) : null;
  let headerAt = text.indexOf('<SEC-HEADER>', bodyStart);
  if (headerAt < 0) headerAt = text.indexOf('<IMS-HEADER>', bodyStart);
  if (headerAt < 0) {
    const accession = /(\d{10}-\d{2}-\d{6})/.exec(secDocumentLine ?? '')?.[1] ?? null;
    throw badInput(BAD_INPUT_REASONS.MISSING_HEADER, accession, 'no <SEC-HEADER> in the submission');
  }
  const headerBodyAt = text.indexOf('\n', headerAt) + 1 || text.length;
  let headerEnd = text.indexOf('</SEC-HEADER>', headerBodyAt);
  if (headerEnd < 0) headerEnd = text.indexOf('</IMS-HEADER>', headerBodyAt);
  // Tags before <SEC-HEADER> (<ACCEPTANCE-DATETIME> sits there in some years) belong to the header too.
  const headerText =
    text.slice(secDocumentAt >= 0 ? secDocumentAt : headerAt, headerAt) +
    text.slice(headerBodyAt, headerEnd < 0 ? Math.min(text.length, headerBodyAt + 65536) : headerEnd);
  const raw = readHeader(headerText);
  const accession = accessionOf(raw, secDocumentLine);
  if (headerEnd < 0) throw badInput(BAD_INPUT_REASONS.TRUNCATED, accession, 'the submission ends inside its header');
  if (!accession) throw badInput(BAD_INPUT_REASONS.MISSING_HEADER, null, 'the header has no ACCESSION NUMBER');
  const header = buildHeader(raw, accession, secDocumentLine);
  if (header.submissionType === '') {
    throw badInput(BAD_INPUT_REASONS.MISSING_HEADER, accession, 'the header has no CONFORMED SUBMISSION TYPE');
  }
  warnings.push(...header.warnings);
  if (secDocumentAt >= 0 && text.lastIndexOf(ims ? '</IMS-DOCUMENT>' : '</SEC-DOCUMENT>') < headerEnd) {
    throw badInput(BAD_INPUT_REASONS.TRUNCATED, accession, 'the submission ends before </SEC-DOCUMENT>');
  }

  const documents = parseDocuments(bytes, text, headerEnd, accession, maxDocument, warnings);
  if (header.documentCount !== null && header.documentCount !== documents.length) {
    warnings.push(`the header announces ${header.documentCount} documents, the submission holds ${documents.length}`);
  }
  const { warnings: _headerWarnings, ...headerFields } = header;
  return { header: headerFields, documents, warnings };
}

/** Every <DOCUMENT> after the header, in order; a document without its </DOCUMENT> is a truncated submission. */
function parseDocuments(
  bytes: Uint8Array,
  text: string,
  headerEnd: number,
  accession: string,
  maxDocument: number,
  warnings: string[],
): SubmissionDocument[] {
  const documents: SubmissionDocument[] = [];
  const cursors: DocumentTags = {
    text: new TagCursor(text, '<TEXT>'),
    textEnd: new TagCursor(text, '</TEXT>'),
    pdfEnd: new TagCursor(text, '</PDF>'),
  };
  let at = text.indexOf('<DOCUMENT>', headerEnd);
  while (at >= 0) {
    const end = text.indexOf('</DOCUMENT>', at);
    if (end < 0) {
      throw badInput(BAD_INPUT_REASONS.TRUNCATED, accession, `document ${documents.length + 1} has no </DOCUMENT>`);
    }
    const next = text.indexOf('<DOCUMENT>', at + 10);
    if (next >= 0 && next < end) {
      throw badInput(BAD_INPUT_REASONS.TRUNCATED, accession, `document ${documents.length + 1} has no </DOCUMENT>`);
    }
    documents.push(
      parseDocument(bytes, text, cursors, at + 10, end, accession, documents.length + 1, maxDocument, warnings),
    );
    at = next;
  }
  return documents;
}

interface DocumentTagValues {
  readonly type: string;
  readonly sequence: number;
  readonly filename: string | null;
  readonly description: string | null;
}

/** The <TYPE>, <SEQUENCE>, <FILENAME> and <DESCRIPTION> lines before a document's <TEXT>. */
function documentTags(text: string, start: number, textAt: number, ordinal: number): DocumentTagValues {
  const tags = new Map<string, string>();
  for (const m of text.slice(start, textAt).matchAll(/<([A-Z]+)>([^\n<]*)/g)) {
    if (!tags.has(m[1]!)) tags.set(m[1]!, m[2]!.replace(/\r$/, '').trim());
  }
  const type = tags.get('TYPE') ?? '';
  const sequenceText = tags.get('SEQUENCE') ?? '';
  const sequence = /^\d+$/.test(sequenceText) ? Number(sequenceText) : ordinal;
  const filename = tags.get('FILENAME') || null;
  const description = tags.get('DESCRIPTION') || null;
  return { type, sequence, filename, description };
}

function parseDocument(
  bytes: Uint8Array,
  text: string,
  cursors: DocumentTags,
  start: number,
  end: number,
  accession: string,
  ordinal: number,
  maxDocument: number,
  warnings: string[],
): SubmissionDocument {
  let textAt = cursors.text.first(start, end);
  if (textAt < 0) textAt = end;
  const { type, sequence, filename, description } = documentTags(text, start, textAt, ordinal);
  const label = `document ${sequence} (${[type || 'no type', filename].filter(Boolean).join(', ')})`;

  let contentStart = end;
  let contentEnd = end;
  if (textAt < end) {
    const close = cursors.textEnd.last(textAt, end);
    if (close < textAt) warnings.push(`${label} has no </TEXT>`);
    [contentStart, contentEnd] = contentBounds(text, textAt + 6, close < textAt ? end : close);
  }
  if (contentEnd - contentStart > maxDocument * 1.4 + 4096) {
    throw badInput(
      BAD_INPUT_REASONS.OVERSIZE,
      accession,
      `${label} of ${mib(contentEnd - contentStart)} exceeds the ${mib(maxDocument)} limit`,
    );
  }

  let docBytes: Uint8Array;
  let docText: string | null = null;
  const trimmedStart = skipSpace(text, contentStart, contentEnd);
  if (text.startsWith('<PDF>', trimmedStart)) {
    let pdfEnd = cursors.pdfEnd.last(trimmedStart, contentEnd);
    if (pdfEnd < 0) pdfEnd = contentEnd;
    docBytes = decodeOrThrow(text, trimmedStart + 5, pdfEnd, accession, label, maxDocument);
  } else if (
    text.startsWith('begin ', trimmedStart) &&
    /^begin [0-7]{3,4}/.test(text.slice(trimmedStart, trimmedStart + 10))
  ) {
    docBytes = decodeOrThrow(text, trimmedStart, contentEnd, accession, label, maxDocument);
  } else {
    docBytes = bytes.subarray(contentStart, contentEnd);
  }
  if (docBytes.byteLength > maxDocument) {
    throw badInput(
      BAD_INPUT_REASONS.OVERSIZE,
      accession,
      `${label} of ${mib(docBytes.byteLength)} exceeds the ${mib(maxDocument)} limit`,
    );
  }

  let format = detectFormat(docBytes, filename);
  if (format === 'html' || format === 'text') {
    const decoded = decodeText(docBytes);
    docText = decoded.text;
    if (decoded.warning) warnings.push(`${label}: ${decoded.warning}`);
    format = detectFormat(docBytes, filename, docText);
  }
  if (docBytes.byteLength === 0 || (docText !== null && docText.trim() === '')) warnings.push(`${label} is empty`);
  return {
    type,
    sequence,
    filename,
    description,
    format,
    bytes: docBytes,
    text: docText,
    sha256: createHash('sha256').update(docBytes).digest('hex'),
  };
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text.charAt(i))) i++;
  return i;
}

function decodeOrThrow(
  text: string,
  start: number,
  end: number,
  accession: string,
  label: string,
  maxDocument: number,
): Uint8Array {
  const result = uudecode(text, start, end, { maxBytes: maxDocument });
  if (!result.ok && result.oversize) {
    const size = mib(result.oversize.size);
    throw badInput(BAD_INPUT_REASONS.OVERSIZE, accession, `${label} of ${size} exceeds the ${mib(maxDocument)} limit`);
  }
  if (!result.ok) {
    throw badInput(BAD_INPUT_REASONS.BROKEN_UUENCODE, accession, `${label}: broken uuencode: ${result.problem}`);
  }
  return result.bytes;
}
