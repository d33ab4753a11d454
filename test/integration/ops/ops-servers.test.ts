import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEdgarClient } from '../../../src/edgar/client.ts';
import { createEndpoints } from '../../../src/edgar/endpoints.ts';
import { EdgarNotFoundError } from '../../../src/errors.ts';
import { startDashboard } from '../../../src/ops/dashboard.ts';
import { createMetrics, metricsHooks } from '../../../src/ops/metrics.ts';
import { startMetricsServer } from '../../../src/ops/metrics-server.ts';
import { closeQueues, openQueues, type Queues } from '../../../src/queue/queues.ts';
import type { QueueConnection } from '../../../src/queue/redis-connection.ts';
import { startReplica } from '../../replica/server.ts';
import { TINY, tinyDataset } from '../../replica/tiny-dataset.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

describe('operations servers', () => {
  let connection: QueueConnection;
  let queues: Queues;

  before(async () => {
    connection = { url: await requireSharedRedis(), prefix: uniquePrefix('ops') };
    queues = openQueues(connection);
  });
  after(async () => {
    await closeQueues(queues);
    await deletePrefix(connection.url, connection.prefix);
  });

  it('serves EDGAR requests by status, pauses, late grants, jobs and queue depths as Prometheus text on 127.0.0.1', async () => {
    const metrics = createMetrics({ queues, processMetrics: false, lateGrants: () => 2 });
    const replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: 3, blockMs: 200 } });
    const client = createEdgarClient({
      config: { userAgent: 'Ops Tests ops@example.com', ...replica.bases, maxRps: 10, blockCooldownMs: 300 },
      hooks: metricsHooks(metrics),
      retry: { maxAttempts: 1, maxThrottleRounds: 1 },
    });
    const urls = createEndpoints(replica.bases);
    try {
      await client.get(urls.submissions(TINY.cik));
      await client.get(urls.submissions(TINY.cik));
      await assert.rejects(client.get(urls.submissions('999')), EdgarNotFoundError);
      // Past the replica's 3 a second: the rate-limit page, one pause, then the request succeeds.
      await Promise.all([1, 2, 3].map(() => client.get(urls.submissions(TINY.cik)).catch(() => null)));
    } finally {
      await client.close();
      await replica.close();
    }
    metrics.observeJob('fetch', 'completed', 0.2);
    metrics.observeJob('parse', 'failed', 0.01);
    await queues.fetch.add('fetch', { x: 1 }, { jobId: 'depth-1' });

    const server = await startMetricsServer(metrics, 0);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.match(text, /^edgar_corresp_edgar_requests_total\{status="200"\} ([2-9]|\d\d)$/m);
      assert.match(text, /^edgar_corresp_edgar_requests_total\{status="404"\} 1$/m);
      assert.match(text, /^edgar_corresp_edgar_requests_total\{status="403"\} [1-9]$/m);
      assert.match(text, /^edgar_corresp_edgar_pauses_total [1-9]$/m);
      assert.match(text, /^edgar_corresp_limiter_late_grants_total 2$/m);
      assert.match(text, /^edgar_corresp_edgar_request_seconds_count\{status="404"\} 1$/m);
      assert.match(text, /^edgar_corresp_jobs_total\{queue="fetch",outcome="completed"\} 1$/m);
      assert.match(text, /^edgar_corresp_jobs_total\{queue="parse",outcome="failed"\} 1$/m);
      assert.match(text, /^edgar_corresp_job_seconds_count\{queue="fetch",outcome="completed"\} 1$/m);
      assert.match(text, /^edgar_corresp_queue_jobs\{queue="fetch",state="waiting"\} 1$/m);
      assert.match(text, /^edgar_corresp_queue_jobs\{queue="parse",state="waiting"\} 0$/m);
      assert.equal((await fetch(`http://127.0.0.1:${server.port}/other`)).status, 404);
    } finally {
      await server.close();
    }
  });

  it('serves the queue dashboard on 127.0.0.1 with the three queues and their jobs', async () => {
    await queues.parse.add('parse', { y: 2 }, { jobId: '0001193125-14-000946' });
    const server = await startDashboard(queues, 0);
    try {
      const page = await fetch(`http://127.0.0.1:${server.port}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<html/i);
      const api = await fetch(`http://127.0.0.1:${server.port}/api/queues?activeQueue=parse&status=waiting&page=1`);
      assert.equal(api.status, 200);
      const body = (await api.json()) as {
        queues: Array<{ name: string; counts: Record<string, number>; jobs: Array<{ id: string }> }>;
      };
      assert.deepEqual(body.queues.map((queue) => queue.name).sort(), ['discover', 'fetch', 'parse']);
      const parse = body.queues.find((queue) => queue.name === 'parse')!;
      assert.equal(parse.counts.waiting, 1);
      assert.deepEqual(
        parse.jobs.map((job) => job.id),
        ['0001193125-14-000946'],
      );
    } finally {
      await server.close();
    }
  });
});
