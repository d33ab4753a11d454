/**
 * Opens the DocumentStore that STORE_URL names: `sqlite:<path>` (the embedded default; parent directories
 * are created) or `postgres://user@host:port/db` with an optional `?schema=name` (default "public"). The store
 * is migrated before it is returned (unless opened read-only, as serve does). An unusable URL, file or server is a ConfigError (exit 2) saying what
 * to set.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import { hasUnescapedUserInfo, redactUrl } from '../redact.ts';
import type { DocumentStore } from './document-store.ts';
import { PostgresDocumentStore } from './postgres-document-store.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';

export interface OpenDocumentStoreOptions {
  /** PostgreSQL: connections in the store's pool; default 4. */
  readonly poolSize?: number;
  /** PostgreSQL: milliseconds to wait for a connection; default 10000. */
  readonly connectTimeoutMs?: number;
  /** SQLite: milliseconds a writer waits for another process's write lock; default 15000. */
  readonly busyTimeoutMs?: number;
  /**
   * Open for reading only (serve), enforced by the database: SQLite opens the existing file read-only (a
   * missing file is a ConfigError), PostgreSQL sessions are read-only; no migration, and a store whose schema
   * is not this code's is a ConfigError saying what to run.
   */
  readonly readOnly?: boolean;
}

export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema: string | undefined };

const EXAMPLES =
  'e.g. STORE_URL=sqlite:./data/edgar-corresp.sqlite or STORE_URL=postgres://postgres@127.0.0.1:5432/edgar?schema=edgar_corresp';

/**
 * Reads a STORE_URL. `sqlite:` paths are resolved against the working directory (`sqlite:///abs/file` and
 * `sqlite::memory:` work too); the `schema` query parameter of a PostgreSQL URL is taken out of the
 * connection string. Throws ConfigError for anything else.
 */
export function parseStoreUrl(storeUrl: string): StoreLocation {
  const url = storeUrl.trim();
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    if (rest === ':memory:') return { kind: 'sqlite', path: ':memory:' };
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path.trim() === '') throw new ConfigError(`STORE_URL=${redactUrl(storeUrl)} names no file: ${EXAMPLES}`);
    return { kind: 'sqlite', path: resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    if (hasUnescapedUserInfo(url)) {
      throw new ConfigError(
        `STORE_URL=${redactUrl(storeUrl)} has a password with "/", "@", "?" or "#" unescaped: percent-encode them ("/" as %2F, "@" as %40, "?" as %3F, "#" as %23)`,
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`STORE_URL=${redactUrl(storeUrl)} is not a valid URL: ${EXAMPLES}`);
    }
    if (!parsed.hostname) throw new ConfigError(`STORE_URL=${redactUrl(storeUrl)} names no host: ${EXAMPLES}`);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', connectionString: parsed.toString(), schema: schema === '' ? undefined : schema };
  }
  throw new ConfigError(
    `STORE_URL=${redactUrl(storeUrl)} must be sqlite:<path> or postgres://user@host:port/db: ${EXAMPLES}`,
  );
}

/** Opens and migrates (or, read-only, checks) the store STORE_URL names; the caller closes it. */
export async function openDocumentStore(
  storeUrl: string,
  options: OpenDocumentStoreOptions = {},
): Promise<DocumentStore> {
  const location = parseStoreUrl(storeUrl);
  if (location.kind === 'sqlite') {
    return SqliteDocumentStore.open(location.path, {
      busyTimeoutMs: options.busyTimeoutMs,
      readOnly: options.readOnly,
    });
  }
  return PostgresDocumentStore.open(location.connectionString, {
    schema: location.schema,
    poolSize: options.poolSize,
    connectTimeoutMs: options.connectTimeoutMs,
    readOnly: options.readOnly,
  });
}
