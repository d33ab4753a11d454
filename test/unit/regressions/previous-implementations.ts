/**
 * The implementations that issue 9 replaced because they took super-linear time, kept verbatim as oracles: the
 * rewrites must answer exactly as they did (on inputs small enough for them to finish). Test code only.
 */
import { UNMAPPED, type GlyphRun, type PdfLine } from '../../../src/normalize/pdf-lines.ts';
import { isMarkerOnly, splitMarker, type DraftBlock } from '../../../src/normalize/text-blocks.ts';
import type { Unit } from '../../../src/letter/units.ts';

/** markers.ts: exponential on "[" + many "*" + "x". */
export const OLD_REDACTION = /\[\s*\*+(?:\s*\*+)*\s*\]|\[\s*(?:redacted|omitted)\s*\]/gi;

/** sgml-header.ts: quadratic on a long run of spaces. */
export const OLD_HEADER_LINE = /^([ \t]*)([^:\t<][^:\t]*?):[ \t]*(.*?)[ \t]*$/;

/** browse-atom.ts: quadratic on titles with many " - ". */
export const OLD_FEED_TITLE = /^(.+?)\s+-\s+(.*?)\s+\((\d{1,10})\)(?:\s+\(([^)]*)\))?\s*$/;

/** browse-atom.ts summaries: quadratic on a run of spaces. */
export const OLD_FILED_IN_SUMMARY = /Filed:(?:<\/b>|\s)*\s*(\d{4}-\d{2}-\d{2})/;

/** staff.ts: quadratic on a long run of capitals (unbounded name words). */
const OLD_NAME = String.raw`(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-Z]\.\s?)?[A-Z][a-zA-Z'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'-]+){1,2}`;
export const OLD_SEC_PHONE = new RegExp(
  String.raw`(${OLD_NAME})(?:\s*,\s*[A-Z][A-Za-z ,-]{2,60}?,?)?\s+(?:at|on)\s+(?:\(?202\)?[\s.-]*551|551)[\s.-]*\d{4}`,
  'g',
);
export const OLD_OF_STAFF = new RegExp(
  String.raw`(${OLD_NAME})\s*,?\s+(?:of|from)\s+the\s+(?:Staff|Commission|Division|SEC)\b`,
  'g',
);

/** text-blocks.ts joinLines: quadratic (a regex over the growing paragraph at each line). */
export function oldJoinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') out = line;
    else if (/[A-Za-z0-9.]-$/.test(out) && /^[A-Za-z0-9]/.test(line)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

interface OldTextLine {
  readonly text: string;
  readonly indent: number;
  readonly page: number;
}

/** plain-text.ts splitTables: quadratic (each line of a run that is no table rescanned the run). */
export function oldSplitTables(lines: readonly OldTextLine[]): { table: boolean; lines: OldTextLine[] }[] {
  const RULE = /^\s*[-=_]{10,}\s*$/;
  const GAP = /\S {2,}\S/g;
  const out: { table: boolean; lines: OldTextLine[] }[] = [];
  const gaps = (l: OldTextLine): number => l.text.trim().match(GAP)?.length ?? 0;
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && (RULE.test(lines[j]!.text) || gaps(lines[j]!) > 0)) j++;
    const run = lines.slice(i, j);
    const rows = run.filter((l) => !RULE.test(l.text));
    const isTable = rows.length >= 2 && (run.some((l) => RULE.test(l.text)) || rows.every((l) => gaps(l) >= 2));
    if (isTable) {
      out.push({ table: true, lines: run });
      i = j;
      continue;
    }
    const last = out.at(-1);
    if (last && !last.table) last.lines.push(lines[i]!);
    else out.push({ table: false, lines: [lines[i]!] });
    i++;
  }
  return out.filter((segment) => segment.lines.length > 0);
}

export interface OldChainCandidate {
  readonly number: number;
  readonly weight: number;
  readonly style: 'dot' | 'paren' | 'comment' | 'bare';
  readonly depth: number;
}

/** items.ts bestChain: cubic in the number of candidates. Returns the chosen candidates' indexes. */
export function oldBestChain(candidates: readonly OldChainCandidate[], maxGap: number): number[] {
  const GAP_PENALTY = 0.15;
  const n = candidates.length;
  const score: number[] = new Array<number>(n).fill(0);
  const prev: number[] = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    let best = 0;
    let from = -1;
    for (let j = 0; j < i; j++) {
      const p = candidates[j]!;
      if (p.number >= c.number) continue;
      let restarted = false;
      for (let k = j + 1; k < i && !restarted; k++) {
        const between = candidates[k]!;
        if (between.number > p.number) continue;
        restarted =
          (between.style === c.style && p.style !== c.style) || (between.depth > p.depth && between.depth === c.depth);
      }
      if (restarted) continue;
      const gap = c.number - p.number - 1;
      if ((gap > 0 && c.style === 'bare') || gap > maxGap) continue;
      const s = score[j]! - Math.min(gap, 3) * GAP_PENALTY - (p.style === c.style ? 0 : 0.3);
      if (s >= best && s > 0) {
        best = s;
        from = j;
      }
    }
    const startPenalty = from < 0 ? Math.min(c.number - 1, 4) * 0.05 : 0;
    score[i] = c.weight + best - startPenalty;
    prev[i] = from;
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || score[i]! >= score[end]!) end = i;
  const chain: number[] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.unshift(i);
  return chain;
}

