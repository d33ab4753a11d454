/**
 * PDF letter -> NormalizedText with pdf.js (legacy build for Node; pdf.js runs its "fake worker" in this
 * thread). Only text content is read: no rendering, no font faces, no eval, no system fonts, no image
 * decoding, so a letter costs a few milliseconds. Lines and paragraphs are rebuilt from glyph positions
 * (pdf-lines.ts, pdf-blocks.ts); page furniture goes; a paragraph cut by a page break is joined again.
 * Encrypted and unreadable PDFs are BadInputErrors; a PDF without text (a scan) gives a warning and no text.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { BAD_INPUT_REASONS, badInput } from '../submission/bad-input.ts';
import { markHeadings } from './headings.ts';
import { dropPageFurniture, joinAcrossPages } from './page-furniture.ts';
import { linesToPdfBlocks, measureLayout } from './pdf-blocks.ts';
import { buildLines, UNMAPPED, type GlyphRun, type PdfLine } from './pdf-lines.ts';
import { buildNormalized, DATE_ONLY } from './text-blocks.ts';
import type { NormalizedText } from './types.ts';

export interface PdfOptions {
  /** Accession of the filing, for error messages. */
  readonly accession?: string | null;
  /** Pages read at most (a letter has a handful; a 500-page exhibit is not a letter). Default 200. */
  readonly maxPages?: number;
}

interface TextItemLike {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
}

/**
 * Hidden fields of the SEC's letter template that pdf.js reads like text: "FirstName LastNameMario Rizzo",
 * "Comapany NameThe Allstate Corporation", "March 26, 2021 Page 2" near the signature of the last page.
 */
const TEMPLATE_RESIDUE = new RegExp(
  `^(?:FirstName\\s*LastName|Com?apany\\s*Name)|^(?:${DATE_ONLY.source.slice(1, -1)})\\s+Page\\s+\\d{1,3}$`,
  'i',
);

function runsOf(items: readonly unknown[]): GlyphRun[] {
  const runs: GlyphRun[] = [];
  for (const raw of items) {
    const item = raw as Partial<TextItemLike>;
    if (typeof item.str !== 'string' || !item.transform) continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    // Rotated or vertical text (stamps, watermarks, margin notes) is not letter text.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
    const width = item.width ?? 0;
    // A broken content stream can place text nowhere (NaN, Infinity): it cannot be laid out.
    if (![c, d, e, f, width].every(Number.isFinite)) continue;
    // A glyph pdf.js cannot map to Unicode (a Symbol-font bullet) still takes room: keep a placeholder.
    const text = item.str === '' ? (width > 0 ? UNMAPPED : '') : item.str;
    if (text === '' || TEMPLATE_RESIDUE.test(text)) continue;
    runs.push({ text, x: e, y: f, width, size: Math.hypot(c, d) || Math.abs(d) || 12 });
  }
  return runs;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads the text lines of every page. Throws BadInputError for encrypted and unreadable PDFs. */
export async function readPdfLines(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfLine[]> {
  const accession = options.accession ?? null;
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy, never the submission's bytes.
  const task = getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw badInput(BAD_INPUT_REASONS.ENCRYPTED_PDF, accession, 'the PDF letter is encrypted with a password', {
        cause: error,
      });
    }
    throw badInput(BAD_INPUT_REASONS.CORRUPT_PDF, accession, `the PDF letter cannot be read: ${describe(error)}`, {
      cause: error,
    });
  }
  try {
    const lines: PdfLine[] = [];
    const pages = Math.min(doc.numPages, options.maxPages ?? 200);
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const line of buildLines(runsOf(content.items), n)) lines.push(line);
      page.cleanup();
    }
    return lines;
  } catch (error) {
    throw badInput(BAD_INPUT_REASONS.CORRUPT_PDF, accession, `the PDF letter cannot be read: ${describe(error)}`, {
      cause: error,
    });
  } finally {
    await task.destroy();
  }
}

/** Normalises a PDF letter. Async because pdf.js is; otherwise pure (no I/O). */
export async function normalizePdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<NormalizedText> {
  const lines = await readPdfLines(bytes, options);
  const warnings: string[] = [];
  if (lines.length === 0) {
    warnings.push('the PDF letter has no text layer (a scanned image): its text needs OCR');
    return buildNormalized([], [], 'pdf', warnings);
  }
  const blocks = linesToPdfBlocks(lines, measureLayout(lines));
  const { blocks: kept } = dropPageFurniture(blocks);
  const final = markHeadings(joinAcrossPages(kept), { requireEmphasis: false });
  return buildNormalized(final, [], 'pdf', warnings);
}
