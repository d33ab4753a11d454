import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMetrics } from '../../../src/ops/metrics.ts';

describe('full-index metrics', () => {
  it('expose the quarters read and final and the letters left, as status prints them', async () => {
    const metrics = createMetrics({
      processMetrics: false,
      fullIndex: async () => ({ quarters: 90, read: 60, final: 58, toFetch: 1200, toParse: 7 }),
    });
    const text = await metrics.registry.metrics();
    assert.match(text, /^edgar_corresp_full_index_quarters\{state="all"\} 90$/m);
    assert.match(text, /^edgar_corresp_full_index_quarters\{state="read"\} 60$/m);
    assert.match(text, /^edgar_corresp_full_index_quarters\{state="final"\} 58$/m);
    assert.match(text, /^edgar_corresp_letters_left\{step="fetch"\} 1200$/m);
    assert.match(text, /^edgar_corresp_letters_left\{step="parse"\} 7$/m);
  });

  it('read zero before any quarter was read', async () => {
    const metrics = createMetrics({ processMetrics: false, fullIndex: async () => null });
    assert.match(await metrics.registry.metrics(), /^edgar_corresp_letters_left\{step="fetch"\} 0$/m);
  });
});
