/**
 * The queues and the job options they share. Retries: exponential backoff with jitter; finished jobs: completed
 * ones kept a day (a backfill reads its discover results from them), failed ones kept a month with their reason
 * (our dead-letter list, shown by `status` and the dashboard).
 */
import { Queue, type JobsOptions } from 'bullmq';
import { bullConnection, type QueueConnection } from './redis-connection.ts';
import { QUEUE_NAMES, type QueueName } from './queue-names.ts';

/** Attempts per job: network and store hiccups heal well within 5 tries 2, 4, 8, 16 s apart. */
export const JOB_ATTEMPTS = 5;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 100_000 },
};

export type Queues = Readonly<Record<QueueName, Queue>>;

/** One Queue object per queue name; the caller owns them (closeQueues). */
export function openQueues(connection: QueueConnection): Queues {
  const entries = QUEUE_NAMES.map((name) => {
    const queue = new Queue(name, {
      connection: bullConnection(connection),
      prefix: connection.prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    // A Redis restart surfaces as connection errors; ioredis reconnects by itself, so log-level only.
    queue.on('error', () => {});
    return [name, queue] as const;
  });
  return Object.freeze(Object.fromEntries(entries) as Record<QueueName, Queue>);
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}
