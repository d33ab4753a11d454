/**
 * uudecode as EDGAR writes it: `begin 644 name`, lines of up to 45 bytes whose first character gives their
 * length, a zero-length line, `end`. EDGAR's quirks are tolerated: spaces in place of backticks (both mean 0)
 * and trailing spaces trimmed away (a short line is padded with zeros). Anything else is a broken encoding.
 */

export type UudecodeResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly name: string | null }
  /** `oversize`: the lines announce `size` bytes, more than `maxBytes`; nothing was decoded. */
  | { readonly ok: false; readonly problem: string; readonly oversize?: { readonly size: number } };

export interface UudecodeOptions {
  /** Largest decoded size accepted; a document announcing more fails before anything is allocated. */
  readonly maxBytes?: number;
}

const BEGIN = /^begin [0-7]{3,4} ?(.*)$/;
/** Encoders may append a checksum character or two; more than that is not EDGAR's format. */
const SLACK = 2;

/**
 * The decoded size: the sum of the length characters of the lines before `end` (a line's length character
 * says how many bytes it holds). Broken lines count 0 here; decoding reports them.
 */
function decodedSize(text: string, from: number, end: number): number {
  let size = 0;
  let pos = from;
  while (pos < end) {
    let stop = text.indexOf('\n', pos);
    if (stop < 0 || stop > end) stop = end;
    let last = stop;
    if (last > pos && text.charCodeAt(last - 1) === 13) last--;
    if (last - pos === 3 && text.startsWith('end', pos)) break;
    const c = text.charCodeAt(pos);
    if (last > pos && c >= 32 && c <= 96) size += (c - 32) & 63;
    pos = stop + 1;
  }
  return size;
}

/** Decodes the uuencoded text in `text` between `start` and `end` (the `begin` line must come first). */
export function uudecode(text: string, start = 0, end = text.length, options: UudecodeOptions = {}): UudecodeResult {
  let pos = start;
  // Skip blank lines before `begin`.
  while (pos < end && (text.charCodeAt(pos) === 10 || text.charCodeAt(pos) === 13 || text.charCodeAt(pos) === 32)) {
    pos++;
  }
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  const begin = BEGIN.exec(text.slice(pos, lineEnd).replace(/\r$/, ''));
  if (!begin) return { ok: false, problem: 'no "begin" line' };
  const name = begin[1]?.trim() || null;

  // Allocated to the size the lines announce, after checking it: 45 bytes for every line would let 5 million
  // empty lines ask for 225 MB before anything is read.
  const size = decodedSize(text, lineEnd + 1, end);
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  if (size > maxBytes) {
    return { ok: false, problem: `the lines announce ${size} bytes, more than ${maxBytes}`, oversize: { size } };
  }
  const out = new Uint8Array(size);
  let length = 0;
  let lineNumber = 1;
  let sawEnd = false;

  pos = lineEnd + 1;
  while (pos < end) {
    let stop = text.indexOf('\n', pos);
    if (stop < 0 || stop > end) stop = end;
    lineNumber++;
    let last = stop;
    if (last > pos && text.charCodeAt(last - 1) === 13) last--;
    if (last - pos === 3 && text.startsWith('end', pos)) {
      sawEnd = true;
      break;
    }
    if (last === pos) {
      pos = stop + 1;
      continue; // a fully trimmed zero-length line
    }
    const count = (text.charCodeAt(pos) - 32) & 63;
    if (text.charCodeAt(pos) < 32 || text.charCodeAt(pos) > 96) {
      return { ok: false, problem: `line ${lineNumber}: "${text.charAt(pos)}" is not a uuencode length character` };
    }
    if (count === 0) {
      pos = stop + 1;
      continue;
    }
    const needed = Math.ceil(count / 3) * 4;
    const available = last - pos - 1;
    if (available > needed + SLACK) {
      return { ok: false, problem: `line ${lineNumber}: ${available} characters for ${count} bytes` };
    }
    let i = pos + 1;
    for (let group = 0; group < needed; group += 4) {
      let word = 0;
      for (let k = 0; k < 4; k++) {
        const at = i + k;
        // Past the trimmed end of the line: the missing characters were spaces, i.e. zeros.
        const c = at < last ? text.charCodeAt(at) : 32;
        if (c < 32 || c > 96) {
          return { ok: false, problem: `line ${lineNumber}: "${text.charAt(at)}" is not a uuencode character` };
        }
        word = (word << 6) | ((c - 32) & 63);
      }
      i += 4;
      const take = Math.min(3, count - (group / 4) * 3);
      out[length] = (word >> 16) & 255;
      if (take > 1) out[length + 1] = (word >> 8) & 255;
      if (take > 2) out[length + 2] = word & 255;
      length += take;
    }
    pos = stop + 1;
  }
  if (!sawEnd) return { ok: false, problem: 'no "end" line' };
  return { ok: true, bytes: out.subarray(0, length), name };
}
