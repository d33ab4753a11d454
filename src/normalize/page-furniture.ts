/**
 * Page furniture shared by every paged source (HTML with page breaks, PDF, TEXT-EXTRACT, <PAGE> text): page
 * numbers, the running header letters carry from page 2 on ("Mr. Hirsch / Agilent Technologies, Inc. /
 * September 14, 2016 / Page 2"), and headers/footers repeated on several pages. Only the top and bottom few
 * blocks of a page are candidates, so body text is never touched.
 */
import { DATE_ONLY, renderBlock, type DraftBlock } from './text-blocks.ts';

/** Blocks at the top (and bottom) of a page that may be furniture. */
const ZONE = 5;
const SHORT = 100;
/** A running header holds up to this many lines (addressee, offices, date, "Page 2"). */
const HEADER_LINES = 8;

/** "2", "- 2 -", "Page 2", "Page 2 of 5", "F-3", "(2)", "2 of 5": a page number and nothing else. */
const PAGE_NUMBER =
  /^(?:page\s*)?[-–—(]?\s*(?:[A-Z]{1,2}-)?\d{1,3}\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,3})?$|^page\s+[ivxlc]{1,5}$|^[-–—]\s*[ivxlc]{1,5}\s*[-–—]$/i;

/** The first blocks of a page, at most half of it, so that top and bottom never overlap. */
function topZone(page: readonly DraftBlock[]): readonly DraftBlock[] {
  return page.slice(0, Math.min(ZONE, Math.ceil(page.length / 2)));
}

function bottomZone(page: readonly DraftBlock[]): readonly DraftBlock[] {
  const n = Math.min(ZONE, Math.floor(page.length / 2));
  return n === 0 ? [] : page.slice(-n);
}

export function isPageNumber(text: string): boolean {
  return text.length <= 16 && PAGE_NUMBER.test(text.trim());
}

/** The text with digits masked and case folded, so "Page 2" and "Page 3" or "AI-004" and "AI-005" compare equal. */
function signature(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Labels a letter repeats on purpose ("Response:", "Comment 4") are never furniture. */
function mayRepeat(block: DraftBlock): boolean {
  return (
    block.marker === null &&
    block.type !== 'table' &&
    block.text.length <= SHORT * 1.5 &&
    !/:$/.test(block.text) &&
    !/^(?:staff\s+)?(?:response|comment|answer|question)\b/i.test(block.text)
  );
}

export interface FurnitureResult {
  readonly blocks: DraftBlock[];
  readonly dropped: number;
}

/**
 * Drops page furniture from blocks carrying 1-based `page` numbers (blocks without a page form one page).
 * `firstPageTop` lists texts seen at the top of the letter (addressee, company): a running header repeats them.
 */
export function dropPageFurniture(blocks: readonly DraftBlock[]): FurnitureResult {
  const pages: DraftBlock[][] = [];
  for (const block of blocks) {
    const index = Math.max(0, (block.page ?? 1) - 1);
    while (pages.length <= index) pages.push([]);
    pages[index]!.push(block);
  }
  const nonEmpty = pages.filter((p) => p.length > 0);
  const drop = new Set<DraftBlock>();

  // 1. Page numbers alone at the top or bottom of a page.
  for (const page of nonEmpty) {
    const zone = [...topZone(page), ...bottomZone(page)];
    for (const block of zone) if (isPageNumber(renderBlock(block))) drop.add(block);
  }

  // 2. Running headers on pages 2+: everything short above a "Page N" line, and the date line right after it.
  const letterTop = new Set(
    (nonEmpty[0] ?? [])
      .slice(0, 20)
      .filter((b) => b.text.length <= SHORT)
      .map((b) => signature(b.text)),
  );
  for (const page of nonEmpty.slice(1)) {
    let pageLine = -1;
    for (let i = 0; i < Math.min(HEADER_LINES, page.length); i++) {
      const b = page[i]!;
      if (isPageNumber(renderBlock(b))) {
        pageLine = i;
        break;
      }
      if (b.text.length > SHORT || b.marker !== null || b.type === 'table') break;
    }
    if (pageLine < 0) continue;
    for (const b of page.slice(0, pageLine + 1)) drop.add(b);
    for (const b of page.slice(pageLine + 1, pageLine + 3)) {
      if (b.marker !== null || b.text.length > SHORT) break;
      if (DATE_ONLY.test(b.text) || letterTop.has(signature(b.text))) drop.add(b);
      else break;
    }
  }

  // 3. Headers and footers repeated on at least two pages (digits masked).
  if (nonEmpty.length >= 2) {
    for (const [zoneOf, pagesFrom] of [
      [topZone, 1],
      [bottomZone, 0],
    ] as const) {
      const seen = new Map<string, Set<number>>();
      nonEmpty.forEach((page, i) => {
        for (const block of zoneOf(page)) {
          if (!mayRepeat(block)) continue;
          const key = signature(block.text);
          if (key === '' || key === '#') continue;
          let where = seen.get(key);
          if (!where) seen.set(key, (where = new Set()));
          where.add(i);
        }
      });
      nonEmpty.forEach((page, i) => {
        if (i < pagesFrom) return;
        for (const block of zoneOf(page)) {
          if (mayRepeat(block) && (seen.get(signature(block.text))?.size ?? 0) >= 2) drop.add(block);
        }
      });
    }
  }
  return { blocks: blocks.filter((b) => !drop.has(b)), dropped: drop.size };
}

/**
 * A paragraph cut by a page break: the tail starts in lower case and the head has no sentence end. The head is
 * read through its type, its length and its text's end only (`end`: the head's text or a part it ends with),
 * so that a paragraph being joined need not be rebuilt for each test.
 */
function continues(
  head: { readonly type: DraftBlock['type'] },
  length: number,
  end: string,
  tail: DraftBlock,
): boolean {
  return (
    tail.marker === null &&
    /^[a-z]/.test(tail.text) &&
    !/^[a-z]{1,4}:/.test(tail.text) &&
    length >= 80 &&
    head.type !== 'table' &&
    !/[.:;?!"”)]$/.test(end)
  );
}

/**
 * Joins the tail of a paragraph cut by a break to its head (see `continues`); `acrossPagesOnly` joins only
 * blocks on different pages. A head takes any number of tails, collected and joined once: testing the joined
 * text again after each tail was quadratic in a long run of them.
 */
export function joinCutParagraphs(blocks: readonly DraftBlock[], acrossPagesOnly: boolean): DraftBlock[] {
  const out: DraftBlock[] = [];
  let head: DraftBlock | null = null;
  let parts: string[] = [];
  let length = 0;
  const close = (): void => {
    if (head) out.push(parts.length > 1 ? { ...head, text: parts.join(' ') } : head);
  };
  for (const block of blocks) {
    if (head && (!acrossPagesOnly || head.page !== block.page) && continues(head, length, parts.at(-1)!, block)) {
      parts.push(block.text);
      length += 1 + block.text.length;
      continue;
    }
    close();
    head = block;
    parts = [block.text];
    length = block.text.length;
  }
  close();
  return out;
}

/**
 * Joins the tail of a paragraph carried over a page break to its head: the tail starts in lower case, the
 * head is a long block without a sentence end.
 */
export function joinAcrossPages(blocks: readonly DraftBlock[]): DraftBlock[] {
  return joinCutParagraphs(blocks, true);
}
