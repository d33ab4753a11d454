/**
 * What a distributed process builds from the Config: the queues, the Redis fair-access limiter shared with every
 * other process, the EDGAR client paced by it (with metrics hooks), the store, the archive and (for workers)
 * the parse pool — the pipeline deps — and the metrics. Whoever opens a runtime closes it.
 */
import { fullIndexProgress } from '../pipeline/full-index-stage.ts';
import type { DocumentStore } from '../store/document-store.ts';
import type { Config } from '../../config/env.ts';
import { createRedisLimiter, type RedisLimiter } from '../edgar/redis-limiter.ts';
import { ConfigError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { createMetrics, metricsHooks, type Metrics } from '../ops/metrics.ts';
import type { ParsePoolOptions } from '../pipeline/parse-pool.ts';
import { closeQueues, openQueues, type Queues } from '../queue/queues.ts';
import { checkRedis, type QueueConnection } from '../queue/redis-connection.ts';
import { openPipelineDeps, type OpenedPipelineDeps } from './open-pipeline-deps.ts';

export interface DistributedRuntime {
  readonly connection: QueueConnection;
  readonly queues: Queues;
  readonly limiter: RedisLimiter;
  readonly deps: OpenedPipelineDeps;
  readonly metrics: Metrics;
  /** Closes everything opened here (deps and their parse pool, limiter, queues). */
  close(): Promise<void>;
}

/** REDIS_URL, or a ConfigError (exit 2) saying that this command is for distributed mode. */
export function requireRedisUrl(config: Config, command: string): string {
  if (config.redisUrl === null) {
    throw new ConfigError(
      `${command} runs in distributed mode: set REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6379/0 (and a shared STORE_URL and ARCHIVE_DIR for every process)`,
    );
  }
  return config.redisUrl;
}

export interface RuntimeOptions {
  readonly command: string;
  readonly logger: Logger;
  /** Processes that never contact EDGAR (the CLI following a run, a parse-only worker) need no User-Agent. */
  readonly offline?: boolean;
  /** Letters are built on these worker threads (workers serving the parse queue). */
  readonly parsePool?: ParsePoolOptions;
}

export async function openDistributedRuntime(config: Config, options: RuntimeOptions): Promise<DistributedRuntime> {
  const url = requireRedisUrl(config, options.command);
  await checkRedis(url);
  const connection: QueueConnection = { url, prefix: config.queuePrefix };
  const queues = openQueues(connection);
  const limiter = createRedisLimiter({ maxRps: config.edgar.maxRps, prefix: config.queuePrefix, redis: url });
  // The store opens after the metrics (its client reports to them): the gauges read it once it is there.
  let store: DocumentStore | null = null;
  const metrics = createMetrics({
    queues,
    lateGrants: () => limiter.lateGrants,
    fullIndex: () => (store ? fullIndexProgress(store) : Promise.resolve(null)),
  });
  try {
    const deps = await openPipelineDeps(config, {
      logger: options.logger,
      limiter,
      client: { hooks: metricsHooks(metrics) },
      offline: options.offline,
      parsePool: options.parsePool,
    });
    store = deps.store;
    return {
      connection,
      queues,
      limiter,
      deps,
      metrics,
      async close() {
        await deps.close();
        await limiter.close();
        await closeQueues(queues);
      },
    };
  } catch (error) {
    await limiter.close();
    await closeQueues(queues);
    throw error;
  }
}

/** The queues alone (enqueue): REDIS_URL required and checked; the caller closes them (closeQueues). */
export async function openQueuesFor(config: Config, command: string): Promise<Queues> {
  const url = requireRedisUrl(config, command);
  await checkRedis(url);
  return openQueues({ url, prefix: config.queuePrefix });
}
