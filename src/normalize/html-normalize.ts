/**
 * HTML letter -> NormalizedText. Walks cheerio's tree once: block elements and <br> end blocks, inline
 * elements carry emphasis (tags and inline CSS), tables are kept as rows when they hold data and flattened
 * into paragraphs when they only lay the page out, page breaks split pages so that running headers, page
 * numbers and repeated footers can be dropped. Images (letterhead logos) are dropped.
 */
import type { Emphasis, NormalizedText } from './types.ts';
import {
  countImages,
  hasDescendant,
  isElement,
  isVisible,
  parseHtml,
  preformattedTextOf,
  rawTextOf,
  type HtmlNode,
} from './html-dom.ts';
import { isTextLayer, splitTextLayer } from './html-text-layer.ts';
import {
  breaksPageAfter,
  breaksPageBefore,
  leftOffset,
  rightOffset,
  parseStyle,
  PLAIN,
  styleOf,
  type InlineStyle,
} from './html-style.ts';
import { classifyTable, dataTableRows, isLabel, MAX_TABLE_CELLS, tableRows } from './html-table.ts';
import { dropPageFurniture, joinAcrossPages } from './page-furniture.ts';
import { markHeadings } from './headings.ts';
import { normalizePlainTextBlocks } from './plain-text.ts';
import { buildNormalized, cleanText, draft, isMarkerOnly, splitMarker, type DraftBlock } from './text-blocks.ts';

const BLOCKS = new Set([
  'p',
  'div',
  'center',
  'blockquote',
  'address',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'form',
  'fieldset',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'caption',
  'body',
  'html',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'tr',
]);
const TABLES = new Set(['table']);
/** Letters nest a few dozen elements deep; broken HTML (unclosed <FONT>s) can nest thousands. */
const MAX_DEPTH = 200;

interface Run {
  readonly text: string;
  readonly style: InlineStyle;
}

class HtmlWalker {
  readonly blocks: DraftBlock[] = [];
  readonly tables: string[][][] = [];
  page = 1;
  pageBreaks = 0;
  /** Whether the document nested deeper than MAX_DEPTH. */
  deep = false;
  /** Problems met while walking, for the letter's warnings. */
  readonly warnings: string[] = [];
  private depth = 0;
  private runs: Run[] = [];
  private heading = false;
  private pendingMarker: { marker: string; indent: number | null } | null = null;
  private pendingPrefix: string | null = null;
  private listDepth = 0;
  private blockIndent = 0;

  pageBreak(): void {
    this.flush();
    // Consecutive breaks (an <hr> right after a page-break <p>) make one.
    const last = this.blocks.at(-1);
    if (last && last.page === this.page) {
      this.page++;
      this.pageBreaks++;
    }
  }

  flush(): void {
    const runs = this.runs;
    this.runs = [];
    const heading = this.heading;
    this.heading = false;
    const raw = runs.map((r) => r.text).join('');
    let text = cleanText(raw);
    if (text === '') return;
    if (this.pendingPrefix) {
      text = `${this.pendingPrefix} ${text}`;
      this.pendingPrefix = null;
    }
    if (isMarkerOnly(text)) {
      // A marker alone in its block ("1." or "•" in its own element): it belongs to the next block.
      this.pendingMarker = { marker: splitMarker(`${text} x`).marker!, indent: this.pendingMarker?.indent ?? null };
      return;
    }
    let { marker, rest } = splitMarker(text);
    let skip = marker ? marker.replace(/\s/g, '').length : 0;
    let indent: number | null = marker && this.blockIndent > 0 ? Math.max(1, Math.round(this.blockIndent / 36)) : null;
    if (this.pendingMarker) {
      if (!marker) {
        marker = this.pendingMarker.marker;
        rest = text;
        skip = 0;
      }
      indent = this.pendingMarker.indent;
      this.pendingMarker = null;
    }
    if (rest === '' && marker) {
      // A marker alone in its block ("1." then the comment in the next <p>): carry it to the next block.
      this.pendingMarker = { marker, indent };
      return;
    }
    this.blocks.push(
      draft(rest, {
        type: heading ? 'heading' : marker ? 'list-item' : 'paragraph',
        marker,
        emphasis: emphasisOf(runs, skip),
        page: this.page,
        indent,
      }),
    );
  }

  walk(node: HtmlNode, style: InlineStyle): void {
    if (node.type === 'text') {
      if (node.data) this.runs.push({ text: node.data, style });
      return;
    }
    if (this.depth > MAX_DEPTH) {
      // Broken HTML nests deeper than any letter's structure: keep the text, flatten the rest.
      this.deep = true;
      this.runs.push({ text: rawTextOf(node), style });
      return;
    }
    this.depth++;
    try {
      this.visit(node, style);
    } finally {
      this.depth--;
    }
  }

