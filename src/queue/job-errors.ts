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
import { ERROR_CODES, EdgarCorrespError, describeError, errorCode, type ErrorCode } from '../errors.ts';

export interface JobFailure {
  /** Stable code: an errors.ts code, INTERNAL for errors that are not ours. */
  readonly code: ErrorCode;
  /** One line, starting with the code: what BullMQ keeps as failedReason. */
  readonly reason: string;
  readonly retryable: boolean;
}

/** The failure a thrown value stands for. */
export function describeJobFailure(error: unknown): JobFailure {
  if (error instanceof z.ZodError) {
    const code = ERROR_CODES.BAD_INPUT;
    return { code, reason: `${code}: invalid job payload: ${z.prettifyError(error)}`, retryable: false };
  }
  const reason = describeError(error).replace(/\s*\n\s*/g, ' ');
  if (error instanceof EdgarCorrespError) return { code: error.code, reason, retryable: error.retryable };
  return { code: errorCode(error) ?? ERROR_CODES.INTERNAL, reason, retryable: true };
}

/** The error a processor rethrows so that BullMQ applies the policy of `failure`. */
export function toJobError(failure: JobFailure, cause: unknown): Error {
  return failure.retryable ? new Error(failure.reason, { cause }) : new UnrecoverableError(failure.reason);
}

const CodeSchema = z.enum(Object.values(ERROR_CODES));
const FAILED_REASON = /^([A-Z][A-Z_]+):\s*(.*)$/s;

/**
 * Reads back a failed job's `failedReason`, which toJobError wrote as "CODE: cause": the one place that does.
 * A reason that does not start with a known code (a job killed from outside) reads as INTERNAL with the text.
 */
export function readFailedReason(failedReason: string | undefined | null): { code: ErrorCode; reason: string } {
  const text = failedReason ?? '';
  const m = FAILED_REASON.exec(text);
  const code = CodeSchema.safeParse(m?.[1]);
  if (!m || !code.success) return { code: ERROR_CODES.INTERNAL, reason: text === '' ? 'job failed' : text };
  return { code: code.data, reason: m[2]! };
}
