/**
 * Long pages in parts. A review of 43 letters (369 KB of HTML) or a long letter (its items, then its whole text:
 * 490 KB) would otherwise be one page far past the viewer's 200 KB page weight; instead the page's blocks (a
 * comment pair, an item, a stretch of text) are packed in order into parts of at most PART_BUDGET bytes, shown
 * one at a time (`?part=2`) with links between them. Links inside the page name an anchor, and each resolves to
 * the part that holds it (`#r2-c3` on the same part, `?part=3#r2-c3` on another), so nothing is lost, nothing is
 * shown twice, and following any link lands on its target. Pure: rendering only.
 */
import { escapeHtml, html, type SafeHtml } from '../html.ts';

/** Bytes of body markup a part holds; with the frame and the stylesheet a part stays well under 200 KB. */
export const PART_BUDGET = 150 * 1024;
/**
 * Escaped bytes of one piece of a long comment or response: a comment pair of two pieces stays within a part
 * (one response of 197 KB would otherwise make a part of 200 KB on its own).
 */
export const PIECE_BYTES = 60 * 1024;

/** UTF-8 bytes of the characters escapeHtml rewrites, once escaped (from escapeHtml itself). */
const ESCAPED_BYTES = new Map([...'&<>"\''].map((c) => [c.charCodeAt(0), Buffer.byteLength(escapeHtml(c))]));

/**
 * Where a piece of `text` from `start` ends so that, escaped, it holds at most `maxBytes` bytes (at least one
 * character): one pass over the piece, never halving a surrogate pair.
 */
function pieceEnd(text: string, start: number, maxBytes: number): number {
  let bytes = 0;
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const size = ESCAPED_BYTES.get(code) ?? (pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3);
    if (bytes + size > maxBytes && i > start) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return i;
}

/**
 * The text in pieces of at most `maxBytes` once escaped, cut after a blank line where there is one in the
 * piece's second half, else after a newline, else anywhere; the pieces joined are the text again.
 */
