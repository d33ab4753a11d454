/**
 * The pg pool of one PostgreSQL store: every connection starts with the store's schema on its search_path;
 * short transactions; a first query that turns "server down", "no such database" and the like into a
 * ConfigError naming the server (never its password) and saying to set STORE_URL.
 */
import pg from 'pg';
import { ConfigError } from '../errors.ts';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export interface PostgresConnectionOptions {
  readonly schema: string;
  readonly poolSize: number;
  readonly connectTimeoutMs: number;
  /** Every session read-only (default_transaction_read_only): the server refuses every write. */
  readonly readOnly?: boolean;
}

export class PostgresConnection {
  /** "user@host:port/db" with no password, for messages. */
  readonly where: string;
  readonly #pool: pg.Pool;
  #closed = false;

  constructor(connectionString: string, options: PostgresConnectionOptions) {
    this.where = describeServer(connectionString);
    // pg lets the URL's own `options` parameter override ours: merge it, so search_path always holds.
    const { url, startupOptions } = takeStartupOptions(connectionString);
    this.#pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize,
      connectionTimeoutMillis: options.connectTimeoutMs,
      options: [
        startupOptions,
        `-c search_path=${options.schema}`,
        options.readOnly ? '-c default_transaction_read_only=on' : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    // An idle connection the server drops is discarded by the pool; the next query opens a new one.
    this.#pool.on('error', () => {});
  }

  /** One query on any pooled connection; a config with a `name` is prepared once per connection. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string | pg.QueryConfig,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return typeof sql === 'string' ? this.#pool.query<R>(sql, params) : this.#pool.query<R>(sql);
  }

  /** Fails with a ConfigError when the server, database or user is unusable. */
  async check(): Promise<void> {
    try {
      await this.#pool.query('SELECT 1');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new ConfigError(
        `cannot connect to PostgreSQL at ${this.where} (${code ? `${code}: ` : ''}${(error as Error).message}): set STORE_URL to a reachable server and database, e.g. STORE_URL=postgres://postgres@127.0.0.1:5432/edgar`,
        { cause: error },
      );
    }
  }

  /** Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Ends the pool; safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/** "user@host:port/db" without the password, for messages. */
export function describeServer(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    return `${user}${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** Splits the `options` query parameter (libpq startup options) off a connection URL. */
function takeStartupOptions(connectionString: string): { url: string; startupOptions: string } {
  try {
    const url = new URL(connectionString);
    const startupOptions = url.searchParams.get('options') ?? '';
    url.searchParams.delete('options');
    return { url: url.toString(), startupOptions };
  } catch {
    return { url: connectionString, startupOptions: '' };
  }
}
