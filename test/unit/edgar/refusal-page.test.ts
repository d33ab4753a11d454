import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyRefusalPage } from '../../../src/edgar/refusal-page.ts';
import { rateExceededPage, undeclaredToolPage } from '../../replica/formats/pages.ts';

describe('classifyRefusalPage', () => {
  it('recognises the rate-limit page', () => {
    assert.equal(classifyRefusalPage(rateExceededPage(10)), 'rate-limited');
    assert.equal(classifyRefusalPage("<h1>You've Exceeded the SEC's Traffic Limit</h1>"), 'rate-limited');
  });

  it('recognises the undeclared-tool page although it shares the rate-limit title', () => {
    assert.match(undeclaredToolPage(), /Request Rate Threshold Exceeded/);
    assert.equal(classifyRefusalPage(undeclaredToolPage()), 'undeclared-tool');
  });

  it('answers null for any other page', () => {
    assert.equal(classifyRefusalPage('<h1>Forbidden</h1>'), null);
  });
});
