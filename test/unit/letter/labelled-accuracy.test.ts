import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateLabelled, formatLabelledReport, LABELLED_TARGETS } from '../../eval/accuracy-labelled.ts';
import { LABELLED_LETTERS } from '../../fixtures/labelled/index.ts';

describe('the labelled set', () => {
  it('holds at least 40 distinct letters of both senders', () => {
    const ids = new Set(LABELLED_LETTERS.map((l) => l.id));
    assert.equal(ids.size, LABELLED_LETTERS.length);
    assert.ok(LABELLED_LETTERS.length >= 40, `${LABELLED_LETTERS.length} letters`);
    assert.ok(LABELLED_LETTERS.filter((l) => l.form === 'UPLOAD').length >= 15);
    assert.ok(LABELLED_LETTERS.filter((l) => l.form === 'CORRESP').length >= 15);
  });

  it('is parsed to the issue targets in every format: item numbers, dates, file numbers, forms and kind', async () => {
    const report = await evaluateLabelled();
    for (const [field, target] of Object.entries(LABELLED_TARGETS)) {
      const value = report.accuracy[field as keyof typeof report.accuracy];
      assert.ok(
        value >= target!,
        `${field} ${(100 * value).toFixed(1)}% < ${100 * target!}%\n${formatLabelledReport(report, { misses: true })}`,
      );
    }
    assert.ok(report.boundaries.precision >= 0.95 && report.boundaries.recall >= 0.95, formatLabelledReport(report));
  });
});
