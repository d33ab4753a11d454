/**
 * pdf.js text items -> lines. pdf.js gives runs of glyphs with a position (baseline origin), a width and a
 * font size, in content-stream order, which is not reading order (the SEC's comment numbers come last on
 * their page). Runs are grouped by baseline, ordered left to right and joined with spaces where the gap
 * between them is wider than a glyph's spacing.
 */
import { splitMarker, isMarkerOnly } from './text-blocks.ts';

/** One pdf.js text item reduced to what layout needs. */
export interface GlyphRun {
  readonly text: string;
  readonly x: number;
  /** Baseline, PDF user space (grows upwards). */
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

export interface PdfLine {
  readonly page: number;
  readonly y: number;
  readonly x0: number;
  readonly x1: number;
  readonly size: number;
  /** The whole line, marker included. */
  readonly text: string;
  /** A list marker standing in its own column ("1." ... text further right), or split off the text. */
  readonly marker: string | null;
  /** The text after the marker. */
  readonly body: string;
  /** Where the text after the marker starts (x0 when there is no marker). */
  readonly textX: number;
}

/** A glyph pdf.js could not map to Unicode (Symbol-font bullets): kept as a placeholder until layout decides. */
export const UNMAPPED = '\ufffc';

function isSpace(run: GlyphRun): boolean {
  return run.text.trim() === '';
}

/**
 * Groups runs into lines, top to bottom. Runs of body size whose baselines differ by less than a third of the
 * size form a line; smaller runs (superscripts "th", footnote marks) then join the line they sit on.
 */
export function buildLines(runs: readonly GlyphRun[], page: number): PdfLine[] {
  const sizes = runs
    .filter((r) => !isSpace(r))
    .map((r) => r.size)
    .sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 12;
  const small = (r: GlyphRun): boolean => r.size < 0.8 * body;
  const groups = group(runs.filter((r) => !small(r)));
  // Each line's horizontal extent, kept up to date as small runs join it.
  const x0s = groups.map((g) => g.reduce((least, r) => Math.min(least, r.x), Number.POSITIVE_INFINITY));
  const x1s = groups.map((g) => g.reduce((most, r) => Math.max(most, r.x + r.width), Number.NEGATIVE_INFINITY));
  // Lines come top to bottom: only those whose baseline lies within reach of a small run can take it, so each
  // run looks at that window (found by bisection) and not at every line of the page.
  const reach = 0.7 * groups.reduce((most, g) => Math.max(most, g[0]!.size), 0);
  const orphans: GlyphRun[] = [];
  for (const run of runs.filter(small)) {
    const first = firstBelow(groups, run.y + reach);
    let best: { index: number; distance: number } | null = null;
    for (let i = first; i < groups.length && groups[i]![0]!.y >= run.y - reach; i++) {
      const line = groups[i]![0]!;
      const distance = Math.abs(run.y - line.y);
      if (distance <= 0.7 * line.size && run.x >= x0s[i]! - line.size && run.x <= x1s[i]! + line.size) {
        if (!best || distance < best.distance) best = { index: i, distance };
      }
    }
    if (!best) {
      orphans.push(run);
      continue;
    }
    groups[best.index]!.push(run);
    x0s[best.index] = Math.min(x0s[best.index]!, run.x);
    x1s[best.index] = Math.max(x1s[best.index]!, run.x + run.width);
  }
  const all = [...groups, ...group(orphans)].sort((a, b) => b[0]!.y - a[0]!.y);
  return all.map((g) => lineOf(g, page)).filter((line): line is PdfLine => line !== null);
}

/** Index of the first group (baselines descending) whose baseline is at most `y`. */
function firstBelow(groups: readonly GlyphRun[][], y: number): number {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (groups[mid]![0]!.y > y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function group(runs: readonly GlyphRun[]): GlyphRun[][] {
  const sorted = runs.filter((r) => r.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: GlyphRun[][] = [];
  let current: GlyphRun[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= 0.35 * Math.max(size, run.size)) {
      current.push(run);
      if (!isSpace(run) && run.size > size) size = run.size;
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    baseline = run.y;
    size = run.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function lineOf(group: GlyphRun[], page: number): PdfLine | null {
  const runs = group.filter((r) => !isSpace(r)).sort((a, b) => a.x - b.x);
  if (runs.length === 0) return null;
  const size = runs.reduce((most, r) => Math.max(most, r.size), Number.NEGATIVE_INFINITY);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  let marker: string | null = null;
  let textX = runs[0]!.x;
  runs.forEach((run, i) => {
    const gap = run.x - end;
    if (i > 0 && gap > 0.15 * size && !text.endsWith(' ') && !run.text.startsWith(' ')) text += ' ';
    // A bullet glyph or number alone at the start, with the text after a gap: the list's own column.
    if (i === 1 && gap > 0.4 * size) {
      const first = runs[0]!.text.trim();
      if (first === UNMAPPED || isMarkerOnly(first)) {
        marker = first === UNMAPPED ? '•' : (splitMarker(`${first} x`).marker ?? first);
        textX = run.x;
      }
    }
    text += run.text;
    end = Math.max(end, run.x + run.width);
  });
  text = text.replace(/\s+/g, ' ').trim();
  let body = text;
  if (marker) {
    body = text.slice(text.indexOf(' ') + 1);
  } else {
    const split = splitMarker(text.replace(UNMAPPED, '•'));
    if (split.marker && split.rest !== '') {
      marker = split.marker;
      body = split.rest;
      const x1 = end;
      textX = runs[0]!.x + ((x1 - runs[0]!.x) * (text.length - split.rest.length)) / Math.max(1, text.length);
    }
  }
  body = body.replaceAll(UNMAPPED, '').trim();
  const cleanText = text.replaceAll(UNMAPPED, '•');
  if (body === '' && marker === null) return null;
  return { page, y: group[0]!.y, x0: runs[0]!.x, x1: end, size, text: cleanText, marker, body, textX };
}
