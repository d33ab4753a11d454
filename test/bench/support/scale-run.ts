/** One (engine, size) run of the scale benchmark: see test/bench/scale.ts. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { PipelineDeps } from '../../../src/pipeline/pipeline-deps.ts';
import { rebuildThreads } from '../../../src/pipeline/thread-stage.ts';
import type { DocumentStore } from '../../../src/store/document-store.ts';
import { openDocumentStore } from '../../../src/store/open-document-store.ts';
import { saveResult, resultPath, type ScaleResult } from './scale-results.ts';
import { BIG_COMPANY_CIK, syntheticLetters } from './synthetic-letters.ts';

export interface ScaleTarget {
  readonly engine: 'sqlite' | 'postgres';
  readonly size: number;
  /** SQLite: keep the store at this path (it is not removed by a later run's clean-up). */
  readonly keepPath: string | undefined;
}

export interface ScaleOptions {
  readonly dir: string;
  readonly reuse: boolean;
  readonly only: 'ingest' | 'measure' | undefined;
  /** Go on with a stopped ingest: the letters the store holds are not stored again (figures: the rest only). */
  readonly resume?: boolean;
}

const POSTGRES_URL = process.env['SCALE_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Disk a letter needs, measured at 10^4 and 10^5 (with a margin): what the free-space check asks for. */
const BYTES_PER_LETTER_NEEDED = { sqlite: 20_000, postgres: 16_000 } as const;

/** Real-user queries: common and rare words, several words, phrases, a file number, a company-name word. */
export const SEARCH_QUERIES = [
  'revenue recognition',
  'goodwill impairment',
  '"non gaap"',
  'segment reporting',
  'liquidity',
  'cybersecurity',
  '"critical accounting estimates"',
  'adjusted ebitda',
  'climate',
  'tax valuation allowance',
  '"material weakness"',
  'contingent consideration',
  'pension',
  'reserves proved',
  'kalomer',
  'tinvo',
  '"principal agent"',
  'warrants',
  'lease right use',
  '001-30042',
];

const mb = (bytes: number): number => Math.round(bytes / 1_048_576);
const log = (message: string): void => console.log(`${new Date().toISOString()} ${message}`);

function storeUrlOf(target: ScaleTarget, dir: string): string {
  if (target.engine === 'postgres') return `${POSTGRES_URL}?schema=scale_${target.size}`;
  return `sqlite:${target.keepPath ?? join(dir, `sqlite-${target.size}`, 'store.sqlite')}`;
}

/** Free space where the store goes against what this size needs; false (and says so) when short. */
function enoughDisk(target: ScaleTarget, dir: string): boolean {
  const where = target.engine === 'sqlite' ? dirname(storeUrlOf(target, dir).slice('sqlite:'.length)) : '/';
  mkdirSync(where, { recursive: true });
  const stat = statfsSync(where);
  const free = stat.bavail * stat.bsize;
  const needed = target.size * BYTES_PER_LETTER_NEEDED[target.engine];
  log(
    `${target.engine} ${target.size}: needs about ${mb(needed).toLocaleString()} MB, ${mb(free).toLocaleString()} MB free`,
  );
  return free > needed * 1.2;
}

async function dropPostgresSchema(size: number): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS scale_${size} CASCADE`);
  } finally {
    await client.end();
  }
}

async function postgresBytes(size: number): Promise<number> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
      [`scale_${size}`],
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

function sqliteBytes(path: string): number {
  return [path, `${path}-wal`].reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);
}

/** Letters/s and store CPU ms per letter of one stretch of the ingest. */
interface Stretch {
  letters: number;
  ms: number;
  cpuMs: number;
}

const rateOf = (s: Stretch): number => s.letters / (s.ms / 1000);
const cpuPerLetter = (s: Stretch): number => s.cpuMs / s.letters;

/**
 * Stores `size` synthetic letters. Rates are of the time inside upsertLetter; CPU ms per letter (this
 * process's CPU time inside upsertLetter, SQLite's work included, PostgreSQL's server not) says whether the
 * cost per letter grows, whatever the load of the machine does to the wall-clock rate.
 */
async function ingest(store: DocumentStore, size: number, skip = 0): Promise<NonNullable<ScaleResult['ingest']>> {
  const tenth = Math.max(1, Math.floor(size / 10));
  const progressEvery = Math.max(1, Math.floor(size / 50));
  const started = performance.now();
  const total: Stretch = { letters: 0, ms: 0, cpuMs: 0 };
  let stretch: Stretch = { letters: 0, ms: 0, cpuMs: 0 };
  let first: Stretch | null = null;
  let peakRss = 0;
  let position = 0;
  for (const letter of syntheticLetters({ count: size })) {
    // Resuming a stopped ingest: the letters stored already are generated again (same seed), not stored.
    if ((position += 1) <= skip) continue;
    const before = performance.now();
    const cpu = process.cpuUsage();
    await store.upsertLetter(letter);
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - before;
    const cpuMs = (used.user + used.system) / 1000;
    for (const s of [total, stretch]) {
      s.letters += 1;
      s.ms += ms;
      s.cpuMs += cpuMs;
    }
    if (position % progressEvery === 0 || position === size) {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      const wall = (performance.now() - started) / 1000;
      const eta = (wall / total.letters) * (size - position);
      log(
        `  ${position.toLocaleString()} / ${size.toLocaleString()} letters, ${Math.round(rateOf(stretch))} letters/s, ${cpuPerLetter(stretch).toFixed(2)} CPU ms/letter since last tenth, RSS ${mb(peakRss)} MB, ETA ${Math.round(eta)} s, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    if (position % tenth === 0 && position < size - (size % tenth)) {
      first ??= stretch;
      stretch = { letters: 0, ms: 0, cpuMs: 0 };
    }
  }
  const last = stretch.letters > 0 ? stretch : (first ?? total);
  return {
    letters: total.letters,
    storeMs: total.ms,
    wallMs: performance.now() - started,
    cpuMsPerLetter: cpuPerLetter(total),
    firstTenthRate: rateOf(first ?? total),
    lastTenthRate: rateOf(last),
    firstTenthCpuMs: cpuPerLetter(first ?? total),
    lastTenthCpuMs: cpuPerLetter(last),
    peakRssMb: mb(peakRss),
  };
}

