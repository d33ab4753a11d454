/**
 * How a stage failure is named and recorded: a stable code (errors.ts) and one line saying the cause, without
 * the accession the summary already shows. The runners (embedded and distributed) record failures only here.
 */
import { BadInputError, EdgarCorrespError, errorCode } from '../errors.ts';
import type { FilingFailure, PipelineStage } from '../store/document-store.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

/** Code for errors that are not ours (bugs): they fail the filing, the run goes on. */
export const INTERNAL_CODE = 'INTERNAL';

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** The failure of `error` at `stage`, e.g. {code: BAD_INPUT, reason: "truncated-submission: no </SEC-DOCUMENT>"}. */
export function describeFailure(accessionNumber: string, stage: PipelineStage, error: unknown): FilingFailure {
  const message = error instanceof Error ? error.message : String(error);
  // Messages often start with the accession ("0001193125-14-000946: ..."): the record already names it.
  const cause = firstLine(message).replace(new RegExp(`^${accessionNumber}:\\s*`), '');
  if (error instanceof BadInputError) {
    return { stage, code: error.code, reason: cause.startsWith(error.reason) ? cause : `${error.reason}: ${cause}` };
  }
  if (error instanceof EdgarCorrespError) return { stage, code: error.code, reason: cause };
  return { stage, code: errorCode(error) ?? INTERNAL_CODE, reason: cause === '' ? 'unknown error' : cause };
}

/** Records the failure in the store and returns it. */
export async function recordStageFailure(
  deps: Pick<PipelineDeps, 'store'>,
  accessionNumber: string,
  stage: PipelineStage,
  error: unknown,
): Promise<FilingFailure> {
  const failure = describeFailure(accessionNumber, stage, error);
  await deps.store.recordFailed(accessionNumber, failure);
  return failure;
}

/** Whether a recorded failure would happen again on the same bytes: a fetch refused as bad input (oversize). */
export function isPermanentFetchFailure(failure: { failedStage: string | null; failureCode: string | null }): boolean {
  return failure.failedStage === 'fetch' && failure.failureCode === 'BAD_INPUT';
}
