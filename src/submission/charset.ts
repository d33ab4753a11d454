/**
 * Text documents in EDGAR come as UTF-8, windows-1252 or latin-1 (old HTML), often without saying which. The
 * charset is taken from a <meta charset> / http-equiv declaration when the bytes agree with it, else from the
 * bytes themselves: pure ASCII, valid UTF-8, or windows-1252 (a superset of latin-1's printable range, and
 * what browsers use for latin-1 labels).
 */

export type Charset = 'us-ascii' | 'utf-8' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly charset: Charset;
  /** Set when the bytes contradict the declared charset or carry no declaration and are not UTF-8. */
  readonly warning: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');
const utf8Lenient = new TextDecoder('utf-8');

const DECLARATION = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i;

/** The charset a document declares in its first 4 KB, mapped to the three we decode; null when none or unknown. */
export function declaredCharset(head: string): Charset | 'other' | null {
  const m = DECLARATION.exec(head);
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  if (label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8') return 'utf-8';
  if (/^(us-)?ascii$/.test(label)) return 'us-ascii';
  if (/^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin-?1|l1|cp819|ibm819)$/.test(label)) {
    return 'windows-1252';
  }
  return 'other';
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 127) return false;
  return true;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Decodes a text document's bytes; never throws (undecodable bytes become U+FFFD with a warning). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (isAscii(bytes)) return { text: latin1(bytes), charset: 'us-ascii', warning: null };
  const declared = declaredCharset(latin1(bytes.subarray(0, 4096)));
  let asUtf8: string | null = null;
  try {
    asUtf8 = utf8.decode(bytes);
  } catch {
    asUtf8 = null;
  }
  if (declared === 'windows-1252') {
    return { text: windows1252.decode(bytes), charset: 'windows-1252', warning: null };
  }
  if (asUtf8 !== null) {
    const warning =
      declared === 'other' ? 'declares a charset other than UTF-8/windows-1252; the bytes are valid UTF-8' : null;
    return { text: stripBom(asUtf8), charset: 'utf-8', warning };
  }
  if (declared === 'utf-8') {
    return {
      text: windows1252.decode(bytes),
      charset: 'windows-1252',
      warning: 'declares UTF-8 but is not valid UTF-8; decoded as windows-1252',
    };
  }
  if (declared === 'other') {
    return {
      text: stripBom(utf8Lenient.decode(bytes)),
      charset: 'utf-8',
      warning: 'declares an unsupported charset and is not valid UTF-8; invalid bytes replaced',
    };
  }
  return {
    text: windows1252.decode(bytes),
    charset: 'windows-1252',
    warning: 'not valid UTF-8 and no charset declared; decoded as windows-1252',
  };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
