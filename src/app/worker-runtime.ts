/**
 * The body of `edgar-corresp worker` and of workers/*.worker.ts: serve the named queues until SIGTERM/SIGINT,
 * then finish the running jobs, close everything and return 0. The stop signals are listened for before
 * anything is announced, so a signal at any moment of start-up drains instead of killing the process.
 */
import type { Config } from '../../config/env.ts';
import { ConfigError, describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { startDashboard } from '../ops/dashboard.ts';
import type { LocalServer } from '../ops/http-server.ts';
import { startMetricsServer } from '../ops/metrics-server.ts';
import { createStageProcessors } from '../pipeline/distributed/stage-processors.ts';
import type { QueueName } from '../queue/queue-names.ts';
import { serveUntilStopped, startWorkerPool } from '../queue/worker-pool.ts';
import { openDistributedRuntime, type DistributedRuntime } from './distributed-runtime.ts';
import { listenForStop, type StopSignals } from './stop-signals.ts';

async function startServing(config: Config, names: readonly QueueName[], logger: Logger, runtime: DistributedRuntime) {
  const all = createStageProcessors({
    deps: runtime.deps,
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
  if (config.dashboardPort !== null) servers.push(await startDashboard(runtime.queues, config.dashboardPort));
  await Promise.all(pool.workers.map((worker) => worker.waitUntilReady()));
  return { pool, servers };
}

/**
 * Serves `names` until a stop signal; resolves with the exit code once drained. `signals`: listened for by the
 * caller since start-up (the entry points); default: listened for from here.
 */
export async function serveQueues(
  config: Config,
  names: readonly QueueName[],
  logger: Logger,
  signals: StopSignals = listenForStop(),
): Promise<number> {
  try {
    const needsEdgar = names.includes('discover') || names.includes('fetch');
    const runtime = await openDistributedRuntime(config, {
      command: 'worker',
      logger,
      offline: !needsEdgar,
      // Letters are built on worker threads: the event loop stays free to send each granted request at once.
      parsePool: names.includes('parse') ? { size: config.parseConcurrency } : undefined,
    });
    const { pool, servers } = await startServing(config, names, logger, runtime).catch(async (error: unknown) => {
      await runtime.close();
      throw error;
    });
    logger.info(
      {
        queues: names,
        prefix: config.queuePrefix,
        metricsPort: config.metricsPort,
        dashboardPort: config.dashboardPort,
      },
      'worker serving queues',
    );
    return await serveUntilStopped({
      pool,
      log: logger,
      stop: signals.stop,
      force: signals.force,
      closeResources: async () => {
        await Promise.all(servers.map((server) => server.close()));
        await runtime.close();
      },
    });
  } finally {
    signals.dispose();
  }
}

/**
 * The whole of a worker entry point (workers/*.worker.ts): reads the Config, serves `names` and exits with the
 * drain's code; a configuration error prints its message and exits 2, as the CLI does.
 */
export async function workerMain(names: readonly QueueName[], signals: StopSignals = listenForStop()): Promise<void> {
  const { loadConfig } = await import('../../config/env.ts');
  const { createLogger } = await import('../log.ts');
  let code: number;
  let logger: Logger | null = null;
  try {
    const config = loadConfig();
    logger = createLogger({ level: config.logLevel });
    logger.info({ queues: names }, 'worker starting');
    code = await serveQueues(config, names, logger, signals);
  } catch (error) {
    signals.dispose();
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`edgar-corresp worker: ${error instanceof ConfigError ? message : describeError(error)}\n`);
    code = error instanceof ConfigError ? 2 : 1;
  }
  // Leave once the logs are written: nothing else should hold the process, but a stuck socket must not.
  if (logger) logger.flush(() => process.exit(code));
  else process.exit(code);
}
