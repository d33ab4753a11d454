/**
 * Property suite over every parser of outside input (support/outside-input.ts): on mutated valid inputs,
 * nothing but our typed errors escapes, a built letter passes LetterSchema, and no parse hangs. A fixed
 * seed and a bounded number of runs here; `npm run fuzz` runs the same properties for as long as asked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTSIDE_INPUT_PARSERS } from './support/outside-input.ts';
import { runProperties } from './support/property-runner.ts';

const RUNS = 60;
const SEED = 20_260_901;

describe('outside input: only typed errors, valid letters, no hang', () => {
  const outcomes = runProperties({ parsers: null, runs: RUNS, seed: SEED, seconds: 0, maxRun: 20_000 }, 60_000);
  for (const parser of OUTSIDE_INPUT_PARSERS) {
    it(`${parser.name}: ${RUNS} mutated inputs (seed ${SEED})`, async () => {
      const outcome = (await outcomes).find((o) => o.parser === parser.name);
      assert.ok(outcome, `${parser.name}: not run (an earlier parser stopped the worker)`);
      if (outcome.failure) {
        const input = JSON.stringify(outcome.failure.input).slice(0, 600);
        assert.fail(`${parser.name}: ${outcome.failure.error}\ninput (${outcome.failure.path}): ${input}`);
      }
      assert.equal(outcome.runs, RUNS);
    });
  }
});
