/**
 * The distributed runner in one process, for direct tests: the stand-in company of the pipeline unit tests
 * (stand-in EDGAR client and letter builder, real SQLite store and archive), real BullMQ queues on the shared
 * Redis under a unique prefix, and a worker pool serving them with the real stage processors.
 */
import type { Processor } from 'bullmq';
import { silentLogger } from '../../../../src/log.ts';
import { createDistributedRunner } from '../../../../src/pipeline/distributed/distributed-runner.ts';
import { createStageProcessors } from '../../../../src/pipeline/distributed/stage-processors.ts';
import type { PipelineRunner } from '../../../../src/pipeline/runner.ts';
import type { QueueName } from '../../../../src/queue/queue-names.ts';
import { closeQueues, openQueues, type Queues } from '../../../../src/queue/queues.ts';
import { startWorkerPool } from '../../../../src/queue/worker-pool.ts';
import { withCompany } from '../../../unit/pipeline/support/stand-in-company.ts';
import type { Harness } from '../../../unit/pipeline/support/stand-ins.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../../distributed/support/redis.ts';

export interface InProcessCluster {
  readonly h: Harness;
  readonly queues: Queues;
  readonly runner: PipelineRunner;
}

/**
 * Runs `work` against a fresh stand-in company and fresh queues; `processors` replaces some of the real ones.
 */
export async function withCluster(
  label: string,
  work: (cluster: InProcessCluster) => Promise<void>,
  processors: Partial<Record<QueueName, Processor>> = {},
): Promise<void> {
  const url = await requireSharedRedis();
  const connection = { url, prefix: uniquePrefix(label) };
  await withCompany(async (h) => {
    const queues = openQueues(connection);
    const real = createStageProcessors({ deps: h.deps, queues, log: silentLogger, threadsDelayMs: 200 });
    const pool = startWorkerPool({
      connection,
      log: silentLogger,
      processors: { ...real, ...processors },
      concurrency: { fetch: 2, parse: 2 },
    });
    try {
      await Promise.all(pool.workers.map((worker) => worker.waitUntilReady()));
      await work({ h, queues, runner: createDistributedRunner({ deps: h.deps, queues, pollMs: 50 }) });
    } finally {
      await pool.close();
      await closeQueues(queues);
      await deletePrefix(url, connection.prefix);
    }
  });
}
