/**
 * What a distributed process builds from the Config: the queues, the Redis fair-access limiter shared with every
 * other process, the EDGAR client paced by it (with metrics hooks), the store and the archive (pipeline deps),
 * and the metrics. `serveQueues` is the body of `edgar-corresp worker` and of workers/*.worker.ts: serve the
 * named queues until SIGTERM/SIGINT, then finish the running jobs, close everything and return 0.
 */
import type { Config } from '../../config/env.ts';
import { createRedisLimiter, type RedisLimiter } from '../edgar/redis-limiter.ts';
import { ConfigError, describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { startDashboard } from '../ops/dashboard.ts';
import type { LocalServer } from '../ops/http-server.ts';
import { createMetrics, metricsHooks, type Metrics } from '../ops/metrics.ts';
import { startMetricsServer } from '../ops/metrics-server.ts';
import { bindStages } from '../pipeline/distributed-runner.ts';
import { ParsePool } from '../pipeline/parse-pool.ts';
import { openPipelineDeps, type OpenedPipelineDeps } from '../pipeline/open-pipeline-deps.ts';
import type { QueueName } from './queue-names.ts';
import { closeQueues, openQueues, type Queues } from './queues.ts';
import { checkRedis, type QueueConnection } from './redis-connection.ts';
import { createStageProcessors } from './stage-processors.ts';
import { serveUntilSignal, startWorkerPool } from './worker-pool.ts';

export interface DistributedRuntime {
  readonly connection: QueueConnection;
  readonly queues: Queues;
  readonly limiter: RedisLimiter;
  readonly deps: OpenedPipelineDeps;
  readonly metrics: Metrics;
  /** Closes everything opened here (deps, limiter, queues). */
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
  /** Commands that never contact EDGAR (status, a parse-only worker) need no User-Agent. */
  readonly offline?: boolean;
}

export async function openDistributedRuntime(config: Config, options: RuntimeOptions): Promise<DistributedRuntime> {
  const url = requireRedisUrl(config, options.command);
  await checkRedis(url);
  const connection: QueueConnection = { url, prefix: config.queuePrefix };
  const queues = openQueues(connection);
  const limiter = createRedisLimiter({ maxRps: config.edgar.maxRps, prefix: config.queuePrefix, redis: url });
  const metrics = createMetrics({ queues, lateGrants: () => limiter.lateGrants });
  try {
    const deps = await openPipelineDeps(config, {
      logger: options.logger,
      limiter,
      client: { hooks: metricsHooks(metrics) },
      offline: options.offline,
    });
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

/** Serves `names` until SIGTERM/SIGINT; resolves with the exit code once drained. */
export async function serveQueues(config: Config, names: readonly QueueName[], logger: Logger): Promise<number> {
  const needsEdgar = names.includes('discover') || names.includes('fetch');
  const runtime = await openDistributedRuntime(config, { command: 'worker', logger, offline: !needsEdgar });
  // Letters are built on worker threads: the event loop stays free to send each granted request at once.
  const parsePool = new ParsePool({ size: config.parseConcurrency, timeoutMs: config.parseTimeoutMs });
  const all = createStageProcessors({
    stages: bindStages({ ...runtime.deps, buildLetter: parsePool.buildLetter }),
    store: runtime.deps.store,
    queues: runtime.queues,
    log: logger,
    pausedUntil: () => runtime.limiter.pausedUntil(),
    observe: runtime.metrics.observeJob,
  });
  const pool = startWorkerPool({
    connection: runtime.connection,
    log: logger,
    processors: Object.fromEntries(names.map((name) => [name, all[name]])),
    concurrency: { discover: 1, fetch: config.fetchConcurrency, parse: config.parseConcurrency },
  });
  const servers: LocalServer[] = [];
  if (config.metricsPort !== null) servers.push(await startMetricsServer(runtime.metrics, config.metricsPort));
  if (config.dashboardPort !== null) {
    servers.push(await startDashboard(runtime.queues, config.dashboardPort, { auth: config.dashboardAuth }));
  }
  await Promise.all(pool.workers.map((worker) => worker.waitUntilReady()));
  logger.info(
    { queues: names, prefix: config.queuePrefix, metricsPort: config.metricsPort, dashboardPort: config.dashboardPort },
    'worker serving queues',
  );
  return serveUntilSignal({
    pool,
    log: logger,
    closeResources: async () => {
      await Promise.all(servers.map((server) => server.close()));
      await parsePool.close();
      await runtime.close();
    },
  });
}

/**
 * The whole of a worker entry point (workers/*.worker.ts): reads the Config, serves `names` and exits with the
 * drain's code; a configuration error prints its message and exits 2, as the CLI does.
 */
export async function workerMain(names: readonly QueueName[]): Promise<void> {
  const { loadConfig } = await import('../../config/env.ts');
  const { createLogger } = await import('../log.ts');
  let code: number;
  let logger: Logger | null = null;
  try {
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel });
    code = await serveQueues(config, names, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`edgar-corresp worker: ${error instanceof ConfigError ? message : describeError(error)}\n`);
    code = error instanceof ConfigError ? 2 : 1;
  }
  // Leave once the logs are written: nothing else should hold the process, but a stuck socket must not.
  if (logger) logger.flush(() => process.exit(code));
  else process.exit(code);
}
