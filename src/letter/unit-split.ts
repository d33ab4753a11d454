/**
 * Normalisers do not always break blocks where a letter changes part: a salutation may share a block with
 * the first paragraph, a "Sincerely," with the last, a wrapped page may run a heading into a comment. This
 * splits a multi-line unit before the lines that open a new part, so later steps see one part per unit.
 */
import { COMPLIMENTARY } from './closing.ts';
import { LABEL } from './headings.ts';
import { SALUTATION } from './preamble.ts';
import type { Unit } from './units.ts';

const OPENS_PART = [
  SALUTATION,
  /^(?:Re|RE)\s*:/,
  COMPLIMENTARY,
  /^(?:cc|c\.c\.)\s*:/i,
  /^\d{1,3}\.\s+(?:[A-Z"“(]|$)/,
  /^(?:staff\s+)?comment\s*(?:no\.?|number|#)?\s*\d{1,3}\s*[:.]/i,
];

function opensPart(line: string): boolean {
  return OPENS_PART.some((re) => re.test(line)) || LABEL.test(line);
}

/**
 * Paragraphs a normaliser broke in the middle of a sentence (a page break, a wrapped line taken for a new
 * paragraph): a unit starting in lower case after one that does not end a sentence continues it.
 */
export function joinContinuations(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  // The unit being continued is read through its last part, its length and whether it holds a line break, and
  // its parts are joined once: testing the joined text at every unit was quadratic in a long run of them.
  let parts: string[] = [];
  let length = 0;
  let hasBreak = false;
  const close = (): void => {
    if (parts.length > 1) out[out.length - 1] = { ...out[out.length - 1]!, text: parts.join(' ') };
  };
  for (const u of units) {
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      u.marker === null &&
      u.type === 'paragraph' &&
      (prev.type === 'paragraph' || prev.type === 'list-item') &&
      /^[a-z]/.test(u.text) &&
      !/^(?:cc|c\.c\.|bcc)\b/i.test(u.text) &&
      !hasBreak &&
      !/[.:;!?]["'”)]?$/.test(parts.at(-1)!) &&
      length > 40;
    if (continues) {
      parts.push(u.text);
      length += 1 + u.text.length;
      hasBreak = u.text.includes('\n');
      continue;
    }
    close();
    out.push({ ...u, index: out.length });
    parts = [u.text];
    length = u.text.length;
    hasBreak = u.text.includes('\n');
  }
  close();
  return out;
}

/** Units with multi-line text split before each line that opens a part; indexes renumbered. */
export function splitMergedUnits(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (u.type === 'table' || !u.text.includes('\n')) {
      out.push({ ...u, index: out.length });
      continue;
    }
    const lines = u.text.split('\n');
    let current: string[] = [];
    let first = true;
    const flush = (): void => {
      if (current.length === 0) return;
      out.push({ ...u, index: out.length, text: current.join('\n'), marker: first ? u.marker : null });
      first = false;
      current = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const salutationBefore = i > 0 && SALUTATION.test(lines[i - 1]!) && lines[i - 1]!.length < 120;
      const labelBefore = i > 0 && LABEL.test(lines[i - 1]!);
      if (i > 0 && (opensPart(line) || salutationBefore || labelBefore)) flush();
      current.push(line);
    }
    flush();
  }
  return out;
}
