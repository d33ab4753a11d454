/**
 * The BullMQ workers of one process, one per served queue, and their graceful shutdown: when told to stop
 * (SIGTERM or SIGINT) every worker stops taking jobs, finishes the ones it runs, and the process closes its
 * connections and exits 0.
 * A job cut short by a crash (kill -9, lost machine) is not lost: its lock expires, the stalled-job check of any
 * live worker puts it back in the queue, and another worker runs it (processors are idempotent).
 */
import { hostname } from 'node:os';
import { Worker, type Processor } from 'bullmq';
import type { Logger } from '../log.ts';
import { bullConnection, type QueueConnection } from './redis-connection.ts';
import type { QueueName } from './queue-names.ts';

export interface WorkerPoolOptions {
  readonly connection: QueueConnection;
  /** The queues this process serves, each bound to its processor. */
  readonly processors: Partial<Record<QueueName, Processor>>;
  /** Jobs in flight per queue in this process; default 1. */
  readonly concurrency?: Partial<Record<QueueName, number>>;
  readonly log: Logger;
  /** Lock of a running job, renewed at half this; a crashed worker's jobs come back after it. Default 20 s. */
  readonly lockDurationMs?: number;
  /** How often stalled jobs are looked for. Default 10 s. */
  readonly stalledIntervalMs?: number;
}

export interface WorkerPool {
  readonly workers: readonly Worker[];
  /** Stops taking jobs, waits for the running ones, closes the workers' connections. Idempotent. */
  close(): Promise<void>;
}

export function startWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const workers: Worker[] = [];
  for (const [queue, processor] of Object.entries(options.processors) as Array<[QueueName, Processor]>) {
    const worker = new Worker(queue, processor, {
      connection: bullConnection(options.connection),
      prefix: options.connection.prefix,
      name: `${hostname()}:${process.pid}`,
      concurrency: options.concurrency?.[queue] ?? 1,
      lockDuration: options.lockDurationMs ?? 20_000,
      stalledInterval: options.stalledIntervalMs ?? 10_000,
      // A job may be picked up again after a crash twice before it is failed as stalled.
      maxStalledCount: 2,
    });
    worker.on('error', (error) => options.log.warn({ queue, err: error.message }, 'worker connection error'));
    worker.on('stalled', (jobId) => options.log.warn({ queue, jobId }, 'stalled job put back in the queue'));
    workers.push(worker);
  }
  let closing: Promise<void> | null = null;
  return {
    workers,
    close() {
      closing ??= Promise.all(workers.map((worker) => worker.close())).then(() => undefined);
      return closing;
    },
  };
}

export interface ServeOptions {
  readonly pool: WorkerPool;
  /** Closes what the process built besides the workers (store, client, limiter, servers). */
  readonly closeResources: () => Promise<void>;
  readonly log: Logger;
  /** Aborted to drain (the first SIGTERM/SIGINT, see src/app/stop-signals.ts). */
  readonly stop: AbortSignal;
  /** Aborted to stop at once while draining (a second signal). */
  readonly force?: AbortSignal;
}

/**
 * Serves until `stop` aborts (at once when it already has), then drains: resolves with exit code 0 once the
 * running jobs are finished and every connection is closed (1 when closing failed). `force` aborting while
 * draining stops at once (code 130).
 */
export function serveUntilStopped(options: ServeOptions): Promise<number> {
  return new Promise((resolve) => {
    const drain = () => {
      options.log.info({ signal: options.stop.reason }, 'draining: finishing running jobs, taking no new ones');
      options.force?.addEventListener(
        'abort',
        () => {
          options.log.warn(
            { signal: options.force?.reason },
            'second signal: stopping without waiting for running jobs',
          );
          resolve(130);
        },
        { once: true },
      );
      options.pool
        .close()
        .then(() => options.closeResources())
        .then(
          () => {
            options.log.info('drained, exiting');
            resolve(0);
          },
          (error: unknown) => {
            options.log.error({ err: error }, 'error while draining');
            resolve(1);
          },
        );
    };
    if (options.stop.aborted) drain();
    else options.stop.addEventListener('abort', drain, { once: true });
  });
}
