/**
 * Plain-text letters (old CORRESP .txt, <pre> blocks): fixed-width lines hard-wrapped near 70-80 columns,
 * paragraphs separated by blank lines, pages separated by <PAGE> (or form feeds), tables between <TABLE> tags
 * with <S>/<C> column marks. Lines are rejoined into paragraphs; short-line groups (addresses, signatures) keep
 * a block per line.
 */
import type { NormalizedText } from './types.ts';
import { dropPageFurniture } from './page-furniture.ts';
import { markHeadings } from './headings.ts';
import {
  buildNormalized,
  cleanText,
  draft,
  isTitleCase,
  joinLines,
  splitMarker,
  type DraftBlock,
} from './text-blocks.ts';

const PAGE_BREAK = /^\s*<PAGE>\s*$|\f/i;
const TAG_LINE = /^\s*(?:<\/?(?:S|C|CAPTION|FN|F\d+|R|PAGE|TABLE)>\s*)+$/i;
const TABLE_OPEN = /^\s*<TABLE>\s*$/i;
const TABLE_CLOSE = /^\s*<\/TABLE>\s*$/i;

export interface TextLine {
  readonly text: string;
  readonly indent: number;
  readonly page: number;
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** Typical full-line width: the 90th percentile of line lengths, at least 40 columns. */
export function typicalWidth(lengths: readonly number[]): number {
  const sorted = lengths.filter((n) => n > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return 80;
  return Math.max(40, sorted[Math.floor(sorted.length * 0.9)] ?? 80);
}

/**
 * Groups lines (blank lines already meaning a paragraph break) into blocks: a line that starts with a marker
 * opens a list item, a line that stops short of the typical width ends its block.
 */
export function linesToBlocks(chunks: readonly (readonly TextLine[])[], width: number): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  for (const chunk of chunks) {
    let current: { lines: string[]; page: number; indent: number } | null = null;
    const close = (): void => {
      if (!current) return;
      const text = cleanText(joinLines(current.lines));
      const { marker, rest } = splitMarker(text);
      if (text !== '') {
        blocks.push(
          draft(marker ? rest : text, { type: marker ? 'list-item' : 'paragraph', marker, page: current.page }),
        );
      }
      current = null;
    };
    chunk.forEach((line, i) => {
      const opensItem = splitMarker(line.text.trim()).marker !== null && i > 0;
      const previous = chunk[i - 1]?.text.trim() ?? '';
      // Consecutive title-case lines are headings (or a Re: block), one block each.
      if (opensItem || (current && isTitleCase(previous) && isTitleCase(line.text.trim()))) close();
      if (!current) current = { lines: [], page: line.page, indent: line.indent };
      current.lines.push(line.text.trim());
      // A line that reaches the right margin wraps on; a short one, or one short of text far to the right (a
      // signature block), ends its block.
      const length = line.text.trim().length;
      const full = line.indent + length >= width * 0.8 && length >= width * 0.45;
      if (!full) close();
    });
    close();
  }
  return blocks;
}

const RULE = /^\s*[-=_]{10,}\s*$/;
const GAP = /\S {2,}\S/g;

/**
 * Splits a chunk of lines into text and column tables: two or more lines whose cells are separated by runs of
 * spaces, with a rule line under the column heads or at least two gaps a line.
 */
export function splitTables(lines: readonly TextLine[]): { table: boolean; lines: TextLine[] }[] {
  const out: { table: boolean; lines: TextLine[] }[] = [];
  const gaps = lines.map((l) => l.text.trim().match(GAP)?.length ?? 0);
  const rule = lines.map((l) => RULE.test(l.text));
  const addText = (line: TextLine): void => {
    const last = out.at(-1);
    if (last && !last.table) last.lines.push(line);
    else out.push({ table: false, lines: [line] });
  };
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && (rule[j] || gaps[j]! > 0)) j++;
    // The table is the run [s, j) from the first line s whose run still qualifies; the lines before it are text.
    // Read backwards once: trying each s forwards rescanned the run from every line (quadratic).
    let start = -1;
    let rows = 0;
    let anyRule = false;
    let allWide = true;
    for (let s = j - 1; s >= i; s--) {
      if (rule[s]) anyRule = true;
      else {
        rows++;
        if (gaps[s]! < 2) allWide = false;
      }
      if (rows >= 2 && (anyRule || allWide)) start = s;
    }
    if (start < 0) {
      for (let k = i; k < Math.max(j, i + 1); k++) addText(lines[k]!);
      i = Math.max(j, i + 1);
      continue;
    }
    for (let k = i; k < start; k++) addText(lines[k]!);
    out.push({ table: true, lines: lines.slice(start, j) });
    i = j;
  }
  return out.filter((segment) => segment.lines.length > 0);
}