  private visit(node: HtmlNode, style: InlineStyle): void {
    if (node.type === 'text') {
      if (node.data) this.runs.push({ text: node.data, style });
      return;
    }
    if (node.type === 'comment' || node.type === 'directive') return;
    if (node.type === 'root') {
      for (const child of node.children ?? []) this.walk(child, style);
      return;
    }
    if (!isElement(node) || !isVisible(node)) return;
    const tag = node.name!;
    if (tag === 'br') {
      this.flush();
      return;
    }
    if (tag === 'hr') {
      // Filing agents end a page with a page-break style or a sized rule (<hr size="3" noshade>); a bare <hr>
      // only underlines a letterhead.
      if (Object.keys(node.attribs ?? {}).length > 0) this.pageBreak();
      else this.flush();
      return;
    }
    const css = parseStyle(node.attribs?.style);
    if (breaksPageBefore(css)) this.pageBreak();
    const inner = styleOf(tag, css, style);
    if (isTextLayer(css) && this.textLayer(node, inner)) {
      if (breaksPageAfter(css)) this.pageBreak();
      return;
    }
    if (tag === 'table') this.table(node, inner);
    else if (tag === 'ul' || tag === 'ol') this.list(node, inner);
    else if (tag === 'pre') this.pre(node);
    else if (BLOCKS.has(tag) || tag === 'li') {
      this.flush();
      const savedIndent = this.blockIndent;
      this.blockIndent = leftOffset(css) || savedIndent;
      if (/^h[1-6]$/.test(tag)) this.heading = true;
      for (const child of node.children ?? []) this.walk(child, inner);
      this.flush();
      this.blockIndent = savedIndent;
    } else {
      // Inline. Filing agents space a marker from its text with padding on a <font>, not with a space.
      if (leftOffset(css) > 0 || css.has('text-indent')) this.runs.push({ text: ' ', style });
      for (const child of node.children ?? []) this.walk(child, inner);
      if (rightOffset(css) > 0) this.runs.push({ text: ' ', style });
    }
    if (breaksPageAfter(css)) this.pageBreak();
  }

  private list(node: HtmlNode, style: InlineStyle): void {
    this.flush();
    this.listDepth++;
    const ordered = node.name === 'ol';
    const type = node.attribs?.type ?? '1';
    let n = Number.parseInt(node.attribs?.start ?? '1', 10) || 1;
    for (const child of node.children ?? []) {
      if (!isElement(child) || !isVisible(child)) continue;
      if (child.name !== 'li') {
        this.walk(child, style);
        continue;
      }
      this.flush();
      this.pendingMarker = { marker: ordered ? listMarker(n, type) : '•', indent: this.listDepth };
      n++;
      this.walk(child, style);
      this.flush();
      this.pendingMarker = null;
    }
    this.listDepth--;
  }

  /** The hidden text of a page image; false when the tiny text is only spacing. */
  private textLayer(node: HtmlNode, style: InlineStyle): boolean {
    const raw = rawTextOf(node);
    if (raw.trim().length < 40) return false;
    this.flush();
    for (const line of splitTextLayer(raw)) {
      this.runs.push({ text: line, style });
      this.flush();
    }
    return true;
  }

  private pre(node: HtmlNode): void {
    this.flush();
    const text = preformattedTextOf(node);
    for (const block of normalizePlainTextBlocks(text)) this.blocks.push({ ...block, page: this.page });
  }

  private table(node: HtmlNode, style: InlineStyle): void {
    this.flush();
    const rows = tableRows(node);
    const kind = classifyTable(rows, hasDescendant(node, TABLES));
    if (kind === 'data') {
      const { rows: cells, truncated } = dataTableRows(rows);
      if (truncated) {
        this.warnings.push(
          `a table holds more than ${MAX_TABLE_CELLS} cells: only its first ${MAX_TABLE_CELLS} were read`,
        );
      }
      if (cells.length === 0) return;
      this.tables.push(cells);
      this.blocks.push(
        draft(cells.map((row) => row.filter((c) => c !== '').join(' | ')).join('\n'), {
          type: 'table',
          page: this.page,
          tableIndex: this.tables.length - 1,
        }),
      );
      return;
    }
    for (const row of rows) {
      const filled = row.filter((cell) => !cell.blank);
      if (kind === 'list' && filled.length === 2) {
        this.pendingMarker = { marker: splitMarker(`${filled[0]!.text} x`).marker!, indent: 1 };
        this.cell(filled[1]!.node, style);
        this.pendingMarker = null;
        continue;
      }
      for (const cell of row) {
        if (cell.blank) continue;
        if (kind === 'label' && isLabel(cell.text) && cell !== filled.at(-1)) {
          // "Re:" beside its block reads "Re: Apple Inc." like the printed letter.
          this.pendingPrefix = cell.text;
          continue;
        }
        this.cell(cell.node, style);
      }
      this.pendingPrefix = null;
    }
  }

