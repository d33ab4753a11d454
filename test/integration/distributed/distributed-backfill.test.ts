import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { spawnReplica, type ChildReplica } from '../../replica/spawn.ts';
import { dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from '../store/postgres-test-server.ts';
import {
  archiveRequests,
  CLI,
  clusterEnv,
  queryStore,
  runCliProcess,
  startWorker,
  stopWorkers,
  tempArchiveDir,
  type ClusterSettings,
  type WorkerProcess,
} from './support/cluster.ts';
import { DIST_CIK, expectedLetters } from './support/dataset.ts';
import { deletePrefix, requireSharedRedis, startPrivateRedis, uniquePrefix } from './support/redis.ts';

const DATASET = fileURLToPath(new URL('./support/dataset.ts', import.meta.url));

async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(250);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

// A run that goes wrong (a block at the replica, a lost job) fails at its timeout instead of hanging the suite.
describe('distributed backfill with worker processes', { concurrency: false, timeout: 240_000 }, () => {
  let replica: ChildReplica;
  let expected: string[];
  let sharedRedis: string;
  const schemaPrefix = uniqueSchemaPrefix('dist');
  const prefixes: string[] = [];
  const archives: Array<{ remove(): void }> = [];
  const workers: WorkerProcess[] = [];

  before(async () => {
    sharedRedis = await requireSharedRedis();
    await requireTestPostgres();
    expected = await expectedLetters();
    replica = await spawnReplica(['--dataset', DATASET, '--max-rps', '10', '--block-ms', '3000']);
  });
  after(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await replica?.close();
    for (const prefix of prefixes) await deletePrefix(sharedRedis, prefix);
    for (const archive of archives) archive.remove();
    await dropSchemas(schemaPrefix);
  });

  function settings(label: string, redisUrl: string): ClusterSettings {
    const prefix = uniquePrefix(label);
    prefixes.push(prefix);
    const archive = tempArchiveDir(label);
    archives.push(archive);
    return { bases: replica.bases, redisUrl, prefix, schema: `${schemaPrefix}_${label}`, archiveDir: archive.dir };
  }

  async function startWorkers(count: number, env: NodeJS.ProcessEnv): Promise<WorkerProcess[]> {
    const started = await Promise.all(Array.from({ length: count }, () => startWorker(env)));
    workers.push(...started);
    return started;
  }

  const storedLetters = async (schema: string) =>
    (await queryStore<{ accession_number: string }>(schema, 'SELECT accession_number FROM letters ORDER BY 1')).map(
      (row) => row.accession_number,
    );
  const parsedCount = async (schema: string) =>
    Number(
      (
        await queryStore<{ n: string }>(schema, "SELECT count(*) AS n FROM filings WHERE state = 'parsed'").catch(
          () => [{ n: '0' }],
        )
      )[0]!.n,
    );

  it('four worker processes backfill a company: every letter stored exactly once, never more than 10 requests in a second at EDGAR', async () => {
    const cluster = settings('four', sharedRedis);
    const env = clusterEnv(cluster);
    await replica.reset();
    const pool = await startWorkers(4, env);
    const run = await runCliProcess(['backfill', DIST_CIK], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`${expected.length} letters`));

    assert.deepEqual(await storedLetters(cluster.schema), expected);
    const failed = await queryStore(cluster.schema, "SELECT accession_number FROM filings WHERE state = 'failed'");
    assert.deepEqual(failed, []);
    const log = await replica.log();
    const fetches = archiveRequests(log);
    assert.deepEqual([...fetches.keys()].sort(), expected, 'each letter fetched');
    assert.deepEqual([...new Set(fetches.values())], [1], 'and fetched once');
    const stats = await replica.stats();
    assert.ok(stats.peakInAnySecond <= 10, `peak ${stats.peakInAnySecond} requests in one second`);
    assert.equal(stats.throttled, 0);

    // The same backfill again: nothing new stored, nothing fetched from Archives.
    await replica.reset();
    const again = await runCliProcess(['backfill', DIST_CIK], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(archiveRequests(await replica.log()).size, 0);
    assert.deepEqual(await stopWorkers(pool), [0, 0, 0, 0]);
  });

  it('a worker killed with kill -9 mid-run: its jobs complete on the others, nothing lost or stored twice', async () => {
    const cluster = settings('kill', sharedRedis);
    const env = clusterEnv(cluster);
    await replica.reset();
    const pool = await startWorkers(3, env);
    const backfill = spawn(process.execPath, [CLI, 'backfill', DIST_CIK], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    backfill.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const finished = once(backfill, 'exit');
    await waitFor('a quarter of the letters', async () => (await parsedCount(cluster.schema)) >= expected.length / 4);
    pool[0]!.child.kill('SIGKILL');
    const [code] = (await Promise.race([
      finished,
      sleep(150_000, undefined, { ref: false }).then(() => {
        throw new Error(`backfill still running after 150 s: ${stderr.slice(-2000)}`);
      }),
    ])) as [number | null];
    assert.equal(code, 0, stderr);

    assert.deepEqual(await storedLetters(cluster.schema), expected, 'every letter stored, each once');
    const fetches = archiveRequests(await replica.log());
    assert.deepEqual([...fetches.keys()].sort(), expected);
    const repeated = [...fetches.values()].filter((n) => n > 1).length;
    assert.ok(repeated <= 4, `${repeated} filings fetched again: at most the killed worker's 4 fetches in flight`);
    assert.ok((await replica.stats()).peakInAnySecond <= 10);
    assert.deepEqual(await stopWorkers(pool.slice(1)), [0, 0]);
  });

  it('a Redis that restarts with its data lost: enqueue again completes the run, nothing stored twice, no archived filing fetched again', async () => {
    const redis = await startPrivateRedis();
    try {
      const cluster = settings('restart', redis.url);
      const env = clusterEnv(cluster);
      await replica.reset();
      const pool = await startWorkers(2, env);
      const first = await runCliProcess(['enqueue', DIST_CIK], env);
      assert.equal(first.code, 0, first.stderr);
      await waitFor('a third of the letters', async () => (await parsedCount(cluster.schema)) >= expected.length / 3);

      const archivedBefore = (
        await queryStore<{ accession_number: string }>(
          cluster.schema,
          'SELECT accession_number FROM filings WHERE archive_sha256 IS NOT NULL',
        )
      ).map((row) => row.accession_number);
      await redis.restartEmpty();
      const second = await runCliProcess(['enqueue', DIST_CIK], env);
      assert.equal(second.code, 0, second.stderr);
      await waitFor('every letter', async () => (await parsedCount(cluster.schema)) === expected.length);

      assert.deepEqual(await storedLetters(cluster.schema), expected);
      const log = await replica.log();
      const fetches = archiveRequests(log);
      assert.deepEqual([...fetches.keys()].sort(), expected);
      assert.ok(archivedBefore.length >= expected.length / 3);
      assert.deepEqual(
        archivedBefore.filter((accession) => fetches.get(accession) !== 1),
        [],
        'no filing archived before the restart fetched again',
      );
      // A fetch in flight when Redis lost its job may race the job enqueued again: at most one per fetch slot.
      const twice = [...fetches.values()].filter((n) => n > 1);
      const refusals = log
        .filter((entry) => entry.refusal !== undefined)
        .map((entry) => `${entry.path} ${entry.refusal}`);
      assert.ok(
        twice.length <= 8 && twice.every((n) => n === 2),
        `fetched again: ${JSON.stringify([...fetches].filter(([, n]) => n > 1))}; refused: ${JSON.stringify(refusals)}`,
      );
      assert.deepEqual(await stopWorkers(pool), [0, 0]);
    } finally {
      await redis.stop();
    }
  });
});
