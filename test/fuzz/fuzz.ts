/**
 * `npm run fuzz`: the property suite of test/property/outside-input.test.ts with many more runs and random
 * seeds, for as long as asked. Each failing input is written to FUZZ_OUT as JSON (parser, seed, fast-check
 * path, error, input) to be turned into a regression test. Environment:
 *   FUZZ_SECONDS  time per parser (default 60; passes of FUZZ_RUNS runs with new seeds until it is spent)
 *   FUZZ_RUNS     runs per pass (default 500)          FUZZ_SEED     first seed (default random, printed)
 *   FUZZ_PARSERS  comma-separated parser names (default all; names as printed)
 *   FUZZ_MAX_RUN  longest run of one character inserted (default 200000)
 *   FUZZ_HANG_MS  a parse slower than this is a hang (default 60000)   FUZZ_OUT  default ./data/fuzz
 * Exit code 1 when anything failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTSIDE_INPUT_PARSERS } from '../property/support/outside-input.ts';
import { runProperties, type ParserOutcome } from '../property/support/property-runner.ts';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const seconds = env('FUZZ_SECONDS', 60);
const runs = env('FUZZ_RUNS', 500);
const seed = env('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const maxRun = env('FUZZ_MAX_RUN', 200_000);
const hangMs = env('FUZZ_HANG_MS', 60_000);
const out = process.env['FUZZ_OUT'] ?? join('data', 'fuzz');
const wanted = process.env['FUZZ_PARSERS']?.split(',').map((s) => s.trim()) ?? OUTSIDE_INPUT_PARSERS.map((p) => p.name);

console.log(`fuzz: seed ${seed}, ${seconds} s per parser, ${runs} runs per pass, runs of up to ${maxRun} characters`);
console.log(`parsers: ${wanted.join(' | ')}`);
let remaining = wanted.filter((name) => OUTSIDE_INPUT_PARSERS.some((p) => p.name === name));
let failures = 0;

function report(outcome: ParserOutcome): void {
  const { parser, failure } = outcome;
  if (!failure) {
    console.log(`ok    ${parser}: ${outcome.runs} inputs in ${outcome.seconds.toFixed(0)} s`);
    return;
  }
  failures++;
  mkdirSync(out, { recursive: true });
  const file = join(out, `${parser.replace(/[^\w]+/g, '-')}-${failure.seed}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ parser, ...failure }, null, 2));
  console.log(`FAIL  ${parser} (seed ${failure.seed}, path ${failure.path || '-'}): ${failure.error.split('\n')[0]}`);
  console.log(`      counterexample written to ${file}`);
}

while (remaining.length > 0) {
  const outcomes = await runProperties({ parsers: remaining, runs, seed, seconds, maxRun }, hangMs, report);
  const done = new Set(outcomes.map((o) => o.parser));
  if (done.size === 0 || done.has('(loading)')) break;
  remaining = remaining.filter((name) => !done.has(name));
}
console.log(`fuzz: ${failures} failure(s)`);
process.exit(failures > 0 ? 1 : 0);
