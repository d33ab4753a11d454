/**
 * Fetch-efficiency benchmark on the EDGAR replica: `node test/bench/backfill.ts`.
 * The replica runs in its own process (test/replica/start.ts) with the bench dataset (21Vianet, file number
 * 001-35126, plus a generated company of BENCH_LETTERS letters, _bench-dataset.ts). Each backfill runs the real CLI in a child
 * process of its own (_measured-cli.ts), at the default EDGAR_MAX_RPS=10 and FETCH_CONCURRENCY=4, and is
 * measured from the replica's request log: Archives requests per filing fetched (target <= 1.02), discovery
 * requests per target, and the same backfill run again (target: 0 Archives requests); plus wall time and the
 * CLI's peak RSS (target < 300 MB). Prints a table and one JSON line.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnReplica, type ChildReplica } from '../replica/spawn.ts';
import { BENCH_GENERATED_CIK, BENCH_LETTERS } from './_bench-dataset.ts';

interface Measured {
  readonly label: string;
  readonly exitCode: number;
  readonly ms: number;
  readonly maxRssKb: number;
  readonly archivesRequests: number;
  readonly filingsFetched: number;
  readonly discoveryRequests: number;
  readonly refused: number;
}

const here = new URL('.', import.meta.url).pathname;

async function runMeasured(replica: ChildReplica, dir: string, label: string, args: string[]): Promise<Measured> {
  const resultPath = join(dir, `${label.replace(/\W+/g, '-')}.json`);
  const before = (await replica.log()).length;
  const child = spawn(process.execPath, [join(here, '_measured-cli.ts'), resultPath, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      EDGAR_USER_AGENT: 'edgar-corresp bench bench@edgar-corresp.example',
      EDGAR_WWW_URL: replica.bases.wwwUrl,
      EDGAR_DATA_URL: replica.bases.dataUrl,
      EDGAR_EFTS_URL: replica.bases.eftsUrl,
      STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`,
      ARCHIVE_DIR: join(dir, 'archive'),
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await once(child, 'exit');
  const result = JSON.parse(await readFile(resultPath, 'utf8')) as { exitCode: number; maxRssKb: number; ms: number };
  const log = (await replica.log()).slice(before);
  const archives = log.filter((e) => e.path.includes('/Archives/'));
  if (result.exitCode !== 0) process.stderr.write(`${label}: exit code ${result.exitCode}\n${stderr.slice(-4000)}\n`);
  return {
    label,
    exitCode: result.exitCode,
    ms: result.ms,
    maxRssKb: result.maxRssKb,
    archivesRequests: archives.length,
    filingsFetched: new Set(archives.filter((e) => e.status === 200).map((e) => e.path)).size,
    discoveryRequests: log.length - archives.length,
    refused: log.filter((e) => e.refusal !== null).length,
  };
}

const replica = await spawnReplica(['--dataset', join(here, '_bench-dataset.ts')]);
const results: Measured[] = [];
try {
  for (const [name, target] of [
    ['21Vianet 001-35126', '001-35126'],
    [`generated CIK ${BENCH_GENERATED_CIK}`, BENCH_GENERATED_CIK],
  ] as const) {
    const dir = await mkdtemp(join(tmpdir(), 'edgar-bench-'));
    try {
      results.push(await runMeasured(replica, dir, `${name} (first run)`, ['backfill', target]));
      results.push(await runMeasured(replica, dir, `${name} (run again)`, ['backfill', target]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
} finally {
  await replica.close();
}

const rows = results.map((r) => ({
  run: r.label,
  exit: r.exitCode,
  'filings fetched': r.filingsFetched,
  'Archives requests': r.archivesRequests,
  'Archives req/filing': r.filingsFetched === 0 ? '-' : (r.archivesRequests / r.filingsFetched).toFixed(4),
  'discovery requests': r.discoveryRequests,
  'refused (403/429)': r.refused,
  seconds: (r.ms / 1000).toFixed(2),
  'peak RSS MB': (r.maxRssKb / 1024).toFixed(1),
}));
console.table(rows);
console.log(JSON.stringify({ bench: 'backfill', generatedLetters: BENCH_LETTERS, results }));
