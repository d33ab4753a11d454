import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialPacingState, PACING_WINDOW_MS, pacingRule, recordSent, tryGrant } from '../../../src/edgar/pacing.ts';
import { peakInWindow } from '../../replica/traffic.ts';

/** Drives the rule on a virtual clock: callers always waiting, timers firing late by `lateness()` ms. */
function simulate(maxRps: number, durationMs: number, lateness: () => number): number[] {
  const rule = pacingRule(maxRps);
  const state = initialPacingState();
  const grants: number[] = [];
  let now = 0;
  while (now < durationMs) {
    const wait = tryGrant(rule, state, now);
    if (wait === 0) {
      grants.push(now);
      recordSent(rule, state, now);
    } else now += Math.ceil(wait) + lateness();
  }
  return grants;
}

/** A deterministic pseudo-random sequence in [0, 1). */
function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('pacing rule', () => {
  it('never grants more than maxRps in any window of PACING_WINDOW_MS, whatever the timer lateness', () => {
    const random = seeded(7);
    for (const maxRps of [1, 3, 10]) {
      const grants = simulate(maxRps, 60_000, () => Math.floor(random() * 30));
      assert.ok(peakInWindow(grants, PACING_WINDOW_MS) <= maxRps, `maxRps ${maxRps}`);
    }
  });

  it('sustains at least 95% of the limit when timers fire up to 3 ms late', () => {
    const random = seeded(11);
    const grants = simulate(10, 60_000, () => Math.floor(random() * 4));
    const rate = (grants.length - 1) / ((grants.at(-1)! - grants[0]!) / 1000);
    assert.ok(rate >= 9.5, `rate ${rate.toFixed(3)}/s`);
  });

  it('spreads grants evenly instead of releasing a burst after an idle spell', () => {
    const grants = simulate(10, 10_000, () => 0);
    const rule = pacingRule(10);
    const gaps = grants.slice(1).map((at, i) => at - grants[i]!);
    assert.ok(Math.min(...gaps) >= rule.intervalMs - rule.toleranceMs - 1, `smallest gap ${Math.min(...gaps)} ms`);
    // Half a second after an idle start holds about half the budget, not all of it.
    assert.ok(grants.filter((at) => at < 500).length <= 6);
  });

  it('keeps 11 grants more than 1 s apart even when each arrives up to 40 ms late or early', () => {
    const random = seeded(3);
    const grants = simulate(10, 60_000, () => 0);
    const arrivals = grants.map((at) => at + random() * 40).sort((a, b) => a - b);
    assert.ok(peakInWindow(arrivals, 1000) <= 10);
  });

  it('answers how long to wait when the window is full', () => {
    const rule = pacingRule(2);
    const state = initialPacingState();
    assert.equal(tryGrant(rule, state, 0), 0);
    recordSent(rule, state, 0);
    const wait = tryGrant(rule, state, 1);
    assert.ok(wait > 0 && wait <= rule.intervalMs);
    assert.equal(tryGrant(rule, state, 1 + wait), 0);
    recordSent(rule, state, 1 + wait);
    assert.ok(tryGrant(rule, state, 2 + wait) > 0);
    assert.equal(tryGrant(rule, state, PACING_WINDOW_MS + 0.5), 0);
  });

  it('refuses a rate that is not above zero', () => {
    assert.throws(() => pacingRule(0), RangeError);
  });

  it('counts a request from when it left: a grant sent late holds its place in the log until it has left', () => {
    const rule = pacingRule(2, 1000);
    const state = initialPacingState();
    assert.equal(tryGrant(rule, state, 0), 0); // A, held until 400 before it leaves
    assert.equal(tryGrant(rule, state, 500), 0); // B
    recordSent(rule, state, 500);
    // A has not left: it counts as leaving now, so no third request may go before 1000 ms after it does.
    assert.ok(tryGrant(rule, state, 1100) > 0);
    recordSent(rule, state, 400);
    assert.ok(tryGrant(rule, state, 1399) > 0, 'within 1000 ms of A leaving');
    assert.equal(tryGrant(rule, state, 1400), 0);
  });
});
