/**
 * Tables in letters are mostly layout: letterhead grids, "Re:" and signature blocks, bullet lists drawn as a
 * marker cell beside a text cell, page headers. Only grids of short cells over several rows are data tables,
 * kept as rows; the rest is flattened back into paragraphs by the normaliser.
 */
import { cleanText, isMarkerOnly } from './text-blocks.ts';
import { isElement, isVisible, rawTextOf, type HtmlNode } from './html-dom.ts';

export interface TableCell {
  readonly node: HtmlNode;
  readonly text: string;
  readonly colspan: number;
}

export type TableKind = 'data' | 'list' | 'label' | 'layout';

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
          cells.push({
            node: cell,
            text: cleanText(rawTextOf(cell)),
            colspan: Number.isNaN(span) || span < 1 ? 1 : span,
          });
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
  const filled = rows.map((row) => row.filter((cell) => cell.text !== '')).filter((row) => row.length > 0);
  if (filled.length === 0 || nested) return 'layout';
  const widest = Math.max(...filled.map((row) => row.length));
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

/**
 * The rows of a data table as clean cell texts: colspans expanded, "$" and ")" / "%" cells merged into the
 * number beside them, empty cells and rows removed, short rows padded on the left to the usual width.
 */
export function dataTableRows(rows: readonly (readonly TableCell[])[]): string[][] {
  const grid = rows.map((row) => {
    const out: string[] = [];
    for (const cell of row) {
      out.push(cell.text);
      for (let i = 1; i < cell.colspan; i++) out.push('');
    }
    return out;
  });
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
  return rows2.map((row) =>
    row.length >= 2 && row.length < usual ? [...Array<string>(usual - row.length).fill(''), ...row] : row,
  );
}
