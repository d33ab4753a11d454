/**
 * One node:sqlite connection as the SQLite store uses it: the file opened with WAL, a busy timeout and
 * foreign keys; statements prepared once and cached; writes in IMMEDIATE transactions. A file that cannot be
 * created or opened is a ConfigError saying to set STORE_URL. Read-only (serve): opened with SQLITE_OPEN_READONLY,
 * so SQLite itself refuses every write; nothing is created and the journal mode is left as it is.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import { ConfigError } from '../errors.ts';

export type SqliteRow = Record<string, SQLOutputValue>;

const SET_STORE_URL = 'set STORE_URL to a writable file, e.g. STORE_URL=sqlite:./data/edgar-corresp.sqlite';

const SQLITE_BUSY = 5;
/**
 * Prepared statements kept, least recently used dropped first: the store's SQL is a fixed set, but a caller
 * building SQL from its input must not grow the cache (and SQLite's memory) without bound.
 */
export const STATEMENT_CACHE_SIZE = 128;
/** How long opening waits for another process that is switching the same new file to WAL. */
const WAL_SWITCH_TIMEOUT_MS = 5000;

export class SqliteConnection {
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  /**
   * Opens `path` (":memory:" for a private in-memory database), creating its directory. `busyTimeoutMs`:
   * how long a writer waits for another process's write lock before failing. `readOnly`: open an existing
   * file read-only (a missing one is a ConfigError naming it).
   */
  constructor(path: string, busyTimeoutMs: number, readOnly = false) {
    this.path = path;
    if (readOnly && (path === ':memory:' || !existsSync(path))) {
      throw new ConfigError(
        `no SQLite store at ${path} to read: run a writing command once (e.g. edgar-corresp backfill) or set STORE_URL to an existing store`,
      );
    }
    try {
      if (!readOnly && path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
      this.#db = new DatabaseSync(path, { readOnly });
      // A reader in WAL mode may meet a writer's checkpoint lock for a moment: wait, as a writer does.
      this.#db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
      if (readOnly) {
        this.#db.prepare('SELECT count(*) FROM sqlite_master').get(); // reads the header: "not a database" now
        return;
      }
      // WAL: readers in other processes never block the writer; NORMAL sync is durable at each checkpoint
      // and never corrupts the file on a crash (a kill -9 loses no committed transaction).
      this.#useWal();
      this.#db.exec('PRAGMA synchronous = NORMAL');
      this.#db.exec('PRAGMA foreign_keys = ON');
    } catch (error) {
      const hint = readOnly ? 'set STORE_URL to an edgar-corresp SQLite store' : SET_STORE_URL;
      throw new ConfigError(`cannot open the SQLite store ${path} (${(error as Error).message}): ${hint}`, {
        cause: error,
      });
    }
  }

  /**
   * Switches the file to WAL unless it already is. The switch needs an exclusive lock, and SQLite answers
   * SQLITE_BUSY at once (no busy handler) when another process opens the new file at the same moment: wait a
   * little and look again, for up to the busy timeout.
   */
  #useWal(): void {
    const deadline = Date.now() + WAL_SWITCH_TIMEOUT_MS;
    for (;;) {
      try {
        if (this.#db.prepare('PRAGMA journal_mode').get()?.['journal_mode'] === 'wal') return;
        this.#db.exec('PRAGMA journal_mode = WAL');
        return;
      } catch (error) {
        const busy = (error as { errcode?: number }).errcode === SQLITE_BUSY;
        if (!busy || Date.now() > deadline) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      }
    }
  }

  /** Runs `work` in one IMMEDIATE transaction: the write lock is taken first, so no read snapshot goes stale. */
  write<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  run(sql: string, ...params: SQLInputValue[]): { changes: number } {
    return { changes: Number(this.#statement(sql).run(...params).changes) };
  }

  get(sql: string, ...params: SQLInputValue[]): SqliteRow | undefined {
    return this.#statement(sql).get(...params);
  }

  all(sql: string, ...params: SQLInputValue[]): SqliteRow[] {
    return this.#statement(sql).all(...params);
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  /** How many prepared statements the cache holds now (at most STATEMENT_CACHE_SIZE). */
  get cachedStatements(): number {
    return this.#statements.size;
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.#statements.delete(sql);
    } else {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}

/**
 * A list of any length as one bound parameter, for `x IN <this>`: the values go as one JSON array, so the SQL
 * text is the same whatever the length (one cached statement) and SQLite's limit of 32,766 parameters is
 * never reached.
 */
export function jsonList(bind: (value: string) => string, values: readonly string[]): string {
  return `(SELECT value FROM json_each(${bind(JSON.stringify(values))}))`;
}
