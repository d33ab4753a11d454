/**
 * `enqueue --all` with worker processes: a worker reads the quarterly full index once per quarter, then the
 * fetch backlog in Redis stays under the window while the workers drain it and the run tops it up; every letter
 * of the range is stored once and fetched once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { fetchBacklog } from '../../../src/queue/producers.ts';
import { closeQueues, openQueues } from '../../../src/queue/queues.ts';
import { spawnReplica, type ChildReplica } from '../../replica/spawn.ts';
import { dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from '../store/postgres-test-server.ts';
import {
  archiveRequests,
  clusterEnv,
  queryStore,
  runCliProcess,
  startWorker,
  stopWorkers,
  tempArchiveDir,
  type WorkerProcess,
} from './support/cluster.ts';
import { dataset } from './support/dataset.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from './support/redis.ts';

const DATASET = fileURLToPath(new URL('./support/dataset.ts', import.meta.url));
const SINCE = '2020-01-01';
const WINDOW = 4;

describe('enqueue --all with worker processes', { timeout: 240_000 }, () => {
  let replica: ChildReplica;
  let redis: string;
  let expected: string[];
  const schemaPrefix = uniqueSchemaPrefix('all');
  const prefix = uniquePrefix('all');
  const archive = tempArchiveDir('all');
  let workers: WorkerProcess[] = [];

  before(async () => {
    redis = await requireSharedRedis();
    await requireTestPostgres();
    const { companies } = await dataset();
    expected = companies[0]!.filings
      .filter((f) => (f.form === 'CORRESP' || f.form === 'UPLOAD') && f.filingDate >= SINCE)
      .map((f) => f.accessionNumber)
      .sort();
    replica = await spawnReplica(['--dataset', DATASET, '--max-rps', '10', '--block-ms', '3000']);
  });
  after(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await replica?.close();
    await deletePrefix(redis, prefix);
    archive.remove();
    await dropSchemas(schemaPrefix);
  });

  it('keeps the fetch backlog under the window and stores every letter of the range once', async () => {
    const schema = `${schemaPrefix}_run`;
    const env = clusterEnv({ bases: replica.bases, redisUrl: redis, prefix, schema, archiveDir: archive.dir });
    workers = await Promise.all([startWorker(env), startWorker(env)]);
    const queues = openQueues({ url: redis, prefix });
    try {
      const run = await runCliProcess(['enqueue', '--all', '--since', SINCE, '--window', String(WINDOW)], env);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^all=[\w-]+=0$/m);
      let peak = 0;
      const deadline = Date.now() + 200_000;
      const parsed = async () =>
        Number(
          (
            await queryStore<{ n: string }>(schema, "SELECT count(*) AS n FROM filings WHERE state = 'parsed'").catch(
              () => [{ n: '0' }],
            )
          )[0]!.n,
        );
      while ((await parsed()) < expected.length) {
        assert.ok(Date.now() < deadline, 'the run did not finish in time');
        peak = Math.max(peak, await fetchBacklog(queues));
        await sleep(50);
      }
      assert.ok(peak <= WINDOW, `fetch backlog peaked at ${peak} jobs, window ${WINDOW}`);
      const stored = (
        await queryStore<{ accession_number: string }>(schema, 'SELECT accession_number FROM letters ORDER BY 1')
      ).map((row) => row.accession_number);
      assert.deepEqual(stored, expected);
      const log = await replica.log();
      const fetches = archiveRequests(log);
      assert.deepEqual([...fetches.keys()].sort(), expected);
      assert.deepEqual([...new Set(fetches.values())], [1], 'each letter fetched once');
      const quarters = log.filter((e) => e.path.includes('/full-index/')).map((e) => e.path);
      assert.equal(new Set(quarters).size, quarters.length, 'each quarter read once');
      assert.ok(quarters.every((p) => p.endsWith('/master.gz')));
      assert.equal(log.filter((e) => e.path.includes('/submissions/')).length, 0, 'no per-company listing');
    } finally {
      await closeQueues(queues);
    }
    assert.deepEqual(await stopWorkers(workers), [0, 0]);
  });
});