const percentile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

/**
 * Each query 3 times in a row, the best of the 3 kept (wall and CPU apart): on a machine shared with a load
 * of 15-20 one run's wall time is mostly waiting for a core, the best of 3 is closer to what the search costs.
 */
async function measureSearch(store: DocumentStore): Promise<NonNullable<ScaleResult['search']>> {
  await store.searchLetters('comment response'); // warm-up: first page reads, not one of the 20
  const perQuery: Record<string, number> = {};
  const cpu: number[] = [];
  for (const query of SEARCH_QUERIES) {
    let best = Infinity;
    let bestCpu = Infinity;
    for (let run = 0; run < 3; run += 1) {
      const before = performance.now();
      const cpuBefore = process.cpuUsage();
      await store.searchLetters(query, { limit: 20 });
      const used = process.cpuUsage(cpuBefore);
      best = Math.min(best, performance.now() - before);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
    }
    perQuery[query] = Math.round(best * 10) / 10;
    cpu.push(bestCpu);
  }
  const wall = Object.values(perQuery);
  return {
    queries: wall.length,
    p50Ms: percentile(wall, 0.5),
    p95Ms: percentile(wall, 0.95),
    maxMs: Math.max(...wall),
    cpuP50Ms: Math.round(percentile(cpu, 0.5) * 10) / 10,
    cpuP95Ms: Math.round(percentile(cpu, 0.95) * 10) / 10,
    perQuery,
  };
}

