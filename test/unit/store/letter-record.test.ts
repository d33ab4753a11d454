import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import type { Letter } from '../../../src/letter/schema.ts';
import { letterSortKey, prepareLetterRecord, restoreLetter } from '../../../src/store/letter-record.ts';
import { makeLetter } from '../../fixtures/letters.ts';

describe('letter record', () => {
  it('the content hash ignores the thread and key order but not the content', () => {
    const letter = makeLetter();
    const hash = prepareLetterRecord(letter).contentHash;
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(prepareLetterRecord({ ...letter, threadId: 'review-9' }).contentHash, hash);
    const reordered = Object.fromEntries(Object.entries(letter).reverse()) as Letter;
    assert.equal(prepareLetterRecord(reordered).contentHash, hash);
    assert.notEqual(prepareLetterRecord({ ...letter, warnings: ['x'] }).contentHash, hash);
  });

  it('file numbers are deduplicated in EDGAR spelling', () => {
    const record = prepareLetterRecord(makeLetter({ fileNumbers: ['0-12345', '000-12345', '001-35126'] }));
    assert.deepEqual(record.fileNumbers, ['000-12345', '001-35126']);
  });

  it('refuses a letter outside the export schema with BadInputError naming the accession and fields', () => {
    const bad = { ...makeLetter(), kind: 'memo', cik: '0001508475' } as unknown as Letter;
    assert.throws(
      () => prepareLetterRecord(bad),
      (error: unknown) =>
        error instanceof BadInputError &&
        error.reason === 'invalid-letter' &&
        /0009999999-14-000001/.test(error.message) &&
        /kind/.test(error.message) &&
        /cik/.test(error.message),
    );
  });

  const sortCases: Array<[string | null, string, string]> = [
    ['2014-01-03T06:15:34-05:00', '2014-01-03', '2014-01-03T11:15:34.000Z'],
    ['2014-01-04T00:30:00+08:00', '2014-01-03', '2014-01-03T16:30:00.000Z'],
    [null, '2014-01-03', '2014-01-03T05:00:00.000Z'],
    ['not a time', '2014-01-03', '2014-01-03T05:00:00.000Z'],
  ];
  for (const [acceptance, filingDate, expected] of sortCases) {
    it(`sorts acceptance ${JSON.stringify(acceptance)} filed ${filingDate} as ${expected}`, () => {
      assert.equal(letterSortKey(acceptance, filingDate), expected);
    });
  }

  it('restores a stored letter in schema key order with the stored thread id', () => {
    const letter = makeLetter();
    const shuffled = Object.fromEntries(Object.entries(letter).reverse());
    const restored = restoreLetter(shuffled, 'thread-1');
    assert.deepEqual(Object.keys(restored), Object.keys(letter));
    assert.equal(JSON.stringify(restored), JSON.stringify({ ...letter, threadId: 'thread-1' }));
  });

  it('restores a letter stored by an older schema, filling missing fields with [] or null', () => {
    const { warnings: _w, textSource: _t, ...older } = makeLetter();
    const restored = restoreLetter(older, null);
    assert.deepEqual(restored.warnings, []);
    assert.equal(restored.textSource, null);
  });
});
