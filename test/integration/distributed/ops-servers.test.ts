import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EdgarClient, EdgarResponse } from '../../../src/edgar/client.ts';
import type { FairAccessLimiter } from '../../../src/edgar/limiter.ts';
import { EdgarNotFoundError } from '../../../src/errors.ts';
import { startDashboard } from '../../../src/ops/dashboard.ts';
import { createMetrics, instrumentClient, instrumentLimiter } from '../../../src/ops/metrics.ts';
import { startMetricsServer } from '../../../src/ops/metrics-server.ts';
import { closeQueues, openQueues, type Queues } from '../../../src/queue/queues.ts';
import type { QueueConnection } from '../../../src/queue/redis-connection.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from './support/redis.ts';

const answer = (url: string): EdgarResponse => ({
  url,
  status: 200,
  headers: {},
  body: Buffer.from('{}'),
  notModified: false,
});

const fakeClient: EdgarClient = {
  get: async (url) => {
    if (url.endsWith('/missing')) throw new EdgarNotFoundError(url, 404, 'no such filing');
    return answer(url);
  },
  getJson: async () => ({}),
  getText: async () => '',
  close: async () => {},
};

const fakeLimiter: FairAccessLimiter = {
  acquire: async () => {},
  pause: async () => {},
  pausedUntil: async () => 0,
  close: async () => {},
};

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

  it('serves EDGAR requests by status, pauses, jobs and queue depths as Prometheus text on 127.0.0.1', async () => {
    const metrics = createMetrics({ queues, processMetrics: false });
    const client = instrumentClient(fakeClient, metrics);
    const limiter = instrumentLimiter(fakeLimiter, metrics);
    await client.get('https://www.sec.gov/ok');
    await client.get('https://www.sec.gov/ok');
    await assert.rejects(client.get('https://www.sec.gov/missing'), EdgarNotFoundError);
    await limiter.pause(Date.now() + 1000);
    metrics.observeJob('fetch', 'completed', 0.2);
    metrics.observeJob('parse', 'failed', 0.01);
    await queues.fetch.add('fetch', { x: 1 }, { jobId: 'depth-1' });

    const server = await startMetricsServer(metrics, 0);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.match(text, /^edgar_corresp_edgar_requests_total\{status="200"\} 2$/m);
      assert.match(text, /^edgar_corresp_edgar_requests_total\{status="404"\} 1$/m);
      assert.match(text, /^edgar_corresp_edgar_pauses_total 1$/m);
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
