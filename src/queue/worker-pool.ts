/**
 * The BullMQ workers of one process, one per served queue, and their graceful shutdown: on SIGTERM or SIGINT
 * every worker stops taking jobs, finishes the ones it runs, and the process closes its connections and exits 0.
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
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * Serves until SIGTERM/SIGINT, then drains: resolves with exit code 0 once the running jobs are finished and
 * every connection is closed (1 when closing failed). A second signal while draining stops at once (code 130).
 */
export function serveUntilSignal(options: ServeOptions): Promise<number> {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  return new Promise((resolve) => {
    let draining = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (draining) {
        options.log.warn({ signal }, 'second signal: stopping without waiting for running jobs');
        resolve(130);
        return;
      }
      draining = true;
      options.log.info({ signal }, 'draining: finishing running jobs, taking no new ones');
      options.pool
        .close()
        .then(() => options.closeResources())
        .then(
          () => {
            for (const s of signals) process.off(s, onSignal);
            options.log.info('drained, exiting');
            resolve(0);
          },
          (error: unknown) => {
            options.log.error({ err: error }, 'error while draining');
            resolve(1);
          },
        );
    };
    for (const signal of signals) process.on(signal, onSignal);
  });
}
