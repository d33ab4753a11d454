/**
 * The distributed topology of docker-compose.yml, as local processes: the EDGAR replica in its own process,
 * Redis (shared with a unique prefix, or private), PostgreSQL (a unique schema), one archive directory, and
 * `edgar-corresp worker` / `backfill` / `enqueue` processes sharing them through the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { EdgarBases } from '../../../../src/edgar/endpoints.ts';
import { raisePriority } from '../../../replica/spawn.ts';
import type { ReplicaLogEntry } from '../../../replica/traffic.ts';

export const CLI = fileURLToPath(new URL('../../../../src/cli/main.ts', import.meta.url));
export const TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface ClusterSettings {
  readonly bases: EdgarBases;
  readonly redisUrl: string;
  readonly prefix: string;
  /** PostgreSQL schema of the store. */
  readonly schema: string;
  readonly archiveDir: string;
}

export function clusterEnv(settings: ClusterSettings, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    EDGAR_USER_AGENT: 'Distributed Tests dist-tests@example.com',
    EDGAR_WWW_URL: settings.bases.wwwUrl,
    EDGAR_DATA_URL: settings.bases.dataUrl,
    EDGAR_EFTS_URL: settings.bases.eftsUrl,
    // The replicas of these tests block for 3 s (--block-ms 3000): a pause of 5 s outlasts the block, so a
    // rate-limit answer costs seconds and shows in the assertions instead of blocking the run for good.
    EDGAR_BLOCK_COOLDOWN: '5',
    // Nine a second across every process, against the replica's ten: the tests check that all processes share
    // one budget (without it 4 workers would send 36 a second) while other test runs load this 2-core machine;
    // a process starved of CPU sends a granted request late, and the pacing's 40 ms margin does not absorb
    // starvation. npm run bench:distributed measures the limit of 10 itself.
    EDGAR_MAX_RPS: '9',
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.prefix,
    STORE_URL: `${TEST_POSTGRES_URL}?schema=${settings.schema}`,
    ARCHIVE_DIR: settings.archiveDir,
    FETCH_CONCURRENCY: '4',
    PARSE_CONCURRENCY: '1',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

export function tempArchiveDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `edgar-corresp-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** stderr lines that are not routine JSON logs at info level. */
  readonly problems: string[];
}

/**
 * How a worker is scheduled. `raised` (the tests): real-time round-robin, as raisePriority() does. `normal` (the
 * bench's default): what a user's worker gets, a session (scheduler autogroup) of its own at nice 0, competing with
 * other work on equal terms.
 */
export type WorkerPriority = 'raised' | 'normal';

/** Starts `edgar-corresp worker` and resolves once it serves its queues. */
export async function startWorker(
  env: NodeJS.ProcessEnv,
  queues = 'discover,fetch,parse',
  priority: WorkerPriority = 'raised',
): Promise<WorkerProcess> {
  const args = [CLI, 'worker', '--queues', queues];
  const child =
    priority === 'raised'
      ? spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
      : // Through nice(1) so that every thread starts at nice 0, not at the caller's (raised) nice it would inherit.
        spawn('nice', ['-n', String(-getPriority()), process.execPath, ...args], {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
          detached: true,
        });
  // As for the replica: on this shared 2-core machine, the thread that sends EDGAR requests must not wait for a
  // CPU behind other engineers' test runs (no effect without the right to raise priorities).
  if (priority === 'raised') raisePriority(child.pid);
  else {
    // Detached, it no longer dies with the caller's process group.
    const kill = () => child.kill('SIGKILL');
    process.on('exit', kill);
    child.once('exit', () => process.off('exit', kill));
  }
  const problems: string[] = [];
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const ready = new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stderr! });
    lines.on('line', (line) => {
      if (line.includes('worker serving queues')) resolve();
      else if (!/"level":30/.test(line)) problems.push(line);
    });
    void exited.then((code) => reject(new Error(`worker exited with ${code} before serving: ${problems.join('\n')}`)));
  });
  await ready;
  return { child, pid: child.pid!, exited, problems };
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one CLI command to its end; kills it and throws with its output after `timeoutMs`. */
export async function runCliProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 150_000,
): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  clearTimeout(timer);
  if (signal === 'SIGKILL')
    throw new Error(`${args.join(' ')} still running after ${timeoutMs} ms: ${stderr.slice(-3000)}`);
  return { code, stdout, stderr };
}

/** Stops workers with SIGTERM and waits for them; returns their exit codes. */
export async function stopWorkers(workers: readonly WorkerProcess[]): Promise<(number | null)[]> {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGTERM');
  return Promise.all(workers.map((worker) => worker.exited));
}

/** Direct reads of the test's PostgreSQL schema. */
export async function queryStore<T extends pg.QueryResultRow>(schema: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Archives requests (complete submissions) per accession, from the replica's log. */
export function archiveRequests(log: readonly ReplicaLogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of log) {
    const m = /\/Archives\/edgar\/data\/\d+\/\d{18}\/(\d{10}-\d{2}-\d{6})\.txt$/.exec(entry.path);
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return counts;
}
