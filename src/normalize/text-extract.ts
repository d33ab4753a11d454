/**
 * The SEC's TEXT-EXTRACT of an UPLOAD letter: a layout dump of the PDF, hard-wrapped near 80 columns (the
 * overflow of a line continues at column 0), comment numbers in their own column ("   1.      We note ..."),
 * bullets lost, the logo's alt text on the first line, running headers ("Luca Maestri / Apple Inc. / April 2,
 * 2024 / Page 2") and template residue ("FirstName LastName", "Comapany Name") at page ends. This undoes the
 * wraps, rebuilds paragraphs and list items from the columns, and drops the residue.
 */
import type { NormalizedText } from './types.ts';
import { markHeadings } from './headings.ts';
import { joinCutParagraphs } from './page-furniture.ts';
import { typicalWidth } from './plain-text.ts';
import {
  buildNormalized,
  cleanText,
  DATE_ONLY,
  draft,
  isTitleCase,
  joinLines,
  splitMarker,
  type DraftBlock,
} from './text-blocks.ts';

const LOGO = /^\s*united states securities and exchange commission logo\s*$/i;
const RESIDUE = /^\s*(?:FirstName\s*LastName|Com?apany\s*Name|Company\s*Name)/;
const PAGE_LINE = /^\s*(?:.{0,40}?\s)?Page\s+\d{1,3}\s*$/;
/** The wrap width of the dump: a line that ends by then was cut because the next word did not fit. */
const WRAP = 80;

const RIGHT_HALF = 40;
const SALUTATION = /^(?:dear\b|ladies and gentlemen|gentlemen\b)/i;

interface Line {
  text: string;
  indent: number;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Physical lines -> the PDF's lines: a column-0 line continues the previous one when its first word could not fit. */
function unwrap(raw: readonly string[]): (Line | null)[] {
  // The physical lines of each logical line are collected and joined once at the end (joining at each one
  // rebuilt the growing line: quadratic in a long run of wrapped lines).
  const out: ({ parts: string[]; indent: number } | null)[] = [];
  let previousLength = 0;
  for (const physical of raw) {
    const line = physical.trimEnd();
    if (line.trim() === '') {
      out.push(null);
      previousLength = 0;
      continue;
    }
    const last = out.at(-1);
    const firstWord = line.trimStart().split(' ', 1)[0]!.length;
    if (last && indentOf(line) === 0 && previousLength > 0 && previousLength + 1 + firstWord > WRAP - 4) {
      last.parts.push(line);
    } else {
      out.push({ parts: [line.trim()], indent: indentOf(line) });
    }
    previousLength = line.length;
  }
  return out.map((l) => (l ? { text: joinLines(l.parts), indent: l.indent } : null));
}

/** Drops the running header ending in "Page N" (and the lines above it that repeat the letter's first lines). */
function dropRunningHeaders(lines: (Line | null)[]): (Line | null)[] {
  // What a running header repeats: the addressee block above the salutation.
  const salutation = lines.findIndex((l) => l !== null && SALUTATION.test(l.text));
  const top = new Set(
    lines
      .slice(0, salutation > 0 ? Math.min(salutation, 30) : 30)
      .filter((l): l is Line => l !== null)
      .map((l) => l.text.toLowerCase()),
  );
  const drop = new Set<number>();
  lines.forEach((line, i) => {
    if (!line || !PAGE_LINE.test(line.text) || line.text.length > 60) return;
    drop.add(i);
    for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
      const above = lines[j];
      if (!above) break;
      const t = above.text.toLowerCase();
      if (top.has(t) || DATE_ONLY.test(above.text) || t.split(' ').every((w) => top.has(w) || /[\d,]/.test(w))) {
        drop.add(j);
      } else {
        // A header line joined to the next by the unwrapping ("Luca Maestri Apple Inc. April 2, 2024 Page 2").
        break;
      }
    }
  });
  return lines.filter((_, i) => !drop.has(i));
}

interface OpenBlock {
  lines: Line[];
  marker: string | null;
  textColumn: number;
}

/** Whether `line` goes on in the open block (same column, after a full line) rather than starting a new one. */
function continuesBlock(current: OpenBlock, line: Line, fullLine: number): boolean {
  const previous = current.lines.at(-1)!;
  const previousFull = previous.text.length >= fullLine * 0.8;
  // Right-hand blocks (date, Re:, signature) keep a block per line, as do consecutive title-case headings.
  const rightHand = !current.marker && (current.lines[0]!.indent >= RIGHT_HALF || line.indent >= RIGHT_HALF);
  const headings = !current.marker && isTitleCase(previous.text) && isTitleCase(line.text);
  const second = current.lines[1];
  const continues = current.marker
    ? Math.abs(line.indent - current.textColumn) <= 2
    : second
      ? line.indent === second.indent
      : line.indent <= current.lines[0]!.indent || line.indent - current.lines[0]!.indent <= 2;
  // A line ending in ";" (or "; and", "; or") closes a list entry.
  const listEnd = /;(?:\s+(?:and|or))?$/.test(previous.text);
  return continues && previousFull && !rightHand && !headings && !listEnd;
}

