/**
 * No parser of outside input takes super-linear time: for each parser, adversarial inputs (support/linear-cases.ts)
 * of 2 MiB take at most 20x the CPU time of 256 KiB (linear is 8x, quadratic 64x), fastest of 3 runs, timed on
 * the parsing thread's own CPU clock so that other load on the machine does not count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeScaling, MAX_RATIO, measureCases } from './support/cpu-scaling.ts';
import { LINEAR_CASES } from './support/linear-cases.ts';

const names = Object.entries(LINEAR_CASES).flatMap(([group, cases]) => cases.map((c) => `${group}: ${c.name}`));
const outcomes = measureCases(names);

for (const [group, cases] of Object.entries(LINEAR_CASES)) {
  describe(`linear time: ${group}`, () => {
    for (const c of cases) {
      it(`${c.name}: 2 MiB costs at most ${MAX_RATIO}x the CPU of 256 KiB`, async (t) => {
        const outcome = (await outcomes).get(`${group}: ${c.name}`)!;
        if ('problem' in outcome) assert.fail(`${group}: ${c.name}: ${outcome.problem}`);
        t.diagnostic(describeScaling(outcome.result));
        assert.ok(outcome.result.ratio <= MAX_RATIO, describeScaling(outcome.result));
      });
    }
  });
}
