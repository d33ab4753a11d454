/**
 * Inputs large enough that spreading their pieces into one call (`push(...xs)`, `Math.min(...xs)`) threw
 * RangeError (past ~130,000 arguments): an untyped error that failed the filing as a crash.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLetter } from '../../../src/letter/parse-letter.ts';
import { splitTextLayer } from '../../../src/normalize/html-text-layer.ts';
import { normalizePlainText } from '../../../src/normalize/plain-text.ts';
import type { TextBlock } from '../../../src/normalize/types.ts';

const MANY = 150_000;

describe('large outside inputs', () => {
  it('a plain-text letter of 150,000 short paragraphs', () => {
    const n = normalizePlainText('a\n\n'.repeat(MANY));
    assert.equal(n.blocks.length, MANY);
  });

  it('a hidden text layer of 150,000 short lines', () => {
    assert.equal(splitTextLayer('ab cd  '.repeat(MANY)).length, MANY);
  });

  it('a staff letter of 150,000 numbered paragraphs', () => {
    const block = (i: number): TextBlock => ({
      type: 'list-item',
      text: 'We note your disclosure.',
      marker: `${(i % 150) + 1}.`,
      emphasis: [],
      page: null,
      indent: i % 3,
      tableIndex: null,
    });
    const blocks = Array.from({ length: MANY }, (_, i) => block(i));
    const letter = parseLetter({
      form: 'UPLOAD',
      normalized: { text: '', blocks, tables: [], textSource: 'html', warnings: [] },
      filingDate: '2024-01-02',
      companyName: 'Example Co',
      headerFileNumbers: [],
    });
    assert.ok(letter.items.length > 0);
  });
});
