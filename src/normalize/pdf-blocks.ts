/**
 * PDF lines -> blocks. A block ends where the vertical gap grows past the line pitch, where a line stops
 * short of the right margin (the next word would have fit: an address line, a heading, a paragraph's end),
 * where the indentation changes, and where a list marker opens an item. A comment number alone at the left
 * with its text further right ("3." ... "We note ...") makes one list-item block with marker "3.".
 */
import { cleanText, draft, isMarkerOnly, isTitleCase, joinLines, type DraftBlock } from './text-blocks.ts';
import type { PdfLine } from './pdf-lines.ts';

const LOGO = /^united states securities and exchange commission logo$/i;

export interface PdfLayout {
  /** Usual distance between baselines of one paragraph. */
  readonly pitch: number;
  /** Where full lines end. */
  readonly rightMargin: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Line pitch (the most common baseline distance) and right margin (where the longer lines end). */
export function measureLayout(lines: readonly PdfLine[]): PdfLayout {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const d = a.y - b.y;
    if (a.page !== b.page || d <= 0 || d > 3 * Math.max(a.size, b.size)) continue;
    const key = Math.round(d * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let pitch = 0;
  let best = 0;
  for (const [d, n] of counts) if (n > best || (n === best && d < pitch)) [pitch, best] = [d, n];
  const sizes = lines.map((l) => l.size);
  if (pitch === 0) pitch = 1.2 * (percentile(sizes, 0.5) || 12);
  return {
    pitch,
    rightMargin: percentile(
      lines.map((l) => l.x1),
      0.9,
    ),
  };
}

interface Building {
  readonly lines: PdfLine[];
  readonly marker: string | null;
  readonly markerX: number;
  readonly textX: number;
}

/** Width of the first word of a line, estimated from the line's average glyph width. */
function firstWordWidth(line: PdfLine): number {
  const word = line.body.split(' ')[0] ?? '';
  return ((line.x1 - line.textX) * word.length) / Math.max(1, line.body.length);
}

function endsBlock(block: Building, previous: PdfLine, line: PdfLine, layout: PdfLayout): boolean {
  const tolerance = 0.6 * Math.max(previous.size, line.size);
  const gap = previous.y - line.y;
  if (line.page !== previous.page || gap <= 0 || gap > layout.pitch * 1.35 + 0.5) return true;
  if (line.marker !== null) return true;
  // The previous line stopped although the next word would have fitted.
  const room = layout.rightMargin - previous.x1;
  // Generous: dates and names glued with no-break spaces wrap as one long word.
  if (room > firstWordWidth(line) + 1.5 * line.size + tolerance) return true;
  if (isTitleCase(previous.text) && isTitleCase(line.text) && block.marker === null) return true;
  const first = block.lines[0]!;
  if (block.marker !== null) {
    // Item text continues at its own column or wraps back under the marker.
    return Math.abs(line.x0 - block.textX) > tolerance && Math.abs(line.x0 - block.markerX) > tolerance;
  }
  const second = block.lines[1];
  if (second) return Math.abs(line.x0 - second.x0) > tolerance;
  // Second line of a paragraph: left of or level with the first (first-line indent), or a small hanging indent.
  return line.x0 - first.x0 > tolerance * 2.5;
}

/** Builds the blocks of a PDF letter's lines (already in reading order, pages in sequence). */
export function linesToPdfBlocks(lines: readonly PdfLine[], layout: PdfLayout): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let current: Building | null = null;
  let pendingMarker: { marker: string; x: number } | null = null;
  const close = (): void => {
    if (!current) return;
    const text = cleanText(joinLines(current.lines.map((l, i) => (i === 0 ? l.body : l.text))));
    if (text !== '') {
      blocks.push(
        draft(text, {
          type: current.marker ? 'list-item' : 'paragraph',
          marker: current.marker,
          page: current.lines[0]!.page,
          indent: Math.round(current.markerX),
        }),
      );
    }
    current = null;
  };
  let previous: PdfLine | null = null;
  for (const line of lines) {
    if (LOGO.test(line.text)) continue;
    if (line.marker === null && isMarkerOnly(line.text)) {
      // "1." on a line of its own: the item's text starts on the next line.
      close();
      pendingMarker = { marker: line.text, x: line.x0 };
      previous = line;
      continue;
    }
    if (current && previous && endsBlock(current, previous, line, layout)) close();
    if (!current) {
      const marker = line.marker ?? pendingMarker?.marker ?? null;
      current = {
        lines: [],
        marker,
        markerX: pendingMarker && !line.marker ? pendingMarker.x : line.x0,
        textX: line.marker ? line.textX : line.x0,
      };
      pendingMarker = null;
    }
    current.lines.push(line);
    previous = line;
  }
  close();
  return blocks;
}
