import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLabelledFileNumbers, findReBlockFileNumbers, mergeFileNumbers } from '../../../src/letter/file-numbers.ts';

describe('file numbers in letter text', () => {
  const labelled: Array<[string, string[]]> = [
    ['File No. 001-35126', ['001-35126']],
    ['File No. 1-15405', ['001-15405']],
    ['File No. 0-12345', ['000-12345']],
    ['File Nos. 333-199812 and 333-199812-01', ['333-199812', '333-199812-01']],
    ['Commission File Number: 001-00044', ['001-00044']],
    ['(File No. 333-250056)', ['333-250056']],
    ['File Nos. 001-11111, 001-22222 and 333-33333', ['001-11111', '001-22222', '333-33333']],
    ['call (202) 551-3767 or 202-551-3470', []],
  ];
  for (const [text, expected] of labelled) {
    it(`reads ${JSON.stringify(text)} as ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(findLabelledFileNumbers(text), expected));
  }

  it('takes a bare number in a Re: block but not a telephone number', () => {
    const found = findReBlockFileNumbers(
      'Registration Statement on Form S-1\nFiled May 1, 2020\n333-250056\nTel. (202) 551-3767',
    );
    assert.deepEqual(
      found.map((f) => f.number),
      ['333-250056'],
    );
  });

  it('merges header and text numbers keeping the first occurrence', () => {
    assert.deepEqual(mergeFileNumbers(['001-35126'], ['001-35126', '333-1234']), ['001-35126', '333-1234']);
  });
});
