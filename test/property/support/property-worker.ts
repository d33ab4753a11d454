/**
 * Worker side of the property runner: checks the properties of outside-input.ts with fast-check, telling the
 * main thread which input it is about to parse (so that a hang can be reported with its input) and how each
 * parser fared.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { isExpectedError, OUTSIDE_INPUT_PARSERS, type Input } from './outside-input.ts';
import { loadSeeds } from './seeds.ts';
import type { PropertyJob, PropertyMessage } from './property-runner.ts';

const job = workerData as PropertyJob;
const post = (message: PropertyMessage) => parentPort!.postMessage(message);
const seeds = await loadSeeds();

for (const parser of OUTSIDE_INPUT_PARSERS) {
  if (job.parsers !== null && !job.parsers.includes(parser.name)) continue;
  const started = Date.now();
  let runs = 0;
  let round = 0;
  let failure: { seed: number; path: string; input: Input; error: string } | null = null;
  // One fast-check pass of `job.runs` runs with `job.seed`; with `job.seconds`, passes with new seeds (printed)
  // until the time is up.
  do {
    const seed = round === 0 ? job.seed : (job.seed + round * 7919) | 0;
    round++;
    const property = fc.asyncProperty(parser.input(seeds, job.maxRun), async (input) => {
      post({ kind: 'parsing', parser: parser.name, input });
      try {
        await parser.run(input);
      } catch (error) {
        if (isExpectedError(error)) return;
        throw error;
      }
    });
    const details = await fc.check(property, { numRuns: job.runs, seed, endOnFailure: true });
    runs += details.numRuns;
    if (details.failed && details.counterexample) {
      const error = details.errorInstance;
      failure = {
        seed,
        path: details.counterexamplePath ?? '',
        input: details.counterexample[0] as Input,
        error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
      };
    }
  } while (failure === null && job.seconds > 0 && Date.now() - started < job.seconds * 1000);
  post({ kind: 'parser-done', parser: parser.name, runs, seconds: (Date.now() - started) / 1000, failure });
}
post({ kind: 'done' });
