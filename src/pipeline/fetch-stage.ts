/**
 * The fetch stage: one GET of the complete submission `.txt`, nothing else per filing, its raw bytes archived
 * (content-addressed) before the filing is marked fetched. A filing already in the archive is never fetched
 * again, even when the store forgot it.
 */
import { EdgarBadResponseError } from '../errors.ts';
import { badInput } from '../submission/bad-input.ts';
import { DEFAULT_MAX_SUBMISSION_BYTES } from '../submission/parse-submission.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

export interface FetchInput {
  readonly accessionNumber: string;
  /** The CIK whose Archives folder holds it (any filer of the submission). */
  readonly cik: string;
}

export interface FetchOutput {
  readonly accessionNumber: string;
  readonly sha256: string;
  readonly bytes: number;
  /** False when the archive already had it: no request was made. */
  readonly fetched: boolean;
}

const MIB = 1024 * 1024;

/** What EDGAR sends instead of a submission when something is wrong upstream: never archive it. */
function refuseNonSubmission(url: string, status: number, body: Buffer): void {
  if (body.length === 0) throw new EdgarBadResponseError(url, status, `${url}: empty body instead of a submission`);
  const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new EdgarBadResponseError(url, status, `${url}: an HTML page instead of the submission text`);
  }
}

export async function fetchFiling(deps: PipelineDeps, input: FetchInput): Promise<FetchOutput> {
  const { accessionNumber } = input;
  const archived = await deps.archive.lookup(accessionNumber);
  if (archived !== null) {
    await deps.store.recordFetched(accessionNumber, archived);
    return { accessionNumber, sha256: archived.sha256, bytes: archived.bytes, fetched: false };
  }
  const url = deps.endpoints.submissionText(input.cik, accessionNumber);
  const maxBytes = deps.maxSubmissionBytes ?? DEFAULT_MAX_SUBMISSION_BYTES;
  let response;
  try {
    response = await deps.client.get(url, { maxBytes });
  } catch (error) {
    // The size cap is a property of the filing, not a fault of EDGAR: fail it as bad input, do not retry.
    if (error instanceof EdgarBadResponseError && /over the limit/.test(error.message)) {
      throw badInput(
        'oversize',
        accessionNumber,
        `complete submission is larger than the ${(maxBytes / MIB).toFixed(0)} MiB limit; not fetched`,
        { cause: error },
      );
    }
    throw error;
  }
  refuseNonSubmission(url, response.status, response.body);
  const entry = await deps.archive.put(accessionNumber, response.body);
  await deps.store.recordFetched(accessionNumber, entry);
  return { accessionNumber, sha256: entry.sha256, bytes: entry.bytes, fetched: true };
}
