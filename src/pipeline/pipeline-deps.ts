/**
 * What the stages need, passed in explicitly (never a singleton): the EDGAR client and its URLs, the document
 * store, the raw archive and a logger. Built by the composition roots (src/app/open-pipeline-deps.ts), for the
 * CLI and the workers alike. Whoever opens deps closes them.
 */
import type { RawArchive } from '../archive/raw-archive.ts';
import type { EdgarClient } from '../edgar/client.ts';
import type { Endpoints } from '../edgar/endpoints.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';

export interface PipelineDeps {
  /** Every EDGAR request goes through it (paced, retried, typed errors). Only discover and fetch use it. */
  readonly client: EdgarClient;
  readonly endpoints: Endpoints;
  readonly store: DocumentStore;
  readonly archive: RawArchive;
  readonly logger: Logger;
  /** Largest complete submission fetched; bigger ones fail as BAD_INPUT "oversize". Default 160 MiB, as parseSubmission. */
  readonly maxSubmissionBytes?: number;
}