export function textPieces(text: string, maxBytes = PIECE_BYTES): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = pieceEnd(text, start, maxBytes);
    if (end < text.length) {
      // Searched within the piece only: a search of the whole text back from `end` would read every earlier
      // piece again when there is no newline (quadratic on a long line).
      const piece = text.slice(start, end);
      const blank = piece.lastIndexOf('\n\n', piece.length - 2);
      const newline = piece.lastIndexOf('\n');
      if (blank >= piece.length / 2) end = start + blank + 2;
      else if (newline > 0) end = start + newline + 1;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** The href of an anchor (an element id) of this page, from the part being rendered. */
export type AnchorHref = (anchor: string) => string;

/** One block of a long page. Consecutive blocks of a group on one part share one wrapper (a section). */
export interface PartBlock {
  readonly group: string;
  /** The element ids the block holds, for links from elsewhere on the page. */
  readonly anchors: readonly string[];
  readonly render: (href: AnchorHref) => SafeHtml;
}

export interface PartedPage {
  /** Shown at the top of part 1 only (facts, timeline). */
  readonly lead: (href: AnchorHref) => SafeHtml;
  readonly leadAnchors: readonly string[];
  readonly blocks: readonly PartBlock[];
  /** The wrapper of a group's blocks on one part; `continued` when the group began on an earlier part. */
  readonly wrap: (group: string, inner: SafeHtml, continued: boolean) => SafeHtml;
}

export interface RenderedPart {
  /** 1-based. */
  readonly part: number;
  readonly parts: number;
  readonly body: SafeHtml;
}

/**
 * The part (0-based) of each block, in order: a part takes blocks while they fit in `budget` (the first part
 * after `firstUsed` bytes of lead); a block larger than the budget has a part of its own.
 */
export function packParts(sizes: readonly number[], budget: number, firstUsed = 0): number[] {
  const partOf: number[] = [];
  let part = 0;
  let used = firstUsed;
  let filled = firstUsed > 0;
  for (const size of sizes) {
    if (filled && used + size > budget) {
      part++;
      used = 0;
    }
    used += size;
    filled = true;
    partOf.push(part);
  }
  return partOf;
}

const bytes = (markup: SafeHtml) => Buffer.byteLength(markup.value);

/** One block's share of a comment beside its response: the pieces of each text at the same index. */
export interface PairPiece {
  readonly index: number;
  readonly last: boolean;
  readonly comment: string | undefined;
  readonly response: string | undefined;
}

/** A comment and its response in pieces (textPieces), one per piece of the longer text, at least one. */
export function pairPieces(comment: string | null | undefined, response: string | null | undefined): PairPiece[] {
  const comments = comment ? textPieces(comment) : [];
  const responses = response ? textPieces(response) : [];
  const count = Math.max(1, comments.length, responses.length);
  return Array.from({ length: count }, (_, index) => ({
    index,
    last: index === count - 1,
    comment: comments[index],
    response: responses[index],
  }));
}

/**
 * Part `part` (1-based) of the page, or null when the page has fewer parts. Blocks are measured once with
 * same-part links; links to another part are a few bytes longer, which the budget's margin absorbs.
 */
export function renderPart(page: PartedPage, part: number, budget = PART_BUDGET): RenderedPart | null {
  const local: AnchorHref = (anchor) => `#${anchor}`;
  const partOf = packParts(
    page.blocks.map((block) => bytes(block.render(local))),
    budget,
    bytes(page.lead(local)),
  );
  const parts = Math.max(1, (partOf.at(-1) ?? 0) + 1);
  if (!Number.isInteger(part) || part < 1 || part > parts) return null;
  const anchorPart = new Map<string, number>(page.leadAnchors.map((a) => [a, 0]));
  page.blocks.forEach((block, i) => block.anchors.forEach((a) => anchorPart.set(a, partOf[i]!)));
  const here = part - 1;
  const href: AnchorHref = (anchor) => {
    const target = anchorPart.get(anchor) ?? here;
    return target === here ? `#${anchor}` : `${partHref(target + 1)}#${anchor}`;
  };
  const sections: SafeHtml[] = [];
  let i = partOf.indexOf(here);
  while (i !== -1 && i < page.blocks.length && partOf[i] === here) {
    const group = page.blocks[i]!.group;
    const continued = i > 0 && page.blocks[i - 1]!.group === group;
    const inner: SafeHtml[] = [];
    for (; i < page.blocks.length && partOf[i] === here && page.blocks[i]!.group === group; i++) {
      inner.push(page.blocks[i]!.render(href));
    }
    sections.push(page.wrap(group, html`${inner}`, continued));
  }
  const nav = (where: string) => (parts > 1 ? partNav(part, parts, where) : '');
  return {
    part,
    parts,
    body: html`${part === 1 ? page.lead(href) : ''}${nav('top')}${sections}${nav('end')}`,
  };
}

/** The part's URL relative to the page (part 1 is the page itself). */
export function partHref(part: number): string {
  return part === 1 ? '?' : `?part=${part}`;
}

/** Links to every part; `where` tells the top and end navigations apart (landmarks need distinct names). */
function partNav(part: number, parts: number, where: string): SafeHtml {
  return html`<nav class="parts" aria-label="Parts of this page (${where})">
    <span>Part ${part} of ${parts}:</span>
    ${part > 1 ? html`<a href="${partHref(part - 1)}" rel="prev">Previous part</a>` : ''}
    ${Array.from({ length: parts }, (_, i) =>
      i + 1 === part
        ? html`<strong aria-current="page">${i + 1}</strong>`
        : html`<a href="${partHref(i + 1)}">${i + 1}</a>`,
    )}
    ${part < parts ? html`<a href="${partHref(part + 1)}" rel="next">Next part</a>` : ''}
  </nav>`;
}
