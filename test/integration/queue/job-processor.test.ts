import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import { z } from 'zod';
import { EdgarThrottledError, EdgarUnavailableError } from '../../../src/errors.ts';
import { badInput } from '../../../src/submission/bad-input.ts';
import { silentLogger } from '../../../src/log.ts';
import { createJobProcessor } from '../../../src/queue/job-processor.ts';
import type { JobFailure } from '../../../src/queue/job-errors.ts';
import { addUniqueJob } from '../../../src/queue/producers.ts';
import { closeQueues, openQueues, type Queues } from '../../../src/queue/queues.ts';
import type { QueueConnection } from '../../../src/queue/redis-connection.ts';
import { startWorkerPool, type WorkerPool } from '../../../src/queue/worker-pool.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

const Payload = z.object({ n: z.number() });

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('queue jobs bound to a stage', () => {
  let connection: QueueConnection;
  let queues: Queues;
  const pools: WorkerPool[] = [];

  before(async () => {
    connection = { url: await requireSharedRedis(), prefix: uniquePrefix('jobs') };
    queues = openQueues(connection);
  });
  after(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
    await closeQueues(queues);
    await deletePrefix(connection.url, connection.prefix);
  });

  function serveFetch(run: (payload: { n: number }) => Promise<unknown>, extra: Record<string, unknown> = {}) {
    const failures: Array<{ payload: { n: number }; failure: JobFailure }> = [];
    const pool = startWorkerPool({
      connection,
      log: silentLogger,
      processors: {
        fetch: createJobProcessor({
          queue: 'fetch',
          schema: Payload,
          log: silentLogger,
          run,
          onFinalFailure: async (payload, failure) => {
            failures.push({ payload, failure });
          },
          ...extra,
        }),
      },
    });
    pools.push(pool);
    return { pool, failures };
  }

  const finished = (id: string) =>
    waitFor(`job ${id} to finish`, async () => {
      // State first: a job read before its state could be an older snapshot of it.
      const state = await queues.fetch.getJobState(id);
      return state === 'completed' || state === 'failed' ? ((await queues.fetch.getJob(id)) as Job) : null;
    });

  it('retries a transient failure with backoff and completes, the error having been rethrown', async () => {
    let calls = 0;
    const { pool, failures } = serveFetch(async () => {
      calls += 1;
      if (calls === 1) throw new EdgarUnavailableError('https://www.sec.gov/x', 503, 'EDGAR answered 503');
      return { ok: true };
    });
    await queues.fetch.add('fetch', { n: 1 }, { jobId: 'retry-1', backoff: { type: 'fixed', delay: 10 } });
    const job = await finished('retry-1');
    await pool.close();
    assert.equal(await job.getState(), 'completed');
    assert.equal(job.attemptsMade, 2, 'two attempts made');
    assert.equal(calls, 2);
    assert.deepEqual(failures, []);
  });

  it('fails bad input at once, keeps the reason with its stable code and records the final failure once', async () => {
    let calls = 0;
    const { pool, failures } = serveFetch(async () => {
      calls += 1;
      throw badInput('truncated-submission', '0001193125-14-000946', 'no </DOCUMENT> after <DOCUMENT> 1');
    });
    await queues.fetch.add('fetch', { n: 2 }, { jobId: 'bad-2' });
    const job = await finished('bad-2');
    await pool.close();
    assert.equal(await job.getState(), 'failed');
    assert.equal(calls, 1);
    assert.match(job.failedReason, /^BAD_INPUT: 0001193125-14-000946: no <\/DOCUMENT>/);
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.failure.code, 'BAD_INPUT');
    assert.deepEqual(failures[0]!.payload, { n: 2 });
  });

  it('fails a job after its last attempt with the code of the last error', async () => {
    const { pool, failures } = serveFetch(async () => {
      throw new EdgarUnavailableError('https://www.sec.gov/x', 503, 'EDGAR answered 503');
    });
    await queues.fetch.add('fetch', { n: 3 }, { jobId: 'spent-3', attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    const job = await finished('spent-3');
    await pool.close();
    assert.equal(await job.getState(), 'failed');
    assert.equal(job.attemptsMade, 3);
    assert.match(job.failedReason, /^EDGAR_UNAVAILABLE: /);
    assert.equal(failures.length, 1);
  });

  it('refuses a payload that does not fit its schema without running the stage', async () => {
    let calls = 0;
    const { pool, failures } = serveFetch(async () => {
      calls += 1;
    });
    await queues.fetch.add('fetch', { n: 'four' }, { jobId: 'invalid-4' });
    const job = await finished('invalid-4');
    await pool.close();
    assert.equal(await job.getState(), 'failed');
    assert.match(job.failedReason, /^BAD_INPUT: invalid job payload/);
    assert.equal(job.attemptsMade, 1);
    assert.equal(calls, 0);
    assert.deepEqual(failures, []);
  });

  it('delays a job that met the rate-limit page until the shared pause ends, spending no attempt', async () => {
    let calls = 0;
    const pauseEnds = Date.now() + 1500;
    const { pool } = serveFetch(
      async () => {
        calls += 1;
        if (calls === 1) throw new EdgarThrottledError('https://www.sec.gov/x', 403, 'rate limit page');
        return Date.now();
      },
      { pausedUntil: async () => pauseEnds },
    );
    await queues.fetch.add('fetch', { n: 5 }, { jobId: 'throttled-5' });
    const job = await finished('throttled-5');
    await pool.close();
    assert.equal(await job.getState(), 'completed');
    assert.equal(calls, 2);
    assert.equal(job.attemptsMade, 1, 'the throttled run spent no attempt');
    assert.ok(Number(job.returnvalue) >= pauseEnds, 'ran again only after the pause');
  });

  it('keeps one job per id while it waits, and replaces it once it has finished', async () => {
    const id = '0001193125-14-000946';
    await addUniqueJob(queues.fetch, 'fetch', { n: 1 }, id);
    await addUniqueJob(queues.fetch, 'fetch', { n: 2 }, id);
    assert.equal(await queues.fetch.getJobCountByTypes('waiting'), 1);
    assert.deepEqual((await queues.fetch.getJob(id))?.data, { n: 1 });

    const { pool } = serveFetch(async () => {
      throw badInput('corrupt-pdf', id, 'test');
    });
    await finished(id);
    await pool.close();
    assert.equal(await queues.fetch.getJobState(id), 'failed');
    await addUniqueJob(queues.fetch, 'fetch', { n: 3 }, id);
    assert.equal(await queues.fetch.getJobState(id), 'waiting');
    assert.deepEqual((await queues.fetch.getJob(id))?.data, { n: 3 });
    await queues.fetch.remove(id);
  });
});