/** Logical lines -> paragraphs and list items, with the indent of each block's second line. */
function buildBlocks(lines: readonly (Line | null)[]): { blocks: DraftBlock[]; secondIndent: Map<number, number> } {
  // A logical line is a PDF line: a full one holds about as many characters as the longer lines of the letter.
  const fullLine = typicalWidth(lines.map((l) => (l ? l.text.length : 0)));
  const blocks: DraftBlock[] = [];
  /** Indent of each block's second line, by block index: a first-line indent is not a bullet's. */
  const secondIndent = new Map<number, number>();
  let current: OpenBlock | null = null;
  const close = (): void => {
    if (!current) return;
    const body = cleanText(joinLines(current.lines.map((l) => l.text)));
    const { marker, rest } = current.marker ? { marker: current.marker, rest: body } : splitMarker(body);
    const first = current.lines[0]!;
    const second = current.lines[1];
    // Lost bullets show as a hanging indent of a column or two past the paragraph's first line.
    const bullet =
      !marker && second !== undefined && second.indent - first.indent >= 1 && second.indent - first.indent <= 2;
    if (rest !== '') {
      if (second) secondIndent.set(blocks.length, second.indent);
      blocks.push(
        draft(rest, {
          type: marker || bullet ? 'list-item' : 'paragraph',
          marker: marker ?? (bullet ? '•' : null),
          indent: first.indent,
        }),
      );
    }
    current = null;
  };
  for (const line of lines) {
    if (!line) {
      close();
      continue;
    }
    // "   1.                   We note your response": the number alone in its column, the text further right.
    const column = /^(\d{1,3}\.|\([a-z]\))(\s{2,})(\S.*)$/.exec(line.text);
    if (column) {
      close();
      const textColumn = line.indent + column[1]!.length + column[2]!.length;
      current = { lines: [{ text: column[3]!, indent: textColumn }], marker: column[1]!, textColumn };
      continue;
    }
    if (current && !continuesBlock(current, line, fullLine)) close();
    current ??= { lines: [], marker: null, textColumn: line.indent };
    current.lines.push(line);
  }
  close();
  return { blocks, secondIndent };
}

/**
 * Lost bullets: lines indented past the body margin right after a line ending in a colon ("address the
 * following:"), and one-line items that share the indent of a neighbour recognised by its hanging indent.
 */
function restoreBullets(blocks: DraftBlock[], secondIndent: ReadonlyMap<number, number>, margin: number): void {
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    if (block.marker !== null || block.type !== 'paragraph' || (block.indent ?? 0) < margin + 2 || !before) return;
    if ((secondIndent.get(i) ?? Number.POSITIVE_INFINITY) < block.indent!) return;
    const opener =
      (before.text.endsWith(':') && !SALUTATION.test(before.text)) ||
      (before.marker === '•' && before.indent === block.indent);
    if (opener) Object.assign(block, { type: 'list-item', marker: '•' });
  });
  const lost = (b: DraftBlock | undefined): boolean => b?.marker === '•' && b.type === 'list-item';
  blocks.forEach((block, i) => {
    if (block.marker !== null || block.type !== 'paragraph') return;
    const neighbour = [blocks[i - 1], blocks[i + 1]].find((b) => lost(b) && b!.indent === block.indent);
    if (neighbour) Object.assign(block, { type: 'list-item', marker: '•' });
  });
}

export function normalizeTextExtract(text: string): NormalizedText {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => !LOGO.test(l) && !RESIDUE.test(l));
  const lines = dropRunningHeaders(unwrap(raw));
  const margin = mostCommon(lines.flatMap((l) => (l ? [l.indent] : [])));
  const { blocks, secondIndent } = buildBlocks(lines);
  restoreBullets(blocks, secondIndent, margin);

  // A page break inside a paragraph leaves its tail as a block of its own starting in lower case.
  const joined = joinCutParagraphs(blocks, false);
  const final = markHeadings(joined, { requireEmphasis: false });
  const warnings = final.length === 0 ? ['the TEXT-EXTRACT has no text'] : [];
  return buildNormalized(final, [], 'text-extract', warnings);
}
