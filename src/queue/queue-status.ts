/**
 * The queue part of `status` in distributed mode: jobs per queue and state, the most recent failed jobs with
 * their reasons (stable code first), and the crawl job scheduler.
 */
import type { ErrorCode } from '../errors.ts';
import { readFailedReason } from './job-errors.ts';
import { QUEUE_NAMES, type QueueName } from './queue-names.ts';
import type { Queues } from './queues.ts';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;
type CountedState = (typeof STATES)[number];

export interface FailedJobLine {
  readonly queue: QueueName;
  readonly id: string;
  readonly name: string;
  readonly code: ErrorCode;
  readonly reason: string;
  readonly attempts: number;
  /** ISO time of the failure. */
  readonly failedAt: string | null;
}

export interface QueueStatus {
  readonly counts: Readonly<Record<QueueName, Readonly<Record<CountedState, number>>>>;
  /** Most recent first, at most `failedLimit` per queue. */
  readonly failed: readonly FailedJobLine[];
  readonly schedulers: ReadonlyArray<{
    readonly id: string;
    readonly every: number | null;
    readonly next: string | null;
  }>;
}

export async function loadQueueStatus(queues: Queues, options: { failedLimit?: number } = {}): Promise<QueueStatus> {
  const limit = options.failedLimit ?? 10;
  const counts = {} as Record<QueueName, Record<CountedState, number>>;
  const failed: FailedJobLine[] = [];
  for (const name of QUEUE_NAMES) {
    const queue = queues[name];
    const raw = await queue.getJobCounts(...STATES);
    counts[name] = Object.fromEntries(STATES.map((state) => [state, raw[state] ?? 0])) as Record<CountedState, number>;
    for (const job of await queue.getFailed(0, limit - 1)) {
      failed.push({
        queue: name,
        id: job.id ?? '?',
        name: job.name,
        code: readFailedReason(job.failedReason).code,
        reason: job.failedReason ?? '',
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      });
    }
  }
  failed.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  const schedulers = (await queues.discover.getJobSchedulers()).map((scheduler) => ({
    id: scheduler.key,
    every: scheduler.every ? Number(scheduler.every) : null,
    next: scheduler.next ? new Date(scheduler.next).toISOString() : null,
  }));
  return { counts, failed, schedulers };
}

export function formatQueueStatus(status: QueueStatus): string {
  const lines = ['queues:'];
  const width = Math.max(...QUEUE_NAMES.map((name) => name.length));
  for (const name of QUEUE_NAMES) {
    const c = status.counts[name];
    lines.push(
      `  ${name.padEnd(width)}  waiting ${c.waiting + c.prioritized}, active ${c.active}, delayed ${c.delayed}, failed ${c.failed}, completed ${c.completed}`,
    );
  }
  for (const scheduler of status.schedulers) {
    const every = scheduler.every ? `every ${Math.round(scheduler.every / 60_000)} min` : 'scheduled';
    lines.push(`  scheduler ${scheduler.id}: ${every}, next ${scheduler.next ?? 'unknown'}`);
  }
  if (status.failed.length > 0) {
    lines.push('failed jobs (most recent first):');
    for (const job of status.failed) {
      lines.push(`  ${job.queue}/${job.id} after ${job.attempts} attempt(s) ${job.failedAt ?? ''}: ${job.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
