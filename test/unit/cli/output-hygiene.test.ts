import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvRow } from '../../../src/cli/csv.ts';
import { terminalSafe } from '../../../src/cli/terminal-text.ts';
import { makeLetter } from '../../fixtures/letters.ts';

describe('terminal-safe text and CSV cells', () => {
  it('shows every C0 control but newline and tab, DEL and C1 controls as \\xNN', () => {
    assert.equal(
      terminalSafe('a\u001b[31mb\u0007c\u0000d\re\u007f\u0085\u009b'),
      'a\\x1B[31mb\\x07c\\x00d\\x0De\\x7F\\x85\\x9B',
    );
    assert.equal(terminalSafe('line one\n\tline two — “quoted” é 中'), 'line one\n\tline two — “quoted” é 中');
  });

  it('prefixes text cells starting with = + - @ tab or CR with a quote, and leaves others alone', () => {
    for (const [name, cell] of [
      ['=1+1', "'=1+1"],
      ['+1 Corp', "'+1 Corp"],
      ['-1 Corp', "'-1 Corp"],
      ['@cmd', "'@cmd"],
      ['\tTab', "'\tTab"],
      ['\rCR', `"'\rCR"`],
      ['Acme, Inc.', '"Acme, Inc."'],
      ['Acme = Co', 'Acme = Co'],
    ] as const) {
      const row = csvRow(makeLetter({ companyName: name }));
      assert.ok(row.includes(`,1999001,${cell},2014-01-03,`), `${JSON.stringify(name)} -> ${row}`);
    }
  });
});
