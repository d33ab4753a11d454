/**
 * The format of a submission document, from its bytes first (magic numbers, markup) and its file name only
 * as a tie-breaker: EDGAR file names are not reliable (a `.txt` can hold HTML, a `.htm` plain text).
 */
import type { DocumentFormat } from './types.ts';

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const IMAGES: readonly (readonly number[])[] = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x42, 0x4d], // BMP
  [0x49, 0x49, 0x2a, 0x00], // TIFF little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF big-endian
];

/** Tags that make a text HTML; EDGAR's plain-text SGML tags (<PAGE>, <S>, <C>, <CAPTION>) do not count. */
const HTML_TAG = /<(?:!doctype\s+html|html|head|body|p|div|table|font|br|span|center|b|i|u|h[1-6])[\s>/]/i;

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The PDF spec lets the header sit anywhere in the first 1024 bytes.
  const limit = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= limit; i++) if (bytes[i] === 0x25 && startsWith(bytes, PDF, i)) return true;
  return false;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 20;
}

/** html | pdf | text | image | other, for decoded document bytes (and the text, when already decoded). */
export function detectFormat(bytes: Uint8Array, filename: string | null, text: string | null = null): DocumentFormat {
  if (hasPdfHeader(bytes)) return 'pdf';
  if (IMAGES.some((magic) => startsWith(bytes, magic))) return 'image';
  if (bytes.length === 0) {
    const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
    if (ext === 'htm' || ext === 'html') return 'html';
    if (ext === 'pdf') return 'pdf';
    if (ext === 'txt') return 'text';
    return 'other';
  }
  if (looksBinary(bytes)) return 'other';
  const head = text !== null ? text.slice(0, 8192) : Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  if (HTML_TAG.test(head)) return 'html';
  if (/^\s*<\?xml/.test(head)) return 'other';
  return 'text';
}
