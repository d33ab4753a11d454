/**
 * `npm run bench:scale`: the stores at scale. Synthetic letters shaped like real ones
 * (test/bench/support/synthetic-letters.ts) go through the real store code at each size asked, each size in
 * a store of its own, then: ingest letters/s (upsertLetter, the time inside the store; the first and last
 * tenth apart to show whether cost per letter grows), bytes on disk per letter, search latency p50/p95 over 20
 * queries, `export` (the CLI in a process of its own: letters/s and peak RSS), the thread rebuild of the
 * company with 5,000 letters, and `status` (the CLI, in-process time and wall time with Node's start).
 *
 *   node test/bench/scale.ts [--sqlite 10000,100000,1000000] [--postgres 10000,100000] [--dir D]
 *     [--keep-sqlite 100000=/tmp/scale-keep/store.sqlite] [--reuse] [--resume] [--only ingest|measure]
 *
 * Results go to <dir>/result-<engine>-<size>.json as each step ends (a long run can be watched and resumed:
 * --reuse keeps a store whose ingest finished and measures it again). Without options: SQLite at 10^4 only.
 */
import { parseArgs } from 'node:util';
import { formatTable, readResults } from './support/scale-results.ts';
import { runScale, type ScaleTarget } from './support/scale-run.ts';

const { values } = parseArgs({
  options: {
    sqlite: { type: 'string', default: '10000' },
    postgres: { type: 'string', default: '' },
    dir: { type: 'string', default: '/tmp/scale-bench' },
    'keep-sqlite': { type: 'string', default: '' },
    reuse: { type: 'boolean', default: false },
    resume: { type: 'boolean', default: false },
    only: { type: 'string' },
    table: { type: 'boolean', default: false },
  },
});

const sizes = (list: string): number[] =>
  list
    .split(',')
    .filter(Boolean)
    .map((s) => Math.round(Number(s)));
const kept = new Map(
  values['keep-sqlite']
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string])
    .map(([size, path]) => [Math.round(Number(size)), path]),
);
const targets: ScaleTarget[] = [
  ...sizes(values.sqlite).map((size) => ({ engine: 'sqlite' as const, size, keepPath: kept.get(size) })),
  ...sizes(values.postgres).map((size) => ({ engine: 'postgres' as const, size, keepPath: undefined })),
];

if (!values.table) {
  for (const target of targets) {
    await runScale(target, {
      dir: values.dir,
      reuse: values.reuse,
      resume: values.resume,
      only: values.only === 'ingest' || values.only === 'measure' ? values.only : undefined,
    });
  }
}
console.log(formatTable(readResults(values.dir)));
