/**
 * Whole-EDGAR benchmark on the replica: `npm run bench:all`.
 * 1. `backfill --all` (embedded, the real CLI in a child process, EDGAR_MAX_RPS=10) over the replica's full
 *    index (2004 QTR3 to the current quarter): discovery requests (target: at most one per quarter read),
 *    Archives requests per letter (target 1.00), then the same command again (only the quarters that can still
 *    change are read, nothing fetched) and the dry run.
 * 2. Redis memory of `enqueue --all`: 10^5 letters discovered in a store, one refill step with the default
 *    window of 1000 against a private redis-server, used_memory before and after; and what putting every letter
 *    on the queue at once would hold (10^4 fetch jobs measured, scaled to 10^5).
 * 3. The projection for the real EDGAR (about 6 x 10^5 letters) at 9.6 requests/s.
 * Prints tables and one JSON line.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { FilingRef } from '../../src/discover/filing-ref.ts';
import { quartersForRange } from '../../src/discover/full-index.ts';
import { easternDate } from '../../src/discover/crawl-plan.ts';
import { silentLogger } from '../../src/log.ts';
import { runAllEdgarStep } from '../../src/pipeline/distributed/all-edgar-window.ts';
import type { ParseDeps } from '../../src/pipeline/parse-stage.ts';
import { enqueueFetch } from '../../src/queue/producers.ts';
import { closeQueues, openQueues } from '../../src/queue/queues.ts';
import { SqliteDocumentStore } from '../../src/store/sqlite-document-store.ts';
import { startPrivateRedis } from '../integration/distributed/support/redis.ts';
import { spawnReplica, type ChildReplica } from '../replica/spawn.ts';
import { letterCount } from './_all-edgar-dataset.ts';

const here = new URL('.', import.meta.url).pathname;

interface Measured {
  readonly run: string;
  readonly exitCode: number;
  readonly seconds: number;
  readonly quarterRequests: number;
  readonly otherDiscovery: number;
  readonly archivesRequests: number;
  readonly lettersFetched: number;
  readonly refused: number;
  readonly stdout: string;
}

async function runMeasured(replica: ChildReplica, dir: string, run: string, args: string[]): Promise<Measured> {
  const resultPath = join(dir, `${run.replace(/\W+/g, '-')}.json`);
  const before = (await replica.log()).length;
  const child = spawn(process.execPath, [join(here, '_measured-cli.ts'), resultPath, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EDGAR_USER_AGENT: 'edgar-corresp bench bench@edgar-corresp.example',
      EDGAR_WWW_URL: replica.bases.wwwUrl,
      EDGAR_DATA_URL: replica.bases.dataUrl,
      EDGAR_EFTS_URL: replica.bases.eftsUrl,
      EDGAR_MAX_RPS: '10',
      // A refusal (a loaded machine bunches request stamps) pauses 5 s against the replica's 3-s block, not 10 min.
      EDGAR_BLOCK_COOLDOWN: '5',
      STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`,
      ARCHIVE_DIR: join(dir, 'archive'),
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await once(child, 'exit');
  const result = JSON.parse(await readFile(resultPath, 'utf8')) as { exitCode: number; ms: number };
  if (result.exitCode !== 0) process.stderr.write(`${run}: exit ${result.exitCode}\n${stderr.slice(-4000)}\n`);
  const log = (await replica.log()).slice(before);
  const letters = log.filter((e) => e.path.includes('/Archives/edgar/data/'));
  return {
    run,
    exitCode: result.exitCode,
    seconds: result.ms / 1000,
    quarterRequests: log.filter((e) => e.path.includes('/full-index/')).length,
    otherDiscovery: log.filter((e) => !e.path.includes('/Archives/')).length,
    archivesRequests: letters.length,
    lettersFetched: new Set(letters.filter((e) => e.status === 200).map((e) => e.path)).size,
    refused: log.filter((e) => e.refusal !== null).length,
    stdout,
  };
}

async function replicaRuns(): Promise<Measured[]> {
  const replica = await spawnReplica(['--dataset', join(here, '_all-edgar-dataset.ts'), '--block-ms', '3000']);
  const dir = await mkdtemp(join(tmpdir(), 'edgar-bench-all-'));
  try {
    return [
      await runMeasured(replica, dir, 'backfill --all (first run)', ['backfill', '--all']),
      await runMeasured(replica, dir, 'backfill --all (run again)', ['backfill', '--all']),
      await runMeasured(replica, dir, 'backfill --all --dry-run', ['backfill', '--all', '--dry-run']),
    ];
  } finally {
    await replica.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const ref = (n: number): FilingRef => ({
  accessionNumber: `0000000000-${String(5 + Math.floor(n / 40_000)).padStart(2, '0')}-${String(n % 1_000_000).padStart(6, '0')}`,
  cik: String(1_000_000 + (n % 5000)),
  form: n % 2 ? 'CORRESP' : 'UPLOAD',
  filingDate: `20${String(5 + Math.floor(n / 40_000)).padStart(2, '0')}-06-15`,
  acceptanceDateTime: null,
  fileNumber: null,
  primaryDocument: null,
});

const usedMemory = async (url: string) => {
  const redis = new Redis(url);
  try {
    return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
  } finally {
    redis.disconnect();
  }
};

/** used_memory with 10^5 letters discovered and one windowed step, and 10^4 jobs enqueued at once. */
async function redisMemory() {
  const redis = await startPrivateRedis();
  const store = await SqliteDocumentStore.open(':memory:');
  try {
    const discovered = 100_000;
    const refs = Array.from({ length: discovered }, (_, n) => ref(n));
    for (let i = 0; i < refs.length; i += 5000) await store.recordDiscovered(refs.slice(i, i + 5000));
    const windowed = openQueues({ url: redis.url, prefix: 'bench-window' });
    const idle = await usedMemory(redis.url);
    const deps = { store, logger: silentLogger } as unknown as ParseDeps;
    const payload = { runId: 'bench', step: 1, forms: ['CORRESP', 'UPLOAD'] as ('CORRESP' | 'UPLOAD')[] };
    await runAllEdgarStep(deps, windowed, { ...payload, since: null, until: null, window: 1000, refillMs: 60_000 });
    const withWindow = await usedMemory(redis.url);
    const waiting = await windowed.fetch.getJobCounts('waiting', 'delayed');
    await closeQueues(windowed);
    const unbounded = openQueues({ url: redis.url, prefix: 'bench-unbounded' });
    const sample = 10_000;
    const before = await usedMemory(redis.url);
    await enqueueFetch(unbounded, refs.slice(0, sample), null);
    const perJob = ((await usedMemory(redis.url)) - before) / sample;
    await closeQueues(unbounded);
    return {
      discovered,
      window: 1000,
      fetchJobsQueued: waiting.waiting ?? 0,
      usedMemoryIdleMB: idle / 2 ** 20,
      usedMemoryWindowMB: withWindow / 2 ** 20,
      bytesPerFetchJob: perJob,
      unboundedProjectedMB: (perJob * discovered) / 2 ** 20,
    };
  } finally {
    await store.close();
    await redis.stop();
  }
}

