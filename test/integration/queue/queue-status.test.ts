import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../../src/log.ts';
import { badInput } from '../../../src/submission/bad-input.ts';
import { createJobProcessor } from '../../../src/queue/job-processor.ts';
import { upsertCrawlScheduler } from '../../../src/queue/producers.ts';
import { formatQueueStatus, loadQueueStatus } from '../../../src/queue/queue-status.ts';
import { closeQueues, openQueues, type Queues } from '../../../src/queue/queues.ts';
import type { QueueConnection } from '../../../src/queue/redis-connection.ts';
import { startWorkerPool } from '../../../src/queue/worker-pool.ts';
import { z } from 'zod';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

describe('queue status', () => {
  let connection: QueueConnection;
  let queues: Queues;

  before(async () => {
    connection = { url: await requireSharedRedis(), prefix: uniquePrefix('status') };
    queues = openQueues(connection);
  });
  after(async () => {
    await closeQueues(queues);
    await deletePrefix(connection.url, connection.prefix);
  });

  it('shows the depth of each queue, the crawl scheduler and failed jobs with their reasons', async () => {
    await queues.fetch.add('fetch', {}, { jobId: '0001193125-14-000001' });
    await queues.fetch.add('fetch', {}, { jobId: '0001193125-14-000002', delay: 60_000 });
    await upsertCrawlScheduler(queues, 15 * 60_000, ['CORRESP', 'UPLOAD']);
    const pool = startWorkerPool({
      connection,
      log: silentLogger,
      processors: {
        parse: createJobProcessor({
          queue: 'parse',
          schema: z.object({}),
          log: silentLogger,
          run: async () => {
            throw badInput('corrupt-pdf', '0001193125-14-000003', 'the PDF has no xref table');
          },
        }),
      },
    });
    await queues.parse.add('parse', {}, { jobId: '0001193125-14-000003' });
    for (let i = 0; i < 200 && (await queues.parse.getJobState('0001193125-14-000003')) !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await pool.close();

    const status = await loadQueueStatus(queues);
    assert.equal(status.counts.fetch.waiting, 1);
    assert.equal(status.counts.fetch.delayed, 1);
    assert.equal(status.counts.parse.failed, 1);
    assert.equal(status.counts.discover.delayed + status.counts.discover.waiting, 1, 'the first crawl pass');
    assert.deepEqual(
      status.failed.map((job) => [job.queue, job.id, job.code]),
      [['parse', '0001193125-14-000003', 'BAD_INPUT']],
    );
    const text = formatQueueStatus(status);
    assert.match(text, /^ {2}fetch {5}waiting 1, active 0, delayed 1, failed 0/m);
    assert.match(text, /scheduler crawl: every 15 min/);
    assert.match(
      text,
      /parse\/0001193125-14-000003 after 1 attempt\(s\) .*: BAD_INPUT: 0001193125-14-000003: the PDF has no xref/,
    );
  });
});
