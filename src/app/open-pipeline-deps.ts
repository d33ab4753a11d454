/**
 * Builds the stages' deps from the Config: EDGAR client (or none for offline commands), store, archive, and
 * the parse pool when asked. The distributed processes pass their own limiter (Redis) or client. Whoever opens
 * deps closes them. A composition root: the only place these adapters are built.
 */
import type { Config } from '../../config/env.ts';
import { openRawArchive } from '../archive/fs-raw-archive.ts';
import { createEdgarClient, type EdgarClient, type EdgarClientOptions } from '../edgar/client.ts';
import { createEndpoints } from '../edgar/endpoints.ts';
import type { FairAccessLimiter } from '../edgar/limiter.ts';
import { silentLogger, type Logger } from '../log.ts';
import { ParsePool, type ParsePoolOptions } from '../pipeline/parse-pool.ts';
import type { LetterBuilder } from '../pipeline/parse-stage.ts';
import type { PipelineDeps } from '../pipeline/pipeline-deps.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { openDocumentStore } from '../store/open-document-store.ts';

export interface OpenPipelineDepsOptions {
  readonly logger?: Logger;
  /** Shared limiter for the client (the Redis one in distributed mode); default the client's in-process one. */
  readonly limiter?: FairAccessLimiter;
  /** Client hooks (metrics) and timeouts. */
  readonly client?: Omit<EdgarClientOptions, 'config' | 'limiter' | 'logger'>;
  /** A ready client instead of building one; it is then not closed by `close()`. */
  readonly edgarClient?: EdgarClient;
  /**
   * Commands that never contact EDGAR (export, show, reparse...) set this: no client is built, so no
   * EDGAR_USER_AGENT is required; any EDGAR request then fails.
   */
  readonly offline?: boolean;
  /**
   * Parse letters on worker threads (a ParsePool with these options), so the event loop stays free to send
   * what the limiter grants on time; the pool is closed by `close()`. Default: parse in this thread.
   */
  readonly parsePool?: ParsePoolOptions;
}

export interface OpenedPipelineDeps extends PipelineDeps {
  /** The parse pool's builder when `parsePool` was asked for. */
  readonly buildLetter?: LetterBuilder;
  /** Closes what was opened here (parse pool, store, client), never what was passed in. */
  close(): Promise<void>;
}

/** A client for offline commands: any request is a bug, and says so. */
const offlineClient: EdgarClient = {
  get: () => Promise.reject(new Error('this command makes no EDGAR request (offline deps)')),
  getJson: () => Promise.reject(new Error('this command makes no EDGAR request (offline deps)')),
  getText: () => Promise.reject(new Error('this command makes no EDGAR request (offline deps)')),
  close: () => Promise.resolve(),
};

export async function openPipelineDeps(
  config: Config,
  options: OpenPipelineDepsOptions = {},
): Promise<OpenedPipelineDeps> {
  const logger = options.logger ?? silentLogger;
  const ownsClient = options.edgarClient === undefined && options.offline !== true;
  // The client is built first: a missing User-Agent must stop the command before any file is created.
  const client =
    options.edgarClient ??
    (options.offline
      ? offlineClient
      : createEdgarClient({ ...options.client, config: config.edgar, limiter: options.limiter, logger }));
  let store: DocumentStore | null = null;
  try {
    store = await openDocumentStore(config.storeUrl);
    const archive = await openRawArchive(config.archiveDir);
    const opened = store;
    const pool = options.parsePool ? new ParsePool(options.parsePool) : null;
    return {
      client,
      endpoints: createEndpoints(config.edgar),
      store: opened,
      archive,
      logger,
      ...(pool ? { buildLetter: pool.buildLetter } : {}),
      async close() {
        await pool?.close();
        await opened.close();
        if (ownsClient) await client.close();
      },
    };
  } catch (error) {
    await store?.close();
    if (ownsClient) await client.close();
    throw error;
  }
}