interface MeasuredCli {
  readonly exitCode: number;
  readonly maxRssKb: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** Runs the CLI in a process of its own (test/bench/_measured-cli.ts) against the store; embedded mode. */
async function measuredCli(storeUrl: string, dir: string, args: readonly string[]): Promise<MeasuredCli> {
  const out = join(dir, `cli-${process.pid}.json`);
  const script = join(import.meta.dirname, '..', '_measured-cli.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, STORE_URL: storeUrl, LOG_LEVEL: 'warn' };
  delete env['REDIS_URL'];
  const started = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [script, out, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (status) => resolve(status ?? 1));
  });
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`edgar-corresp ${args.join(' ')} exited ${code}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as Omit<MeasuredCli, 'wallMs'>;
  rmSync(out, { force: true });
  return { ...result, wallMs };
}

async function withStore<T>(storeUrl: string, work: (store: DocumentStore) => Promise<T>): Promise<T> {
  const store = await openDocumentStore(storeUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function fresh(target: ScaleTarget, storeUrl: string): Promise<void> {
  if (target.engine === 'postgres') return dropPostgresSchema(target.size);
  const path = storeUrl.slice('sqlite:'.length);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
}

/** Counts the queries every pg client of this process sends (each is one round trip) until `stop`. */
function countPgQueries(): { count: () => number; stop: () => void } {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return { count: () => count, stop: () => void (pg.Client.prototype.query = original) };
}

async function ingestStep(target: ScaleTarget, storeUrl: string, result: ScaleResult, options: ScaleOptions) {
  const dir = options.dir;
  if (!options.resume) await fresh(target, storeUrl);
  const skip = options.resume ? await withStore(storeUrl, (store) => store.countLetters()) : 0;
  log(`${target.engine} ${target.size}: ingest into ${storeUrl}${skip ? `, resumed after ${skip} letters` : ''}`);
  const queries = countPgQueries();
  try {
    result.ingest = await withStore(storeUrl, (store) => ingest(store, target.size, skip));
  } finally {
    queries.stop();
  }
  if (target.engine === 'postgres') result.ingest.roundTripsPerLetter = queries.count() / result.ingest.letters;
  saveResult(dir, result);
}

/** Everything but the ingest, on the store the ingest left. */
async function measureSteps(target: ScaleTarget, storeUrl: string, result: ScaleResult, dir: string): Promise<void> {
  const bytes =
    target.engine === 'sqlite' ? sqliteBytes(storeUrl.slice('sqlite:'.length)) : await postgresBytes(target.size);
  result.bytesOnDisk = bytes;
  // The letters actually stored: a run stopped during its ingest is measured on what it holds.
  const stored = await withStore(storeUrl, (store) => store.countLetters());
  result.lettersInStore = stored;
  result.bytesPerLetter = Math.round(bytes / stored);
  log(`${target.engine} ${target.size}: ${mb(bytes).toLocaleString()} MB on disk; search`);
  result.search = await withStore(storeUrl, measureSearch);
  saveResult(dir, result);
  log(`  search p50 ${result.search.p50Ms} ms, p95 ${result.search.p95Ms} ms; thread rebuild`);
  result.thread = await withStore(storeUrl, async (store) => {
    const before = performance.now();
    const rebuilt = await rebuildThreads({ store } as unknown as PipelineDeps, { ciks: [BIG_COMPANY_CIK] });
    return { ...rebuilt, ms: performance.now() - before };
  });
  saveResult(dir, result);
  log(`  thread rebuild ${Math.round(result.thread.ms)} ms; status`);
  const status = await measuredCli(storeUrl, dir, ['status']);
  result.status = {
    ms: Math.round(status.ms),
    wallMs: Math.round(status.wallMs),
    peakRssMb: Math.round(status.maxRssKb / 1024),
  };
  saveResult(dir, result);
  log(`  status ${result.status.ms} ms; export`);
  const exported = await measuredCli(storeUrl, dir, ['export', '--out', '/dev/null']);
  result.export = {
    letters: stored,
    ms: Math.round(exported.ms),
    lettersPerSecond: Math.round(stored / (exported.ms / 1000)),
    peakRssMb: Math.round(exported.maxRssKb / 1024),
    cpuMs: Math.round(exported.cpuMs),
    cpuMsPerThousand: Math.round((exported.cpuMs - status.cpuMs) / (stored / 1000)),
  };
  saveResult(dir, result);
  log(`  export ${result.export.lettersPerSecond} letters/s, peak RSS ${result.export.peakRssMb} MB`);
}

/** A kept store is read by other tools (`serve`): every company's threads built, as after a backfill. */
async function threadEveryCompany(storeUrl: string): Promise<void> {
  await withStore(storeUrl, async (store) => {
    const ciks = new Set<string>();
    for await (const letter of store.listLetters()) ciks.add(letter.cik);
    const all = [...ciks];
    let letters = 0;
    for (let i = 0; i < all.length; i += 500) {
      const rebuilt = await rebuildThreads({ store } as unknown as PipelineDeps, { ciks: all.slice(i, i + 500) });
      letters += rebuilt.letters;
    }
    log(
      `  kept store: threads of all ${all.length.toLocaleString()} companies rebuilt (${letters.toLocaleString()} letters)`,
    );
  });
}

export async function runScale(target: ScaleTarget, options: ScaleOptions): Promise<void> {
  mkdirSync(options.dir, { recursive: true });
  const storeUrl = storeUrlOf(target, options.dir);
  const previous = resultPath(options.dir, target.engine, target.size);
  const result: ScaleResult =
    options.reuse && existsSync(previous)
      ? (JSON.parse(readFileSync(previous, 'utf8')) as ScaleResult)
      : { engine: target.engine, size: target.size, storeUrl };
  result.machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${mb(totalmem()).toLocaleString()} MB RAM, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at start`;
  const ingestNow = options.only !== 'measure' && !(options.reuse && result.ingest);
  if (ingestNow) {
    if (!enoughDisk(target, options.dir)) return;
    await ingestStep(target, storeUrl, result, options);
  }
  if (options.only !== 'ingest') await measureSteps(target, storeUrl, result, options.dir);
  if (target.keepPath !== undefined && ingestNow) await threadEveryCompany(storeUrl);
}
