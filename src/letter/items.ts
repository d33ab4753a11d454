/**
 * Numbered staff comments: which units start an item ("1.", "Comment 3:", "- 5.", a bare "4" in its own
 * cell), chosen as the longest rising chain of numbers through the body, so that sub-lists, numbered notes
 * and page numbers do not break the sequence; then each item's extent and the headings above it.
 */
import { isHeadingLike, isMarkedCaption, LABEL, nextPath, pageOf, type HeadingPath } from './headings.ts';
import { RESPONSE_LABEL } from './item-split.ts';
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

/** What the chain search reads of a candidate. */
export interface ChainCandidate {
  readonly number: number;
  readonly weight: number;
  /** How the number is written: "dot" (1.), "paren" (1)), "comment" (Comment 1), "bare" (1). */
  readonly style: 'dot' | 'paren' | 'comment' | 'bare';
  /** Nesting depth relative to the shallowest candidate: 0 at the top. */
  readonly depth: number;
}

interface Candidate extends ItemStart, ChainCandidate {
  /** Whether the comment text is set in bold, italic or underline. */
  readonly emphasised: boolean;
  /** Whether the text after the number reads as a caption ("7. Policy Liabilities, page 139"), not a comment. */
  readonly caption: boolean;
}

const MARKER_ONLY = /^(?:[-–•·]\s*)?(\d{1,3})\s*([.):]?)$/;
const COMMENT_MARKER = /^(?:staff\s+)?(?:comment|question)\s*(?:no\.?|number|#)?\s*(\d{1,3})\s*[:.\-–—)]?$/i;
const LEADING_NUMBER = /^(?:[-–•·]\s*)?(\d{1,3})\s?([.)])(?=\s|$|[A-Z])\s*/;
const LEADING_COMMENT =
  /^(?:staff\s+)?(?:comment|question)\s*(?:no\.?|number|#)?\s*(\d{1,3})\s*(?:[:.\-–—)]|(?=\n)|$)\s*/i;
const BARE_NUMBER = /^(\d{1,3})$/;
/** "Comment:" written after the number ("1. Comment: We note ..."): not part of the comment. */
const INNER_LABEL = /^(?:staff\s+)?comments?\s*[:.\-–—]\s*/i;

function styleOf(punctuation: string | undefined): Candidate['style'] {
  if (punctuation === ')') return 'paren';
  if (punctuation === '.' || punctuation === ':') return 'dot';
  return 'bare';
}

function candidateOf(unit: Unit, next: Unit | undefined): Candidate | null {
  if (unit.type === 'table') return null;
  let number: number;
  let rest = unit.text;
  let style: Candidate['style'];
  if (unit.marker !== null) {
    const dot = MARKER_ONLY.exec(unit.marker);
    const comment = dot ? null : COMMENT_MARKER.exec(unit.marker);
    if (!dot && !comment) return null;
    number = Number((dot ?? comment)![1]);
    style = dot ? styleOf(dot[2]) : 'comment';
    // Some PDF layouts leave the number in the text as well: "3." + "3. Explain ...".
    rest = rest.replace(new RegExp(`^${number}\\s?[.)]\\s+`), '');
  } else {
    const text = unit.text;
    const comment = LEADING_COMMENT.exec(text);
    const dot = comment ? null : LEADING_NUMBER.exec(text);
    if (comment || dot) {
      number = Number((comment ?? dot)![1]);
      rest = text.slice((comment ?? dot)![0].length);
      style = comment ? 'comment' : styleOf(dot![2]);
    } else {
      const bare = BARE_NUMBER.exec(text.trim());
      if (!bare) return null;
      number = Number(bare[1]);
      rest = '';
      style = 'bare';
    }
  }
  if (number < 1 || number > 150) return null;
  rest = rest.replace(INNER_LABEL, '');
  let weight = style === 'bare' ? (unit.marker === null ? 0.5 : 0.6) : style === 'paren' ? 0.8 : 1;
  const restFlat = flat(rest);
  const caption =
    restFlat !== '' &&
    isHeadingLike({ ...unit, type: unit.type === 'heading' ? 'heading' : 'paragraph', marker: null, text: restFlat }) &&
    restFlat.length < 90;
  if (caption) weight *= 0.3;
  if (LABEL.test(restFlat) && restFlat !== '') weight *= 0.3;
  if (unit.type === 'heading' && style !== 'comment') weight *= 0.8;
  const carrier = restFlat === '' && next ? next : unit;
  const emphasised = carrier.emphasis.some((e) => e === 'bold' || e === 'italic' || e === 'underline');
  return { unit: unit.index, number, rest, weight, style, emphasised, caption, depth: 0 };
}

const GAP_PENALTY = 0.15;
/** A response may answer comments 3 and 11 only; no letter skips from 1 to 84. */
const MAX_GAP = 25;
/** Staff letters number their comments one after another. */
const MAX_GAP_STAFF = 3;

/**
 * Candidates weighed for one letter. A letter numbers at most 150 comments and a few sub-lists; past this many
 * numbered paragraphs the rest are not candidates, which keeps the quadratic chain search bounded.
 */
export const MAX_CANDIDATES = 4000;

/**
 * The best-weighted chain of strictly rising item numbers, in document order. A candidate does not extend a
 * chain of another numbering style across a restart of its own list ("1)" after the chain's "1." starts a
 * list inside that item, so "2)" does not continue the chain). Predecessors are walked from the nearest back,
 * carrying the smallest number seen in between of the candidate's style and of its depth, so a restart is
 * known without rescanning the candidates in between (which made the search cubic).
 */
export function bestChain(candidates: readonly ChainCandidate[], maxGap: number): number[] {
  const n = Math.min(candidates.length, MAX_CANDIDATES);
  const score: number[] = new Array<number>(n).fill(0);
  const prev: number[] = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    let best = 0;
    let from = -1;
    let leastOfStyle = Number.POSITIVE_INFINITY;
    let leastOfDepth = Number.POSITIVE_INFINITY;
    for (let j = i - 1; j >= 0; j--) {
      const p = candidates[j]!;
      const restarted =
        (p.style !== c.style && leastOfStyle <= p.number) || (c.depth > p.depth && leastOfDepth <= p.number);
      if (p.style === c.style) leastOfStyle = Math.min(leastOfStyle, p.number);
      if (p.depth === c.depth) leastOfDepth = Math.min(leastOfDepth, p.number);
      if (p.number >= c.number || restarted) continue;
      const gap = c.number - p.number - 1;
      // A bare number continues a list only in sequence: elsewhere it is a page number.
      if ((gap > 0 && c.style === 'bare') || gap > maxGap) continue;
      const s = score[j]! - Math.min(gap, 3) * GAP_PENALTY - (p.style === c.style ? 0 : 0.3);
      // The best score wins; of equal ones, the nearest (walked first).
      if (s > best) {
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

/**
 * Units that start items, between `from` and `to`. In a company letter that sets quoted comments in bold or
 * italic, numbers on plain paragraphs (lists inside responses) weigh less.
 */
export function findItemStarts(
  units: readonly Unit[],
  from: number,
  to: number,
  options: { emphasisMatters?: boolean; indentStep?: number; staffLetter?: boolean } = {},
): ItemStart[] {
  let candidates: Candidate[] = [];
  for (let i = from; i < to; i++) {
    const c = candidateOf(units[i]!, units[i + 1]);
    if (c) candidates.push(c);
  }
  // Indents are points in a PDF (a nested list sits ~20pt in) and nesting levels in HTML (null = top level).
  const step = options.indentStep ?? 1;
  const indentOf = (c: Candidate): number | null => units[c.unit]!.indent ?? (step === 1 ? 0 : null);
  // A numbered caption ("1. Summary of Significant Accounting Policies") often sits left of the comments below it:
  // the comments' own indent is the top level.
  const comments = candidates.some((c) => !c.caption) ? candidates.filter((c) => !c.caption) : candidates;
  const indents = comments.map(indentOf).filter((x): x is number => x !== null);
  const base = indents.length > 0 ? indents.reduce((least, x) => Math.min(least, x)) : 0;
  const anyEmphasised = options.emphasisMatters === true && candidates.some((c) => c.emphasised && c.weight >= 0.8);
  candidates = candidates.map((c) => {
    let weight = c.weight;
    const indent = indentOf(c);
    const depth = indent === null ? 0 : Math.max(0, Math.round((indent - base) / step));
    if (depth > 0) weight *= 0.7;
    if (anyEmphasised && !c.emphasised) weight *= 0.3;
    return { ...c, weight, depth };
  });
  const chain = bestChain(candidates, options.staffLetter ? MAX_GAP_STAFF : MAX_GAP).map((i) => candidates[i]!);
  // A lone weak candidate (a page number, a numbered heading) is not a list of comments.
  if (chain.length === 1 && chain[0]!.weight < 0.9) return [];
  return chain.map(({ unit, number, rest }) => ({ unit, number, rest }));
}

/**
 * Company letters that quote comments without numbers: under a bare "Comment:" label, or as the paragraphs
 * (set in bold or italic, or a single one) before each "Response:" label. Their starts, numbered in order.
 */
export function findLabelledItemStarts(units: readonly Unit[], from: number, to: number): ItemStart[] {
  const out: ItemStart[] = [];
  for (let i = from; i < to; i++) {
    const u = units[i]!;
    if (u.type === 'table' || u.marker !== null) continue;
    const m = INNER_LABEL.exec(u.text);
    if (!m) continue;
    const rest = u.text.slice(m[0].length);
    if (rest.trim() === '' && !(units[i + 1] && !LABEL.test(flat(units[i + 1]!.text)))) continue;
    out.push({ unit: i, number: out.length + 1, rest });
  }
  if (out.length > 0) return out;
  let floor = from;
  for (let r = from + 1; r < to; r++) {
    if (!RESPONSE_LABEL.test(flat(units[r]!.text)) || units[r]!.type === 'table') continue;
    let start = r - 1;
    const styled = units[start]!.emphasis.length > 0;
    while (
      styled &&
      start - 1 > floor &&
      units[start - 1]!.emphasis.join() === units[r - 1]!.emphasis.join() &&
      !isHeadingLike(units[start - 1]!)
    )
      start--;
    if (start > floor && !isHeadingLike(units[start]!) && !RESPONSE_LABEL.test(flat(units[start]!.text))) {
      out.push({ unit: start, number: out.length + 1, rest: units[start]!.text });
    }
    floor = r;
  }
  return out;
}

/** The heading units directly above unit `start`, not reaching back to `floor`. */
function headingRun(units: readonly Unit[], start: number, floor: number): number[] {
  const run: number[] = [];
  for (let i = start - 1; i >= floor && run.length < 8; i--) {
    const u = units[i]!;
    if (!isHeadingLike(u) && !isMarkedCaption(u)) break;
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
