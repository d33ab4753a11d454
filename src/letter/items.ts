/**
 * Numbered staff comments: which units start an item ("1.", "Comment 3:", "- 5.", a bare "4" in its own
 * cell), chosen as the longest rising chain of numbers through the body, so that sub-lists, numbered notes
 * and page numbers do not break the sequence; then each item's extent and the headings above it.
 */
import { isHeadingLike, LABEL, nextPath, pageOf, type HeadingPath } from './headings.ts';
import { flat, type Unit } from './units.ts';

export interface ItemStart {
  readonly unit: number;
  readonly number: number;
  /** The unit's text after the item marker ("" when the marker stood alone). */
  readonly rest: string;
}

export interface ItemSpan {
  readonly number: number;
  /** First unit of the item (its marker). */
  readonly start: number;
  /** One past the item's last unit. */
  readonly end: number;
  /** Text of the first unit after the marker. */
  readonly rest: string;
  readonly headings: string[];
  readonly pageRef: string | null;
}

interface Candidate extends ItemStart {
  readonly weight: number;
}

const MARKER_ONLY = /^(?:[-–•·]\s*)?(\d{1,3})\s*[.):]?$/;
const COMMENT_MARKER = /^(?:staff\s+)?(?:comment|question)\s*(?:no\.?|number|#)?\s*(\d{1,3})\s*[:.\-–—)]?$/i;
const LEADING_NUMBER = /^(?:[-–•·]\s*)?(\d{1,3})\s?[.)](?=\s|$)\s*/;
const LEADING_COMMENT =
  /^(?:staff\s+)?(?:comment|question)\s*(?:no\.?|number|#)?\s*(\d{1,3})\s*(?:[:.\-–—)]|(?=\n)|$)\s*/i;
const BARE_NUMBER = /^(\d{1,3})$/;

function candidateOf(unit: Unit): Candidate | null {
  if (unit.type === 'table') return null;
  let number: number | null = null;
  let rest = unit.text;
  let weight = 1;
  if (unit.marker !== null) {
    const m = MARKER_ONLY.exec(unit.marker) ?? COMMENT_MARKER.exec(unit.marker);
    if (!m) return null;
    number = Number(m[1]);
    if (!/[.):]|comment|question/i.test(unit.marker)) weight = 0.6;
  } else {
    const text = unit.text;
    const m = LEADING_COMMENT.exec(text) ?? LEADING_NUMBER.exec(text);
    if (m) {
      number = Number(m[1]);
      rest = text.slice(m[0].length);
    } else {
      const bare = BARE_NUMBER.exec(text.trim());
      if (!bare) return null;
      number = Number(bare[1]);
      rest = '';
      weight = 0.5;
    }
  }
  if (number < 1 || number > 150) return null;
  const restFlat = flat(rest);
  if (restFlat !== '' && isHeadingLike({ ...unit, marker: null, text: restFlat }) && restFlat.length < 90)
    weight *= 0.3;
  if (LABEL.test(restFlat) && restFlat !== '') weight *= 0.3;
  if (unit.type === 'heading') weight *= 0.8;
  return { unit: unit.index, number, rest, weight };
}

const GAP_PENALTY = 0.25;

/** The longest, best-weighted chain of strictly rising item numbers, in document order. */
function bestChain(candidates: readonly Candidate[]): Candidate[] {
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
      const gap = c.number - p.number - 1;
      const s = score[j]! - Math.min(gap, 4) * GAP_PENALTY;
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
  const chain: Candidate[] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.unshift(candidates[i]!);
  return chain;
}

/** Units that start items, between `from` and `to`. */
export function findItemStarts(units: readonly Unit[], from: number, to: number): ItemStart[] {
  const candidates: Candidate[] = [];
  for (let i = from; i < to; i++) {
    const c = candidateOf(units[i]!);
    if (c) candidates.push(c);
  }
  const indents = candidates.map((c) => units[c.unit]!.indent).filter((x): x is number => x !== null);
  if (indents.length > 0) {
    const base = Math.min(...indents);
    for (let k = 0; k < candidates.length; k++) {
      const indent = units[candidates[k]!.unit]!.indent;
      if (indent !== null && indent > base + 24)
        candidates[k] = { ...candidates[k]!, weight: candidates[k]!.weight * 0.7 };
    }
  }
  const chain = bestChain(candidates);
  // A lone weak candidate (a page number, a numbered heading) is not a list of comments.
  if (chain.length === 1 && chain[0]!.weight < 0.9) return [];
  return chain.map(({ unit, number, rest }) => ({ unit, number, rest }));
}

/** The heading units directly above unit `start`, not reaching back to `floor`. */
function headingRun(units: readonly Unit[], start: number, floor: number): number[] {
  const run: number[] = [];
  for (let i = start - 1; i >= floor && run.length < 8; i--) {
    const u = units[i]!;
    if (!isHeadingLike(u)) break;
    run.unshift(i);
  }
  return run;
}

/**
 * Item spans for the chosen starts: each item runs to the heading run above the next item, the last one to
 * `bodyEnd`. Headings are those runs, ranked into a path (headings.ts).
 */
export function spanItems(
  units: readonly Unit[],
  starts: readonly ItemStart[],
  bodyStart: number,
  bodyEnd: number,
): ItemSpan[] {
  const out: ItemSpan[] = [];
  let path: HeadingPath = { headings: [], pages: [] };
  const runs = starts.map((s, k) => headingRun(units, s.unit, k === 0 ? bodyStart : starts[k - 1]!.unit + 1));
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    const run = runs[k]!;
    path = nextPath(
      path,
      run.map((i) => flat(units[i]!.marker === null ? units[i]!.text : `${units[i]!.marker} ${units[i]!.text}`)),
    );
    const next = starts[k + 1];
    const nextRun = runs[k + 1];
    const end = next ? (nextRun && nextRun.length > 0 ? nextRun[0]! : next.unit) : bodyEnd;
    out.push({
      number: s.number,
      start: s.unit,
      end: Math.max(end, s.unit + 1),
      rest: s.rest,
      headings: [...path.headings],
      pageRef: pageOf(path),
    });
  }
  return out;
}
