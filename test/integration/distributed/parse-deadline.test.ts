/**
 * The deadlines and limits of issue 9 in distributed mode, with a worker process: a submissions JSON over
 * EDGAR_MAX_RESPONSE_BYTES fails its target as EDGAR_BAD_RESPONSE for this run and is read again by the next;
 * a letter that parses past PARSE_TIMEOUT_MS fails once as BAD_INPUT timeout (its thread replaced, the worker
 * serving on); a submission bomb fails once as BAD_INPUT oversize and is never asked for again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BAD_INPUT_COMPANY } from '../../replica/data/index.ts';
import { SLOW_PARSE_ACCESSION } from '../../replica/data/slow-parse-company.ts';
import { spawnReplica } from '../../replica/spawn.ts';
import { requireTestPostgres, uniqueSchemaPrefix, dropSchemas } from '../store/postgres-test-server.ts';
import {
  archiveRequests,
  clusterEnv,
  runCliProcess,
  startWorker,
  stopWorkers,
  tempArchiveDir,
  type WorkerProcess,
} from './support/cluster.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from './support/redis.ts';

const DATASET = fileURLToPath(new URL('../../replica/data/slow-parse-company.ts', import.meta.url));
const MIB = 1024 * 1024;
const failed = (accession: string, stage: string, what: string) =>
  new RegExp(`${accession} \\S+ \\S+ at ${stage}: ${what}`);

describe('distributed deadlines and limits', { timeout: 300_000 }, () => {
  it('listing over the limit: this run only; slow parse: BAD_INPUT timeout once; bomb: BAD_INPUT oversize, never asked again', async () => {
    const redisUrl = await requireSharedRedis();
    await requireTestPostgres();
    const replica = await spawnReplica(['--dataset', DATASET, '--max-rps', '10', '--block-ms', '3000']);
    const archive = tempArchiveDir('deadline');
    const schemaPrefix = uniqueSchemaPrefix('distdeadline');
    const prefix = uniquePrefix('deadline');
    const env = clusterEnv(
      { bases: replica.bases, redisUrl, prefix, schema: `${schemaPrefix}_a`, archiveDir: archive.dir },
      { PARSE_TIMEOUT_MS: '5000', EDGAR_MAX_RESPONSE_BYTES: String(4 * MIB) },
    );
    const workers: WorkerProcess[] = [];
    try {
      await replica.injectFault({ path: '/submissions/', kind: 'gzip-bomb', inflatedBytes: 64 * MIB, count: 1 });
      const bombed = `/${BAD_INPUT_COMPANY.goodCorresp}.txt`;
      await replica.injectFault({ path: bombed, kind: 'gzip-bomb', inflatedBytes: 170 * MIB, count: Infinity });
      workers.push(await startWorker(env));

      const listing = await runCliProcess(['backfill', BAD_INPUT_COMPANY.cik], env, 90_000);
      assert.equal(listing.code, 1, listing.stderr);
      assert.match(listing.stderr, /target \S+ FAILED EDGAR_BAD_RESPONSE: .*over the limit of 4194304 bytes/);
      const asked = (await replica.log()).filter((e) => e.path.includes('/submissions/'));
      assert.equal(asked.length, 1, 'the oversize listing is not retried within the run');

      const first = await runCliProcess(['backfill', BAD_INPUT_COMPANY.cik], env, 90_000);
      assert.equal(first.code, 1, first.stderr);
      assert.match(first.stderr, failed(SLOW_PARSE_ACCESSION, 'parse', 'BAD_INPUT timeout: .*within 5000 ms'));
      assert.match(first.stderr, failed(BAD_INPUT_COMPANY.goodCorresp, 'fetch', 'BAD_INPUT oversize'));
      assert.match(first.stderr, / 1 stored, 0 already stored, 2 failed/);
      const bombAsked = archiveRequests(await replica.log()).get(BAD_INPUT_COMPANY.goodCorresp);
      assert.equal(bombAsked, 1, 'the bomb is asked for once');
      const from = (await replica.log()).length;
      const again = await runCliProcess(['backfill', BAD_INPUT_COMPANY.cik], env, 90_000);
      assert.equal(again.code, 1, again.stderr);
      assert.match(again.stderr, failed(SLOW_PARSE_ACCESSION, 'parse', 'BAD_INPUT timeout'));
      assert.match(again.stderr, failed(BAD_INPUT_COMPANY.goodCorresp, 'fetch', 'BAD_INPUT oversize'));
      assert.equal(archiveRequests(await replica.log(from)).size, 0, 'nothing fetched again');

      const status = await runCliProcess(['status'], env);
      const jobFailures = status.stdout.split('\n').filter((line) => /^ {2}(parse|fetch)\/\S+ after/.test(line));
      assert.ok(
        jobFailures.some((line) => /^ {2}parse\//.test(line)) && jobFailures.some((line) => /^ {2}fetch\//.test(line)),
        status.stdout,
      );
      assert.ok(
        jobFailures.every((line) => / after 1 attempt\(s\) \S+: BAD_INPUT: /.test(line)),
        `neither the timeout nor the bomb is retried: ${jobFailures.join('\n')}`,
      );
      assert.deepEqual(await stopWorkers(workers), [0], 'the worker served on and drains cleanly');
    } finally {
      for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      await replica.close();
      await deletePrefix(redisUrl, prefix);
      archive.remove();
      await dropSchemas(schemaPrefix);
    }
  });
});
