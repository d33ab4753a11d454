import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refillSize } from '../../../src/pipeline/distributed/all-edgar-window.ts';
import { yearSlices } from '../../../src/pipeline/full-index-stage.ts';

describe('the fetch window of enqueue --all', () => {
  it('adds nothing while more than half the window waits, else tops it up to the window', () => {
    assert.equal(refillSize(1000, 0), 1000);
    assert.equal(refillSize(1000, 500), 500);
    assert.equal(refillSize(1000, 501), 0);
    assert.equal(refillSize(1000, 1200), 0);
    assert.equal(refillSize(1, 0), 1);
  });
});

describe('the year slices an --all run reads the store by', () => {
  it('cut the filing-date range at year ends, bounds kept', () => {
    assert.deepEqual(yearSlices('2023-05-02', '2024-03-01', '2026-12-06'), [
      { from: '2023-05-02', to: '2023-12-31' },
      { from: '2024-01-01', to: '2024-03-01' },
    ]);
    const all = yearSlices(null, null, '2026-12-06');
    assert.equal(all[0]!.from, '1994-01-01');
    assert.equal(all.at(-1)!.to, '2026-12-06');
  });
});
