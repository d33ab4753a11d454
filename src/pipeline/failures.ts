/**
 * How a stage failure is named and recorded: a stable code (errors.ts), the bad-input cause when there is one,
 * and one line saying the cause, without the accession the summary already shows. The runners (embedded and
 * distributed) record failures only here.
 */
import { BadInputError, ERROR_CODES, EdgarCorrespError, errorCode } from '../errors.ts';
import type { FilingFailure, PipelineStage } from '../filing/filing-record.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** The failure of `error` at `stage`, e.g. {code: BAD_INPUT, reason: "truncated-submission: no </SEC-DOCUMENT>"}. */
export function describeFailure(accessionNumber: string, stage: PipelineStage, error: unknown): FilingFailure {
  if (error instanceof BadInputError) {
    const detail = firstLine(error.detail);
    const reason = detail.startsWith(error.reason) ? detail : `${error.reason}: ${detail}`;
    return { stage, code: error.code, reason, badInputReason: error.reason };
  }
  const message = error instanceof Error ? error.message : String(error);
  // Messages often start with the accession ("0001193125-14-000946: ..."): the record already names it.
  const cause = firstLine(message).replace(new RegExp(`^${accessionNumber}:\\s*`), '');
  if (error instanceof EdgarCorrespError) return { stage, code: error.code, reason: cause, badInputReason: null };
  const code = errorCode(error) ?? ERROR_CODES.INTERNAL;
  return { stage, code, reason: cause === '' ? 'unknown error' : cause, badInputReason: null };
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
