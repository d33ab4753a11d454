/**
 * Tables in letters are mostly layout: letterhead grids, "Re:" and signature blocks, bullet lists drawn as a
 * marker cell beside a text cell, page headers. Only grids of short cells over several rows are data tables,
 * kept as rows; the rest is flattened back into paragraphs by the normaliser.
 */
import { cleanText, isMarkerOnly } from './text-blocks.ts';
import { hasVisibleText, isElement, isVisible, rawTextOf, type HtmlNode } from './html-dom.ts';

export interface TableCell {
  readonly node: HtmlNode;
  /** Clean text of the cell (read on first use: a cell holding nested tables holds all their text too). */
  readonly text: string;
  /** Whether the cell's clean text is empty, found without building the text. */
  readonly blank: boolean;
  readonly colspan: number;
}

/** A cell whose text is built only when asked for: layout tables around nested tables never need it. */
class LazyCell implements TableCell {
  readonly node: HtmlNode;
  readonly colspan: number;
  private cached: string | null = null;
  private blankness: boolean | null = null;
  constructor(node: HtmlNode, colspan: number) {
    this.node = node;
    this.colspan = colspan;
  }
  get text(): string {
    this.cached ??= cleanText(rawTextOf(this.node));
    return this.cached;
  }
  get blank(): boolean {
    this.blankness ??= this.cached !== null ? this.cached === '' : !hasVisibleText(this.node);
    return this.blankness;
  }
}

export type TableKind = 'data' | 'list' | 'label' | 'layout';

/** HTML's own cap on colspan (browsers read colspan="2000000000" as 1000). rowspan is not read. */
export const MAX_COLSPAN = 1000;
/**
 * Cells of one data table, colspans expanded, that are kept: a letter's largest tables hold a few thousand; a
 * table past this keeps its first cells, with a warning, so a hostile one cannot ask for memory without bound.
 */
export const MAX_TABLE_CELLS = 100_000;

/** The rows of a table (through thead/tbody/tfoot, not into nested tables), each with its visible cells. */
export function tableRows(table: HtmlNode): TableCell[][] {
  const rows: TableCell[][] = [];
  const visit = (node: HtmlNode): void => {
    for (const child of node.children ?? []) {
      if (!isElement(child) || !isVisible(child)) continue;
      if (child.name === 'tr') {
        const cells: TableCell[] = [];
        for (const cell of child.children ?? []) {
          if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th') || !isVisible(cell)) continue;
          const span = Number.parseInt(cell.attribs?.colspan ?? '1', 10);
          cells.push(new LazyCell(cell, Number.isNaN(span) || span < 1 ? 1 : Math.min(span, MAX_COLSPAN)));
        }
        rows.push(cells);
      } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
        visit(child);
      }
    }
  };
  visit(table);
  return rows;
}

/** "Re:", "To:", "cc:", "By:", "Name:", "Title:", "Attention:": a short label cell ending in a colon. */
export function isLabel(text: string): boolean {
  return text.length <= 24 && /^[A-Za-z][A-Za-z .'/&-]*:$/.test(text);
}

export function classifyTable(rows: readonly (readonly TableCell[])[], nested: boolean): TableKind {
  const filled = rows.map((row) => row.filter((cell) => !cell.blank)).filter((row) => row.length > 0);
  if (filled.length === 0 || nested) return 'layout';
  const widest = filled.reduce((most, row) => Math.max(most, row.length), 0);
  if (widest <= 1) return 'layout';
  // Bullet and numbered lists drawn as a table: marker cell, then one text cell.
  if (filled.every((row) => row.length === 2 && isMarkerOnly(row[0]!.text) && !isMarkerOnly(row[1]!.text))) {
    return 'list';
  }
  const multi = filled.filter((row) => row.length >= 2);
  if (multi.every((row) => isLabel(row[0]!.text)) || filled.every((row) => row.length <= 2 && isLabel(row[0]!.text))) {
    return 'label';
  }
  if (multi.length < 2) return 'layout';
  const cells = filled.flat();
  const long = cells.filter((cell) => cell.text.length > 160).length;
  if (long > cells.length / 4) return 'layout';
  return 'data';
}

const OPENERS = new Set(['$', '(', '$(', '€', '£', '¥']);
const CLOSERS = /^(?:\)|%|\)%|%\)|pts?\.?|x)$/i;

export interface DataTable {
  readonly rows: string[][];
  /** Set when the table passed MAX_TABLE_CELLS and only its first cells were kept. */
  readonly truncated: boolean;
}

/**
 * The rows of a data table as clean cell texts: colspans expanded, "$" and ")" / "%" cells merged into the
 * number beside them, empty cells and rows removed, short rows padded on the left to the usual width. At most
 * MAX_TABLE_CELLS expanded cells are read.
 */
export function dataTableRows(rows: readonly (readonly TableCell[])[]): DataTable {
  const grid: string[][] = [];
  let cells = 0;
  let truncated = false;
  for (const row of rows) {
    const out: string[] = [];
    for (const cell of row) {
      if (cells + cell.colspan > MAX_TABLE_CELLS) {
        truncated = true;
        break;
      }
      cells += cell.colspan;
      out.push(cell.text);
      for (let i = 1; i < cell.colspan; i++) out.push('');
    }
    grid.push(out);
    if (truncated) break;
  }
  for (const row of grid) {
    for (let i = 0; i < row.length; i++) {
      if (OPENERS.has(row[i]!)) {
        const j = row.findIndex((text, k) => k > i && text !== '');
        if (j > 0 && !OPENERS.has(row[j]!)) {
          row[j] = `${row[i]}${row[j]}`;
          row[i] = '';
        }
      } else if (CLOSERS.test(row[i]!)) {
        const j = row.findLastIndex((text, k) => k < i && text !== '');
        if (j >= 0) {
          row[j] = `${row[j]}${row[i]}`;
          row[i] = '';
        }
      }
    }
  }
  // Spanned and spacer cells leave holes that misalign the columns: compact each row, then right-align the
  // rows that lack only their label column (header rows of years over the numbers).
  const rows2 = grid.map((row) => row.filter((text) => text !== '')).filter((row) => row.length > 0);
  const lengths = new Map<number, number>();
  for (const row of rows2) if (row.length >= 2) lengths.set(row.length, (lengths.get(row.length) ?? 0) + 1);
  const usual = [...lengths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  return {
    rows: rows2.map((row) =>
      row.length >= 2 && row.length < usual ? [...Array<string>(usual - row.length).fill(''), ...row] : row,
    ),
    truncated,
  };
}
