/**
 * Binds a stage to a BullMQ processor: validates the payload, runs the stage, and turns its errors into BullMQ's
 * policy (job-errors.ts). It never swallows an error: a caught error that is not rethrown makes BullMQ count a
 * failed job as done, with no retry and an empty failed set. The final failure (attempts spent or unrecoverable)
 * is recorded once, through `onFinalFailure`, before the rethrow.
 */
import { DelayedError, UnrecoverableError, type Job, type Processor } from 'bullmq';
import type { z } from 'zod';
import { EdgarThrottledError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { describeJobFailure, toJobError, type JobFailure } from './job-errors.ts';
import type { QueueName } from './queue-names.ts';

export type JobOutcome = 'completed' | 'retry' | 'failed' | 'throttled';

export interface JobContext {
  readonly job: Job;
  /** Child logger with { stage, jobId, attempt }. */
  readonly log: Logger;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

export interface ProcessorOptions<P, R> {
  readonly queue: QueueName;
  readonly schema: z.ZodType<P>;
  readonly log: Logger;
  readonly run: (payload: P, context: JobContext) => Promise<R>;
  /** Records the final failure of a job whose payload was valid (e.g. the filing's failed state in the store). */
  readonly onFinalFailure?: (payload: P, failure: JobFailure, error: unknown, context: JobContext) => Promise<void>;
  /** Epoch ms until which EDGAR requests are paused everywhere (the shared limiter's pause), 0 when not. */
  readonly pausedUntil?: () => Promise<number>;
  /** Called once per run of a job, for metrics. */
  readonly observe?: (queue: QueueName, outcome: JobOutcome, seconds: number) => void;
}

/** Delay of a throttled job when no pause is known: EDGAR's block lasts minutes, never retry into it at once. */
const THROTTLED_FALLBACK_DELAY_MS = 60_000;

export function createJobProcessor<P, R>(options: ProcessorOptions<P, R>): Processor {
  const { queue, schema, run } = options;
  return async (job, token) => {
    const started = performance.now();
    const attempt = job.attemptsMade + 1;
    const log = options.log.child({ stage: queue, jobId: job.id, attempt });
    const context: JobContext = { job, log, attempt };
    const observe = (outcome: JobOutcome) => options.observe?.(queue, outcome, (performance.now() - started) / 1000);

    const parsed = schema.safeParse(job.data);
    if (!parsed.success) {
      const failure = describeJobFailure(parsed.error);
      log.error({ reason: failure.reason }, 'job failed');
      observe('failed');
      throw new UnrecoverableError(failure.reason);
    }
    try {
      const result = await run(parsed.data, context);
      observe('completed');
      return result;
    } catch (error) {
      if (error instanceof EdgarThrottledError && token !== undefined) {
        // The client has already paused every worker through the shared limiter; wait that pause out without
        // spending an attempt (DelayedError tells BullMQ the job was moved, not failed).
        const pausedUntil = (await options.pausedUntil?.().catch(() => 0)) ?? 0;
        const until = Math.max(pausedUntil, Date.now() + (pausedUntil > 0 ? 0 : THROTTLED_FALLBACK_DELAY_MS));
        log.warn({ until: new Date(until).toISOString() }, 'EDGAR rate limit: job delayed until the pause ends');
        await job.moveToDelayed(until, token);
        observe('throttled');
        throw new DelayedError(error.describe());
      }
      const failure = describeJobFailure(error);
      const final = !failure.retryable || attempt >= (job.opts.attempts ?? 1);
      if (final) {
        log.error({ reason: failure.reason }, 'job failed');
        try {
          await options.onFinalFailure?.(parsed.data, failure, error, context);
        } catch (recordError) {
          log.error({ err: recordError }, 'could not record the failure');
        }
      } else {
        log.warn({ reason: failure.reason }, 'job failed, will retry');
      }
      observe(final ? 'failed' : 'retry');
      throw toJobError(failure, error);
    }
  };
}
