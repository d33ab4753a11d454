/**
 * The fetch stage: one GET of the complete submission `.txt`, nothing else per filing, its raw bytes archived
 * (content-addressed) before the filing is marked fetched. A filing already in the archive is never fetched
 * again, even when the store forgot it.
 */
import { EdgarBadResponseError, EdgarResponseTooLargeError } from '../errors.ts';
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
function refuseNonSubmission(url: string, status: number, bytes: number, first: Buffer): void {
  if (bytes === 0) throw new EdgarBadResponseError(url, status, `${url}: empty body instead of a submission`);
  const head = first.toString('latin1').trimStart().toLowerCase();
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
  // Streamed to disk as it arrives: a submission of 160 MiB, or a bomb inflating to the limit, is never held
  // in memory. Nothing reaches the archive before the whole body is in and checked.
  const writer = await deps.archive.writer(accessionNumber);
  try {
    let response;
    try {
      response = await deps.client.get(url, { maxBytes, sink: writer });
    } catch (error) {
      // The size cap is a property of the filing, not a fault of EDGAR: fail it as bad input, do not retry.
      if (error instanceof EdgarResponseTooLargeError) {
        throw badInput(
          'oversize',
          accessionNumber,
          `complete submission is larger than the ${(maxBytes / MIB).toFixed(0)} MiB limit; not fetched`,
          { cause: error },
        );
      }
      throw error;
    }
    // A client that does not stream (a stand-in) returns the body instead.
    if (response.body.length > 0) {
      await writer.reset();
      await writer.write(response.body);
    }
    refuseNonSubmission(url, response.status, writer.bytes, writer.head());
    const entry = await writer.commit();
    await deps.store.recordFetched(accessionNumber, entry);
    return { accessionNumber, sha256: entry.sha256, bytes: entry.bytes, fetched: true };
  } finally {
    await writer.discard();
  }
}