const letters = await letterCount();
const quarters = quartersForRange(null, easternDate(new Date())).length;
const runs = await replicaRuns();
const memory = await redisMemory();
const first = runs[0]!;
const rate = 9.6;
const realLetters = 600_000;
const projection = {
  letters: realLetters,
  quarterRequests: quarters,
  archivesRequests: Math.round(realLetters * (first.archivesRequests / Math.max(1, first.lettersFetched))),
  hours: (realLetters * (first.archivesRequests / Math.max(1, first.lettersFetched)) + quarters) / rate / 3600,
};
console.table(
  runs.map((r) => ({
    run: r.run,
    exit: r.exitCode,
    'quarters in range': quarters,
    'full-index requests': r.quarterRequests,
    'other discovery': r.otherDiscovery,
    'letters fetched': r.lettersFetched,
    'Archives req/letter': r.lettersFetched ? (r.archivesRequests / r.lettersFetched).toFixed(2) : '-',
    refused: r.refused,
    seconds: r.seconds.toFixed(1),
    'letters/s': r.lettersFetched ? (r.lettersFetched / r.seconds).toFixed(2) : '-',
  })),
);
process.stdout.write(`dataset: ${letters} letters\ndry run after both runs:\n${runs[2]!.stdout}`);
console.table([memory]);
console.table([projection]);
console.log(
  JSON.stringify({
    bench: 'all-edgar',
    letters,
    quarters,
    runs: runs.map(({ stdout: _s, ...r }) => r),
    memory,
    projection,
  }),
);
