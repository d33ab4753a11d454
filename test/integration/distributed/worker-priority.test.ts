/**
 * startWorker's two schedulings: `normal` (bench:distributed's default) is what a user's worker gets, nice 0 in a
 * session of its own, whatever the caller's raised priority; `raised` (the tests) is real-time round-robin.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { raisePriority, schedulingOf } from '../../replica/spawn.ts';
import { dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from '../store/postgres-test-server.ts';
import { clusterEnv, startWorker, stopWorkers, tempArchiveDir, type WorkerProcess } from './support/cluster.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from './support/redis.ts';

describe('worker priority', { timeout: 120_000 }, () => {
  it('normal: nice 0 in a session of its own under a raised caller; raised: real-time round-robin', async () => {
    const redisUrl = await requireSharedRedis();
    await requireTestPostgres();
    raisePriority();
    const archive = tempArchiveDir('priority');
    const schemaPrefix = uniqueSchemaPrefix('distprio');
    const prefix = uniquePrefix('priority');
    const unreachable = 'http://127.0.0.1:9';
    const env = clusterEnv({
      bases: { wwwUrl: unreachable, dataUrl: unreachable, eftsUrl: unreachable },
      redisUrl,
      prefix,
      schema: `${schemaPrefix}_a`,
      archiveDir: archive.dir,
    });
    const workers: WorkerProcess[] = [];
    try {
      workers.push(await startWorker(env, 'parse', 'normal'));
      const { session, nice, policy } = schedulingOf(workers[0]!.pid);
      assert.deepEqual({ session, nice, policy }, { session: workers[0]!.pid, nice: 0, policy: 0 });
      workers.push(await startWorker(env, 'parse', 'raised'));
      const raised = schedulingOf(workers[1]!.pid);
      assert.notEqual(raised.session, workers[1]!.pid, 'in the caller session');
      // Raising needs root or CAP_SYS_NICE; without them the worker keeps the normal policy.
      if (process.getuid?.() === 0) assert.equal(raised.policy, 2, 'round-robin');
      assert.deepEqual(await stopWorkers(workers), [0, 0]);
    } finally {
      await stopWorkers(workers);
      await deletePrefix(redisUrl, prefix);
      await dropSchemas(schemaPrefix);
      archive.remove();
    }
  });
});
