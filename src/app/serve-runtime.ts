/**
 * `serve` wired from the Config: the store STORE_URL names (SQLite or PostgreSQL), reviews derived from it,
 * the HTTP server on the asked host and port. The caller closes what it gets back (server, then store).
 */
import type { Config } from '../../config/env.ts';
import type { Logger } from '../log.ts';
import { startServeServer, type RunningServer } from '../serve/serve-app.ts';
import { StoreReviewSource } from '../serve/store-review-source.ts';
import { openDocumentStore } from '../store/open-document-store.ts';

export interface ServeRuntimeOptions {
  readonly host: string;
  readonly port: number;
  readonly allowedHosts: readonly string[];
  readonly logger: Logger;
}

export async function openServeRuntime(config: Config, options: ServeRuntimeOptions): Promise<RunningServer> {
  // serve never writes: the database itself refuses (read-only file / sessions), and nothing is migrated.
  const store = await openDocumentStore(config.storeUrl, { readOnly: true });
  try {
    const server = await startServeServer({ store, reviews: new StoreReviewSource(store) }, options);
    return {
      ...server,
      close: async () => {
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
