import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnReplica, type ChildReplica } from '../../replica/spawn.ts';
import { dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from '../store/postgres-test-server.ts';
import {
  archiveRequests,
  clusterEnv,
  runCliProcess,
  startWorker,
  stopWorkers,
  tempArchiveDir,
  type ClusterSettings,
  type WorkerProcess,
} from './support/cluster.ts';
import { BAD_INPUT_COMPANY } from '../../replica/data/index.ts';
import { expectedLetters } from './support/dataset.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from './support/redis.ts';

const DATASET = fileURLToPath(new URL('./support/dataset.ts', import.meta.url));

describe('distributed commands', { concurrency: false, timeout: 180_000 }, () => {
  let replica: ChildReplica;
  let redisUrl: string;
  let expected: string[];
  const schemaPrefix = uniqueSchemaPrefix('distcli');
  const prefixes: string[] = [];
  const archives: Array<{ dir: string; remove(): void }> = [];
  const started: WorkerProcess[] = [];

  before(async () => {
    redisUrl = await requireSharedRedis();
    await requireTestPostgres();
    expected = await expectedLetters();
    replica = await spawnReplica(['--dataset', DATASET, '--max-rps', '10', '--block-ms', '3000']);
  });
  after(async () => {
    for (const worker of started) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await replica?.close();
    for (const prefix of prefixes) await deletePrefix(redisUrl, prefix);
    for (const archive of archives) archive.remove();
    await dropSchemas(schemaPrefix);
  });

  function settings(label: string): ClusterSettings {
    const prefix = uniquePrefix(label);
    prefixes.push(prefix);
    const archive = tempArchiveDir(label);
    archives.push(archive);
    return { bases: replica.bases, redisUrl, prefix, schema: `${schemaPrefix}_${label}`, archiveDir: archive.dir };
  }

  it('refuses worker, enqueue and crawl --interval without REDIS_URL where they need it, naming it (exit 2)', async () => {
    const env = { PATH: process.env.PATH, EDGAR_USER_AGENT: 'Cli Tests cli@example.com' };
    for (const args of [['worker'], ['enqueue', '001-35126']]) {
      const run = await runCliProcess(args, env);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /set REDIS_URL, e\.g\. REDIS_URL=redis:\/\/127\.0\.0\.1:6379\/0/);
    }
    const badQueues = await runCliProcess(['worker', '--queues', 'fetch,store'], { ...env, REDIS_URL: redisUrl });
    assert.equal(badQueues.code, 2);
    assert.match(badQueues.stderr, /unknown queue "store"/);
    const badInterval = await runCliProcess(['crawl', '--interval', 'soon'], env);
    assert.equal(badInterval.code, 2);
    assert.match(badInterval.stderr, /--interval "soon": use a duration such as 90s, 15m or 1h/);
  });

  it('enqueue returns at once with the job ids; crawl installs its job scheduler; status shows both', async () => {
    const cluster = settings('enqueue');
    const env = clusterEnv(cluster, { LOG_LEVEL: 'warn' });
    const enqueued = await runCliProcess(['enqueue', '001-35126', '0001508475', 'VNET'], env);
    assert.equal(enqueued.code, 0, enqueued.stderr);
    assert.equal(enqueued.stdout, 'file-number=001-35126\ncik=1508475\nticker=VNET\n');
    const again = await runCliProcess(['enqueue', '001-35126'], env);
    assert.equal(again.code, 0);

    const crawl = await runCliProcess(['crawl', '--interval', '30m'], env);
    assert.equal(crawl.code, 0, crawl.stderr);
    assert.match(crawl.stderr, /crawl scheduled: a pass every 30m/);

    const status = await runCliProcess(['status'], env);
    assert.equal(status.code, 0, status.stderr);
    // One job per target (the second enqueue added none) and the scheduler's first crawl pass.
    assert.match(status.stdout, /^ {2}discover {2}waiting 4,/m);
    assert.match(status.stdout, /scheduler crawl: every 30 min, next /);
  });

  it('crawl --once (embedded) stores the newly disseminated letters; the next pass fetches nothing again', async () => {
    const cluster = settings('crawlonce');
    const env = clusterEnv(cluster, {
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      STORE_URL: `sqlite:${join(cluster.archiveDir, 'store.sqlite')}`,
      ARCHIVE_DIR: join(cluster.archiveDir, 'archive'),
    });
    await replica.reset();
    const first = await runCliProcess(['crawl', '--once', '--since', '2025-06-02'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, new RegExp(`${expected.length} stored`));
    assert.deepEqual([...archiveRequests(await replica.log()).keys()].sort(), expected);

    await replica.reset();
    const second = await runCliProcess(['crawl', '--once'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(archiveRequests(await replica.log()).size, 0);
    const status = await runCliProcess(['status'], env);
    assert.match(status.stdout, new RegExp(`letters stored: ${expected.length}`));
  });

  it('crawl --once with REDIS_URL: the workers make the pass and the command reports it like backfill', async () => {
    const cluster = settings('crawldist');
    const env = clusterEnv(cluster);
    await replica.reset();
    const workers = await Promise.all([startWorker(env), startWorker(env)]);
    started.push(...workers);
    const run = await runCliProcess(['crawl', '--once'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`${expected.length} stored`));
    assert.deepEqual([...archiveRequests(await replica.log()).keys()].sort(), expected);
    assert.ok((await replica.stats()).peakInAnySecond <= 10);
    assert.deepEqual(await stopWorkers(workers), [0, 0]);
  });
});

describe('distributed backfill of bad input', { timeout: 180_000 }, () => {
  it('fails each bad filing once with its reason, stores the good letters and exits 1, as embedded', async () => {
    const redisUrl = await requireSharedRedis();
    await requireTestPostgres();
    const replica = await spawnReplica([
      '--dataset',
      fileURLToPath(new URL('./support/bad-input-dataset.ts', import.meta.url)),
      '--max-rps',
      '10',
      '--block-ms',
      '3000',
    ]);
    const archive = tempArchiveDir('badinput');
    const cluster: ClusterSettings = {
      bases: replica.bases,
      redisUrl,
      prefix: uniquePrefix('badinput'),
      schema: uniqueSchemaPrefix('distbad'),
      archiveDir: archive.dir,
    };
    const workers: WorkerProcess[] = [];
    try {
      const env = clusterEnv(cluster);
      workers.push(...(await Promise.all([startWorker(env), startWorker(env)])));
      const run = await runCliProcess(['backfill', BAD_INPUT_COMPANY.cik], env);
      assert.equal(run.code, 1, run.stderr);
      for (const reason of [
        'truncated-submission',
        'missing-header',
        'broken-uuencode',
        'corrupt-pdf',
        'encrypted-pdf',
      ]) {
        assert.match(run.stderr, new RegExp(` at parse: BAD_INPUT ${reason}: \\S`));
      }
      const status = await runCliProcess(['status'], env);
      // (delayed: at most the company's pending thread rebuild)
      assert.match(status.stdout, /^ {2}parse {5}waiting 0, active 0, delayed [01], failed [5-9],/m);
      const failedJobs = status.stdout.split('\n').filter((line) => /^ {2}parse\/\S+ after/.test(line));
      assert.ok(failedJobs.length >= 5);
      assert.ok(
        failedJobs.every((line) => / after 1 attempt\(s\) \S+: BAD_INPUT: /.test(line)),
        'bad input is not retried, and its reason starts with the code',
      );
      assert.match(status.stdout, new RegExp(`letters stored: [1-9]`));
      assert.deepEqual(await stopWorkers(workers), [0, 0]);
    } finally {
      // A failed assertion must not leave workers behind: they would keep this test file from ending.
      for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await replica.close();
      await deletePrefix(redisUrl, cluster.prefix);
      await dropSchemas(cluster.schema);
      archive.remove();
    }
  });
});
