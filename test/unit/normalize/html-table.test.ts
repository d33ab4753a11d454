import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hasVisibleText, parseHtml, rawTextOf } from '../../../src/normalize/html-dom.ts';
import { normalizeHtml } from '../../../src/normalize/html-normalize.ts';
import { MAX_COLSPAN, MAX_TABLE_CELLS, tableRows } from '../../../src/normalize/html-table.ts';
import { cleanText } from '../../../src/normalize/text-blocks.ts';

const rowsOf = (html: string) => tableRows(parseHtml(html).children!.find((n) => n.name === 'table')!);

describe('HTML tables from outside input', () => {
  it('caps colspan at 1000 as browsers do', () => {
    const rows = rowsOf(
      '<table><tr><td colspan="2000000000">a</td><td colspan="-3">b</td><td colspan="x">c</td></tr></table>',
    );
    assert.deepEqual(
      rows[0]!.map((c) => c.colspan),
      [MAX_COLSPAN, 1, 1],
    );
  });

  it('keeps a data table of 2e9-column cells to its first cells, with a warning', () => {
    // Each row asked for 2e9 cells: the grid was built before anything was checked.
    const row = '<tr><td colspan="2000000000">1</td><td>2</td><td>3</td></tr>';
    const n = normalizeHtml(`<p>Dear Sir:</p><table>${row.repeat(150)}</table>`);
    assert.equal(n.tables.length, 1);
    assert.equal(n.tables[0]!.length, Math.floor(MAX_TABLE_CELLS / (MAX_COLSPAN + 2)));
    assert.ok(n.warnings.some((w) => w.includes(`more than ${MAX_TABLE_CELLS} cells`)));
  });

  it('tells a blank cell without building its text, as cleanText would', () => {
    const pieces = [
      'x',
      ' ',
      '\u00a0',
      '\u200b',
      '\u00ad',
      '\ufeff',
      '<br>',
      '<p>',
      '</p>',
      '<b>',
      '</b>',
      '<!-- y -->',
      '<span style="display:none">z</span>',
      '<script>w</script>',
      '<table><tr><td>',
      '&nbsp;',
      '&#8203;',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const cell = parseHtml(`<table><tr><td>${parts.join('')}</td></tr></table>`);
        assert.equal(hasVisibleText(cell), cleanText(rawTextOf(cell)) !== '');
      }),
      { numRuns: 1000, seed: 9 },
    );
  });
});