function tableBlock(lines: readonly TextLine[]): { block: DraftBlock; rows: string[][] } {
  const rows = lines
    .map((l) => l.text.trim())
    .filter((t) => t !== '' && !TAG_LINE.test(t) && !RULE.test(t))
    .map((t) => t.split(/\s{2,}/).map(cleanText));
  return {
    block: draft(rows.map((r) => r.join(' | ')).join('\n'), { type: 'table', page: lines[0]?.page ?? null }),
    rows,
  };
}

interface PlainResult {
  readonly blocks: DraftBlock[];
  readonly tables: string[][][];
}

function plainBlocks(text: string): PlainResult {
  const raw = text.replace(/\r\n?/g, '\n').split('\n').map(expandTabs);
  const width = typicalWidth(raw.map((l) => l.trimEnd().length));
  const blocks: DraftBlock[] = [];
  const tables: string[][][] = [];
  let page = 1;
  let chunk: TextLine[] = [];
  let chunks: TextLine[][] = [];
  let table: TextLine[] | null = null;
  const endChunk = (): void => {
    for (const segment of splitTables(chunk)) {
      if (!segment.table) {
        chunks.push(segment.lines);
        continue;
      }
      // A table sits between the text before and after it: flush the text first to keep the order.
      for (const block of linesToBlocks(chunks, width)) blocks.push(block);
      chunks = [];
      const { block, rows } = tableBlock(segment.lines);
      tables.push(rows);
      blocks.push({ ...block, tableIndex: tables.length - 1 });
    }
    chunk = [];
  };
  const endChunks = (): void => {
    endChunk();
    for (const block of linesToBlocks(chunks, width)) blocks.push(block);
    chunks = [];
  };
  for (const line of raw) {
    if (table) {
      if (TABLE_CLOSE.test(line)) {
        const { block, rows } = tableBlock(table);
        if (rows.length > 0) {
          tables.push(rows);
          blocks.push({ ...block, tableIndex: tables.length - 1 });
        }
        table = null;
      } else table.push({ text: line, indent: 0, page });
      continue;
    }
    if (PAGE_BREAK.test(line)) {
      endChunks();
      // A <PAGE> before any text opens page 1.
      if (blocks.length > 0) page++;
      continue;
    }
    if (TABLE_OPEN.test(line)) {
      endChunks();
      table = [];
      continue;
    }
    if (TAG_LINE.test(line)) continue;
    const trimmed = line.trimEnd();
    if (trimmed.trim() === '') {
      endChunk();
      continue;
    }
    chunk.push({ text: trimmed, indent: trimmed.length - trimmed.trimStart().length, page });
  }
  endChunks();
  if (table && table.length > 0) for (const block of linesToBlocks([table], width)) blocks.push(block);
  return { blocks, tables };
}

/** The blocks of a plain-text letter, for callers that embed it (an HTML <pre>). */
export function normalizePlainTextBlocks(text: string): DraftBlock[] {
  // The embedding document keeps its own table list: text tables come back as preformatted paragraphs.
  return plainBlocks(text).blocks.map((b) => (b.type === 'table' ? { ...b, type: 'paragraph', tableIndex: null } : b));
}

/** Normalises a plain-text letter. Pure and synchronous. */
export function normalizePlainText(text: string): NormalizedText {
  const { blocks, tables } = plainBlocks(text);
  const paged = blocks.some((b) => (b.page ?? 1) > 1);
  const kept = dropPageFurniture(blocks).blocks.map((b) => ({ ...b, page: paged ? b.page : null }));
  const warnings = kept.length === 0 ? ['the text letter has no text'] : [];
  return buildNormalized(markHeadings(kept, { requireEmphasis: false }), tables, 'text', warnings);
}