  private cell(node: HtmlNode, style: InlineStyle): void {
    this.flush();
    for (const child of node.children ?? []) this.walk(child, style);
    this.flush();
  }
}

function listMarker(n: number, type: string): string {
  if (type === 'a') return `${String.fromCharCode(96 + Math.min(n, 26))}.`;
  if (type === 'A') return `${String.fromCharCode(64 + Math.min(n, 26))}.`;
  if (type === 'i' || type === 'I') {
    const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][n - 1] ?? String(n);
    return `${type === 'I' ? roman.toUpperCase() : roman}.`;
  }
  return `${n}.`;
}

/** Characters that are not whitespace (nbsp and the other Unicode spaces count as whitespace). */
function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && !(c >= 0x2000 && c <= 0x200b) && c !== 0x202f && c !== 0x3000 && c !== 0xfeff) n++;
  }
  return n;
}

/** Emphasis covering at least 90% of the block's visible characters, after skipping the marker's. */
function emphasisOf(runs: readonly Run[], skip: number): Emphasis[] {
  let total = 0;
  let bold = 0;
  let italic = 0;
  let underline = 0;
  let toSkip = skip;
  for (const run of runs) {
    let n = visibleLength(run.text);
    if (toSkip > 0) {
      const s = Math.min(n, toSkip);
      toSkip -= s;
      n -= s;
    }
    total += n;
    if (run.style.bold) bold += n;
    if (run.style.italic) italic += n;
    if (run.style.underline) underline += n;
  }
  const out: Emphasis[] = [];
  if (total === 0) return out;
  if (bold >= total * 0.9) out.push('bold');
  if (italic >= total * 0.9) out.push('italic');
  if (underline >= total * 0.9) out.push('underline');
  return out;
}

/**
 * Rejoins a short line its source split in two blocks after a comma ("Form 10-K for the Fiscal Year ended
 * December 31," / "2022"): same emphasis, same page, the second part starting with a digit or in lower case.
 */
export function joinSplitLines(blocks: readonly DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  // Parts of the block being joined, joined once (re-testing the joined text at each block was quadratic).
  let parts: string[] = [];
  const close = (): void => {
    if (parts.length > 1) out[out.length - 1] = { ...out[out.length - 1]!, text: parts.join(' ') };
  };
  for (const block of blocks) {
    const last = out.at(-1);
    if (
      last &&
      last.type === 'paragraph' &&
      block.marker === null &&
      block.type !== 'table' &&
      last.page === block.page &&
      parts.at(-1)!.endsWith(',') &&
      /^[a-z0-9]/.test(block.text) &&
      block.text.length <= 40 &&
      last.emphasis.join() === block.emphasis.join() &&
      last.emphasis.length > 0
    ) {
      parts.push(block.text);
      continue;
    }
    close();
    out.push(block);
    parts = [block.text];
  }
  close();
  return out;
}

/** Normalises an HTML letter (the decoded text of a CORRESP .htm document). Pure and synchronous. */
export function normalizeHtml(html: string): NormalizedText {
  const root = parseHtml(html);
  const walker = new HtmlWalker();
  walker.walk(root, PLAIN);
  walker.flush();
  const warnings: string[] = [...walker.warnings];
  if (walker.deep)
    warnings.push(`the HTML nests deeper than ${MAX_DEPTH} elements: the deeper structure was flattened`);
  const paged = walker.pageBreaks > 0;
  const { blocks } = dropPageFurniture(walker.blocks);
  const final = markHeadings(
    joinSplitLines(joinAcrossPages(blocks)).map((b) => ({ ...b, page: paged ? b.page : null })),
    { requireEmphasis: true },
  );
  if (final.length === 0) {
    const images = countImages(root);
    warnings.push(
      images > 0
        ? `the HTML letter has no text, only ${images} image(s): a scanned letter needs OCR`
        : 'the HTML letter has no text',
    );
  }
  return buildNormalized(final, walker.tables, 'html', warnings);
}
