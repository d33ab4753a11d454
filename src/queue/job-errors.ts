/**
 * Error policy of queue jobs, decided by the error class (STYLE.md). BullMQ keeps only the message of a failed
 * job (`failedReason`), so every error thrown out of a processor carries the stable code first ("CODE: ...").
 *   - bad input, 404, undeclared tool, foreign host, config: UnrecoverableError, no retry, the filing fails;
 *   - 5xx, resets, timeouts, and errors that are not ours (a store connection dropped, a bug): a plain Error,
 *     BullMQ retries with exponential backoff until the attempts are spent;
 *   - EDGAR's rate-limit page: handled by the processor (job delayed until the shared pause ends, no attempt spent).
 */
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { EdgarCorrespError, describeError, errorCode } from '../errors.ts';

export interface JobFailure {
  /** Stable code: an errors.ts code, or INTERNAL for errors that are not ours. */
  readonly code: string;
  /** One line, starting with the code: what BullMQ keeps as failedReason. */
  readonly reason: string;
  readonly retryable: boolean;
}

/** The failure a thrown value stands for. */
export function describeJobFailure(error: unknown): JobFailure {
  if (error instanceof z.ZodError) {
    return { code: 'BAD_INPUT', reason: `BAD_INPUT: invalid job payload: ${z.prettifyError(error)}`, retryable: false };
  }
  const reason = describeError(error).replace(/\s*\n\s*/g, ' ');
  if (error instanceof EdgarCorrespError) return { code: error.code, reason, retryable: error.retryable };
  return { code: errorCode(error) ?? 'INTERNAL', reason, retryable: true };
}

/** The error a processor rethrows so that BullMQ applies the policy of `failure`. */
export function toJobError(failure: JobFailure, cause: unknown): Error {
  return failure.retryable ? new Error(failure.reason, { cause }) : new UnrecoverableError(failure.reason);
}

/** The stable code at the start of a failedReason ("BAD_INPUT: ..." -> "BAD_INPUT"), or INTERNAL. */
export function codeOfReason(failedReason: string | undefined | null): string {
  const m = /^([A-Z][A-Z_]+):/.exec(failedReason ?? '');
  return m ? m[1]! : 'INTERNAL';
}