/** pdf-lines.ts buildLines: each small run (superscripts) looked at every line of the page. */
function oldIsSpace(run: GlyphRun): boolean {
  return run.text.trim() === '';
}

/**
 * Groups runs into lines, top to bottom. Runs of body size whose baselines differ by less than a third of the
 * size form a line; smaller runs (superscripts "th", footnote marks) then join the line they sit on.
 */
export function oldBuildLines(runs: readonly GlyphRun[], page: number): PdfLine[] {
  const sizes = runs
    .filter((r) => !oldIsSpace(r))
    .map((r) => r.size)
    .sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 12;
  const small = (r: GlyphRun): boolean => r.size < 0.8 * body;
  const groups = oldGroup(runs.filter((r) => !small(r)));
  const orphans: GlyphRun[] = [];
  for (const run of runs.filter(small)) {
    let best: { group: GlyphRun[]; distance: number } | null = null;
    for (const g of groups) {
      const line = g[0]!;
      const x0 = Math.min(...g.map((r) => r.x));
      const x1 = Math.max(...g.map((r) => r.x + r.width));
      const distance = Math.abs(run.y - line.y);
      if (distance <= 0.7 * line.size && run.x >= x0 - line.size && run.x <= x1 + line.size) {
        if (!best || distance < best.distance) best = { group: g, distance };
      }
    }
    if (best) best.group.push(run);
    else orphans.push(run);
  }
  const all = [...groups, ...oldGroup(orphans)].sort((a, b) => b[0]!.y - a[0]!.y);
  return all.map((g) => oldLineOf(g, page)).filter((line): line is PdfLine => line !== null);
}

function oldGroup(runs: readonly GlyphRun[]): GlyphRun[][] {
  const sorted = runs.filter((r) => r.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: GlyphRun[][] = [];
  let current: GlyphRun[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const run of sorted) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= 0.35 * Math.max(size, run.size)) {
      current.push(run);
      if (!oldIsSpace(run) && run.size > size) size = run.size;
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

function oldLineOf(group: GlyphRun[], page: number): PdfLine | null {
  const runs = group.filter((r) => !oldIsSpace(r)).sort((a, b) => a.x - b.x);
  if (runs.length === 0) return null;
  const size = Math.max(...runs.map((r) => r.size));
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

/** page-furniture.ts joinAcrossPages and text-extract.ts's loop: each tail re-tested the joined text. */
export function oldJoinCut(blocks: readonly DraftBlock[], acrossPagesOnly: boolean): DraftBlock[] {
  const cut = (head: DraftBlock, tail: DraftBlock) =>
    tail.marker === null &&
    /^[a-z]/.test(tail.text) &&
    !/^[a-z]{1,4}:/.test(tail.text) &&
    head.text.length >= 80 &&
    head.type !== 'table' &&
    !/[.:;?!"”)]$/.test(head.text);
  const out: DraftBlock[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (last && (!acrossPagesOnly || last.page !== block.page) && cut(last, block)) {
      out[out.length - 1] = { ...last, text: `${last.text} ${block.text}` };
    } else out.push(block);
  }
  return out;
}

/** html-normalize.ts joinSplitLines. */
export function oldJoinSplitLines(blocks: readonly DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (
      last &&
      last.type === 'paragraph' &&
      block.marker === null &&
      block.type !== 'table' &&
      last.page === block.page &&
      /,$/.test(last.text) &&
      /^[a-z0-9]/.test(block.text) &&
      block.text.length <= 40 &&
      last.emphasis.join() === block.emphasis.join() &&
      last.emphasis.length > 0
    ) {
      out[out.length - 1] = { ...last, text: `${last.text} ${block.text}` };
    } else out.push(block);
  }
  return out;
}

/** unit-split.ts joinContinuations. */
export function oldJoinContinuations(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    const continues =
      prev !== undefined &&
      u.marker === null &&
      u.type === 'paragraph' &&
      (prev.type === 'paragraph' || prev.type === 'list-item') &&
      /^[a-z]/.test(u.text) &&
      !/^(?:cc|c\.c\.|bcc)\b/i.test(u.text) &&
      !prev.text.includes('\n') &&
      !/[.:;!?]["'”)]?$/.test(prev.text) &&
      prev.text.length > 40;
    if (continues) out[out.length - 1] = { ...prev, text: `${prev.text} ${u.text}` };
    else out.push({ ...u, index: out.length });
  }
  return out;
}
