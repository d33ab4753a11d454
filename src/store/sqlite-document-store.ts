/**
 * The embedded DocumentStore: one SQLite file through node:sqlite (Node's bundled SQLite, with FTS5).
 * WAL mode and a busy timeout let several processes share the file (a backfill writing, a `status` reading in
 * another terminal). Every write is one IMMEDIATE transaction, so a `kill -9` loses at most the filing in
 * flight and a rerun resumes from the recorded states.
 */
import type { SQLInputValue } from 'node:sqlite';
import type { FilingRef } from '../discover/filing-ref.ts';
import { ConfigError } from '../errors.ts';
import type { Letter } from '../letter/schema.ts';
import {
  FILING_STATES,
  type FilingFailure,
  type FilingRecord,
  type FilingState,
  type Hold,
} from '../filing/filing-record.ts';
import type { CommentRow, ConversationRow } from '../analytics/rows.ts';
import type {
  CommentFilter,
  ConversationFilter,
  DocumentStore,
  FilingFilter,
  InferredFileNumber,
  LetterFilter,
  LetterRow,
  ListedFiling,
  ListedFilingFilter,
  OverviewCounts,
  Page,
  PageRequest,
  SaveListedOptions,
  SearchHit,
  SearchOptions,
  ThreadAnalytics,
  UpsertLetterOptions,
  UpsertOutcome,
} from './document-store.ts';
import { streamPages } from './analytics-sql.ts';
import * as analytics from './sqlite-analytics.ts';
import { LETTER_PAGE_SIZE, PARSED_STATE_CHANGES, letterFilterConditions } from './letter-filter-sql.ts';
import { toFilingRecord } from './filing-row.ts';
import { prepareLetterRecord, letterTerms, restoreLetter, restoreLetterRow } from './letter-record.ts';
import { SEARCH_CANDIDATES, parseSearchQuery, searchLimit, searchOffset, toFts5Match } from './search-query.ts';
import { SqliteConnection, jsonList, type SqliteRow } from './sqlite-connection.ts';
import { listListedFilings, saveListedFilings } from './sqlite-listed-filings.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';
import { overviewCounts } from './sqlite-overview.ts';
import { schemaMismatch } from './schema-version.ts';
import { UnknownFilingError } from './store-errors.ts';

export interface SqliteDocumentStoreOptions {
  /** Milliseconds a writer waits for another process's write lock before failing; default 15000. */
  readonly busyTimeoutMs?: number;
  /** Open the existing file read-only (serve): no migration; SQLite refuses every write. */
  readonly readOnly?: boolean;
}

export class SqliteDocumentStore implements DocumentStore {
  /** The database file (":memory:" for an in-memory store). */
  readonly path: string;
  readonly #db: SqliteConnection;

  /**
   * Opens (creating the parent directory and the file) and migrates the store at `path`; read-only, opens
   * the existing file and checks that its schema is this code's instead.
   */
  static async open(path: string, options: SqliteDocumentStoreOptions = {}): Promise<SqliteDocumentStore> {
    const store = new SqliteDocumentStore(path, options);
    try {
      if (options.readOnly) store.#checkSchema();
      else await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  constructor(path: string, options: SqliteDocumentStoreOptions = {}) {
    this.path = path;
    this.#db = new SqliteConnection(path, options.busyTimeoutMs ?? 15_000, options.readOnly ?? false);
  }

  /** Fails with a ConfigError unless the store's schema version is the last one this code knows. */
  #checkSchema(): void {
    const table = this.#db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    const current = table ? Number(this.#db.get('SELECT max(version) AS v FROM schema_version')?.['v'] ?? 0) : 0;
    const mismatch = schemaMismatch(this.path, current, SQLITE_MIGRATIONS.at(-1)?.version ?? 0);
    if (mismatch) throw mismatch;
  }

  async migrate(): Promise<void> {
    this.#db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const known = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;
    const current = Number(this.#db.get('SELECT max(version) AS v FROM schema_version')?.['v'] ?? 0);
    if (current > known) {
      throw new ConfigError(
        `the SQLite store at ${this.path} has schema version ${current}, newer than this edgar-corresp knows (${known}): upgrade edgar-corresp or set STORE_URL to another file`,
      );
    }
    for (const migration of SQLITE_MIGRATIONS) {
      this.#db.write(() => {
        // Another process may have applied it while this one waited for the write lock.
        if (this.#db.get('SELECT 1 AS x FROM schema_version WHERE version = ?', migration.version)) return;
        this.#db.exec(migration.sql);
        this.#db.run(
          'INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)',
          migration.version,
          migration.name,
          now(),
        );
      });
    }
  }

  async recordDiscovered(refs: readonly FilingRef[]): Promise<number> {
    if (refs.length === 0) return 0;
    return this.#db.write(() => {
      let added = 0;
      for (const ref of refs) {
        const inserted = this.#db.run(
          `INSERT INTO filings (accession_number, cik, form, filing_date, acceptance_date_time, listed_file_number, state, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'discovered', ?) ON CONFLICT (accession_number) DO NOTHING`,
          ref.accessionNumber,
          ref.cik,
          ref.form,
          ref.filingDate,
          ref.acceptanceDateTime,
          ref.fileNumber,
          now(),
        );
        if (inserted.changes > 0) {
          added += 1;
          continue;
        }
        // Known already: keep its state, fill what an earlier listing did not carry.
        this.#db.run(
          `UPDATE filings SET acceptance_date_time = coalesce(acceptance_date_time, ?),
             listed_file_number = coalesce(listed_file_number, ?)
           WHERE accession_number = ? AND (acceptance_date_time IS NULL OR listed_file_number IS NULL)`,
          ref.acceptanceDateTime,
          ref.fileNumber,
          ref.accessionNumber,
        );
      }
      return added;
    });
  }

  async recordFetched(accessionNumber: string, archive: { sha256: string; bytes: number }): Promise<void> {
    this.#db.write(() => {
      const changed = this.#db.run(
        `UPDATE filings SET archive_sha256 = ?, archive_bytes = ?, updated_at = ?,
           state = CASE WHEN state = 'parsed' THEN state ELSE 'fetched' END,
           failed_stage = CASE WHEN state = 'parsed' THEN failed_stage END,
           failure_code = CASE WHEN state = 'parsed' THEN failure_code END,
           failure_reason = CASE WHEN state = 'parsed' THEN failure_reason END,
           bad_input_reason = CASE WHEN state = 'parsed' THEN bad_input_reason END
         WHERE accession_number = ?`,
        archive.sha256,
        archive.bytes,
        now(),
        accessionNumber,
      );
      if (changed.changes === 0) throw new UnknownFilingError(accessionNumber, 'record as fetched');
    });
  }

  async recordFailed(accessionNumber: string, failure: FilingFailure): Promise<void> {
    this.#db.write(() => {
      const state = this.#filingState(accessionNumber, 'record a failure of');
      // A parsed filing's letter is stored: only a new parse may change its state.
      if (state === 'parsed' && failure.stage !== 'parse') return;
      this.#db.run(
        `UPDATE filings SET state = 'failed', failed_stage = ?, failure_code = ?, failure_reason = ?,
           bad_input_reason = ?, hold_reason = NULL, hold_file_numbers = NULL, updated_at = ?
         WHERE accession_number = ?`,
        failure.stage,
        failure.code,
        failure.reason,
        failure.badInputReason,
        now(),
        accessionNumber,
      );
    });
  }

  async recordSkipped(accessionNumber: string, reason: string): Promise<void> {
    this.#db.write(() => {
      this.#filingState(accessionNumber, 'record as skipped');
      this.#db.run(
        `UPDATE filings SET state = 'skipped', note = ?, failed_stage = NULL, failure_code = NULL,
           failure_reason = NULL, bad_input_reason = NULL, hold_reason = NULL, hold_file_numbers = NULL,
           updated_at = ? WHERE accession_number = ?`,
        reason,
        now(),
        accessionNumber,
      );
    });
  }

  async recordHeld(accessionNumber: string, hold: Hold, note: string): Promise<void> {
    this.#db.write(() => {
      // A parsed filing's letter is stored: holding it back under a narrower scope changes nothing.
      if (this.#filingState(accessionNumber, 'hold back') === 'parsed') return;
      this.#db.run(
        `UPDATE filings SET state = 'fetched', failed_stage = NULL, failure_code = NULL, failure_reason = NULL,
           bad_input_reason = NULL, hold_reason = ?, hold_file_numbers = ?, parser_version = ?, note = ?, updated_at = ?
         WHERE accession_number = ?`,
        hold.reason,
        JSON.stringify(hold.fileNumbers),
        hold.parserVersion,
        note,
        now(),
        accessionNumber,
      );
    });
  }

  async getFiling(accessionNumber: string): Promise<FilingRecord | null> {
    const row = this.#db.get('SELECT * FROM filings WHERE accession_number = ?', accessionNumber);
    return row ? toFilingRecord(row) : null;
  }

  async listFilings(filter: FilingFilter = {}): Promise<FilingRecord[]> {
    const params: SQLInputValue[] = [];
    const bind = (value: string): string => (params.push(value), '?');
    const conditions: string[] = [];
    if (filter.states?.length) conditions.push(`state IN ${jsonList(bind, filter.states)}`);
    if (filter.cik !== undefined) conditions.push(`cik = ${bind(filter.cik)}`);
    if (filter.accessionNumbers !== undefined) {
      if (filter.accessionNumbers.length === 0) return [];
      conditions.push(`accession_number IN ${jsonList(bind, filter.accessionNumbers)}`);
    }
    if (filter.forms?.length) conditions.push(`form IN ${jsonList(bind, filter.forms)}`);
    if (filter.filedFrom !== undefined) conditions.push(`filing_date >= ${bind(filter.filedFrom)}`);
    if (filter.filedTo !== undefined) conditions.push(`filing_date <= ${bind(filter.filedTo)}`);
    if (filter.after !== undefined) {
      const { filingDate, accessionNumber } = filter.after;
      conditions.push(`(filing_date, accession_number) > (${bind(filingDate)}, ${bind(accessionNumber)})`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const limit = filter.limit !== undefined ? `LIMIT ${Math.max(0, Math.trunc(filter.limit))}` : '';
    const rows = this.#db.all(
      `SELECT * FROM filings ${where} ORDER BY filing_date, accession_number ${limit}`,
      ...params,
    );
    return rows.map(toFilingRecord);
  }

  async countFilingsByState(): Promise<Record<FilingState, number>> {
    const counts = Object.fromEntries(FILING_STATES.map((state) => [state, 0])) as Record<FilingState, number>;
    for (const row of this.#db.all('SELECT state, count(*) AS n FROM filings GROUP BY state')) {
      counts[row['state'] as FilingState] = Number(row['n']);
    }
    return counts;
  }

  async upsertLetter(input: Letter, options: UpsertLetterOptions = {}): Promise<UpsertOutcome> {
    const record = prepareLetterRecord(input);
    const { letter } = record;
    const { text, threadId: _threadId, ...rest } = letter;
    const json = JSON.stringify(rest);
    return this.#db.write(() => {
      const existing = this.#db.get(
        'SELECT content_hash, thread_id FROM letters WHERE accession_number = ?',
        letter.accessionNumber,
      );
      // A letter without a thread keeps the one the thread builder assigned earlier.
      const threadId = letter.threadId ?? (existing?.['thread_id'] as string | null | undefined) ?? null;
      let outcome: UpsertOutcome;
      if (!existing) outcome = 'inserted';
      else if (existing['content_hash'] === record.contentHash && existing['thread_id'] === threadId) {
        outcome = 'unchanged';
      } else outcome = 'updated';
      const values = [
        letter.cik,
        letter.form,
        letter.companyName,
        letter.filingDate,
        letter.acceptanceDateTime,
        record.sortKey,
        letter.letterDate,
        letter.kind,
        threadId,
        letter.parserVersion,
        record.contentHash,
        text,
        json,
        now(),
      ];
      if (outcome === 'inserted') {
        this.#db.run(
          `INSERT INTO letters (accession_number, cik, form, company_name, filing_date, acceptance_date_time, sort_key,
             letter_date, kind, thread_id, parser_version, content_hash, text, letter_json, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          letter.accessionNumber,
          ...values,
        );
      } else if (outcome === 'updated') {
        this.#db.run(
          `UPDATE letters SET cik = ?, form = ?, company_name = ?, filing_date = ?, acceptance_date_time = ?,
             sort_key = ?, letter_date = ?, kind = ?, thread_id = ?, parser_version = ?, content_hash = ?, text = ?,
             letter_json = ?, updated_at = ?
           WHERE accession_number = ?`,
          ...values,
          letter.accessionNumber,
        );
        this.#db.run('DELETE FROM letter_file_numbers WHERE accession_number = ?', letter.accessionNumber);
        this.#db.run('DELETE FROM letter_terms WHERE accession_number = ?', letter.accessionNumber);
      }
      if (outcome !== 'unchanged') {
        for (const fileNumber of record.fileNumbers) {
          this.#db.run(
            'INSERT INTO letter_file_numbers (file_number, accession_number) VALUES (?, ?)',
            fileNumber,
            letter.accessionNumber,
          );
        }
        for (const { term, value } of letterTerms(letter)) {
          this.#db.run(
            'INSERT INTO letter_terms (term, value, accession_number) VALUES (?, ?, ?)',
            term,
            value,
            letter.accessionNumber,
          );
        }
      }
      if (options.inferredFileNumbers !== undefined) {
        this.#replaceInferred(letter.accessionNumber, options.inferredFileNumbers);
      }
      this.#markParsed(letter);
      return outcome;
    });
  }

  async listInferredFileNumbers(accessionNumber: string): Promise<InferredFileNumber[]> {
    const rows = this.#db.all(
      'SELECT file_number, via_accession, relation FROM inferred_file_numbers WHERE accession_number = ? ORDER BY file_number',
      accessionNumber,
    );
    return rows.map((row) => ({
      fileNumber: String(row['file_number']),
      via: String(row['via_accession']),
      relation: row['relation'] === 'answers' ? 'answers' : 'answered-by',
    }));
  }

  async getLetter(accessionNumber: string): Promise<Letter | null> {
    const row = this.#db.get(
      'SELECT letter_json, text, thread_id FROM letters WHERE accession_number = ?',
      accessionNumber,
    );
    return row ? toLetter(row) : null;
  }

  async *listLetters(filter: LetterFilter = {}): AsyncIterable<Letter> {
    let after: [string, string, string] | null = null;
    while (true) {
      const params: SQLInputValue[] = [];
      const bind = (value: string): string => (params.push(value), '?');
      const conditions = letterFilterConditions(filter, bind);
      if (after) {
        conditions.push(`(l.sort_key, l.filing_date, l.accession_number) > (${after.map(bind).join(', ')})`);
      }
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = this.#db.all(
        `SELECT l.letter_json, l.text, l.thread_id, l.sort_key, l.filing_date, l.accession_number FROM letters l
         ${where} ORDER BY l.sort_key, l.filing_date, l.accession_number LIMIT ${LETTER_PAGE_SIZE}`,
        ...params,
      );
      for (const row of rows) yield toLetter(row);
      const last = rows.at(-1);
      if (!last || rows.length < LETTER_PAGE_SIZE) return;
      after = [String(last['sort_key']), String(last['filing_date']), String(last['accession_number'])];
    }
  }

  async pageLetters(filter: LetterFilter, limit: number, options: { readonly text: boolean }): Promise<LetterRow[]> {
    const params: SQLInputValue[] = [];
    const conditions = letterFilterConditions(filter, (value) => (params.push(value), '?'));
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = this.#db.all(
      `SELECT l.letter_json, ${options.text ? 'l.text' : "'' AS text"}, l.thread_id FROM letters l
       ${where} ORDER BY l.sort_key, l.filing_date, l.accession_number LIMIT ${Math.max(0, Math.floor(limit))}`,
      ...params,
    );
    if (options.text) return rows.map(toLetter);
    return rows.map((row) =>
      restoreLetterRow(JSON.parse(String(row['letter_json'])) as Record<string, unknown>, nullableThread(row)),
    );
  }

  async countLetters(filter: LetterFilter = {}): Promise<number> {
    const params: SQLInputValue[] = [];
    const conditions = letterFilterConditions(filter, (value) => (params.push(value), '?'));
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return Number(this.#db.get(`SELECT count(*) AS n FROM letters l ${where}`, ...params)?.['n'] ?? 0);
  }

  async assignThreads(assignments: ReadonlyArray<{ accessionNumber: string; threadId: string }>): Promise<void> {
    if (assignments.length === 0) return;
    this.#db.write(() => {
      for (const { accessionNumber, threadId } of assignments) {
        this.#db.run(
          'UPDATE letters SET thread_id = ?, updated_at = ? WHERE accession_number = ? AND thread_id IS NOT ?',
          threadId,
          now(),
          accessionNumber,
          threadId,
        );
      }
    });
  }

  async searchLetters(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const match = toFts5Match(parseSearchQuery(query));
    if (match === null) return [];
    const params: SQLInputValue[] = [match];
    const { after: _after, ...filter } = options.filter ?? {};
    const filters = letterFilterConditions(filter, (value) => (params.push(value), '?'))
      .map((condition) => ` AND ${condition}`)
      .join('');
    params.push(SEARCH_CANDIDATES, searchLimit(options.limit), searchOffset(options.offset), match);
    // Ranked among the latest SEARCH_CANDIDATES matches (rowid order is FTS5's own, no sort), then the snippet
    // of the hits only: snippet() reads and tokenizes a letter's whole text. CROSS JOIN keeps that order.
    const rows = this.#db.all(
      `WITH candidates AS (
         SELECT letters_fts.rowid AS id, bm25(letters_fts, 2.0, 1.0) AS rank
         FROM letters_fts CROSS JOIN letters l ON l.id = letters_fts.rowid
         WHERE letters_fts MATCH ?${filters} ORDER BY letters_fts.rowid DESC LIMIT ?),
       top AS (
         SELECT c.id, c.rank FROM candidates c CROSS JOIN letters l ON l.id = c.id
         ORDER BY c.rank, l.sort_key, l.accession_number LIMIT ? OFFSET ?)
       SELECT l.accession_number, l.form, l.company_name, l.filing_date, l.letter_date, top.rank AS rank,
         snippet(letters_fts, -1, '[', ']', '…', 24) AS snippet
       FROM top CROSS JOIN letters_fts ON letters_fts.rowid = top.id CROSS JOIN letters l ON l.id = top.id
       WHERE letters_fts MATCH ? ORDER BY top.rank, l.sort_key, l.accession_number`,
      ...params,
    );
    return rows.map((row) => ({
      accessionNumber: String(row['accession_number']),
      form: row['form'] as SearchHit['form'],
      companyName: String(row['company_name']),
      filingDate: String(row['filing_date']),
      letterDate: (row['letter_date'] as string | null) ?? null,
      snippet: String(row['snippet']),
      // bm25() is lower for better matches.
      score: -Number(row['rank']),
    }));
  }

  async replaceThreadAnalytics(
    threads: readonly ThreadAnalytics[],
    options: { ciks?: readonly string[] } = {},
  ): Promise<void> {
    analytics.replaceThreadAnalytics(this.#db, threads, options.ciks ?? []);
  }

  async listComments(request: PageRequest<CommentFilter> = {}): Promise<Page<CommentRow>> {
    return analytics.listComments(this.#db, request);
  }

  streamComments(filter: CommentFilter = {}): AsyncIterable<CommentRow> {
    return streamPages((request) => this.listComments(request), filter);
  }

  async listConversations(request: PageRequest<ConversationFilter> = {}): Promise<Page<ConversationRow>> {
    return analytics.listConversations(this.#db, request);
  }

  streamConversations(filter: ConversationFilter = {}): AsyncIterable<ConversationRow> {
    return streamPages((request) => this.listConversations(request), filter);
  }

  async getConversation(threadId: string): Promise<ConversationRow | null> {
    return analytics.getConversation(this.#db, threadId);
  }

  async overviewCounts(limits: { readonly authorities: number; readonly recent: number }): Promise<OverviewCounts> {
    return overviewCounts(this.#db, limits);
  }

  async saveListedFilings(filings: readonly ListedFiling[], options?: SaveListedOptions): Promise<void> {
    saveListedFilings(this.#db, filings, options);
  }

  async listListedFilings(filter: ListedFilingFilter): Promise<ListedFiling[]> {
    return listListedFilings(this.#db, filter);
  }

  async getCheckpoint(name: string): Promise<string | null> {
    const row = this.#db.get('SELECT value FROM checkpoints WHERE name = ?', name);
    return row ? String(row['value']) : null;
  }

  async setCheckpoint(name: string, value: string): Promise<void> {
    this.#db.write(() => {
      this.#db.run(
        `INSERT INTO checkpoints (name, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        name,
        value,
        now(),
      );
    });
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  #markParsed(letter: Letter): void {
    this.#db.run(
      `INSERT INTO filings (accession_number, cik, form, filing_date, acceptance_date_time, state, parser_version, updated_at)
       VALUES (?, ?, ?, ?, ?, 'parsed', ?, ?)
       ON CONFLICT (accession_number) DO UPDATE SET state = 'parsed', parser_version = excluded.parser_version,
         acceptance_date_time = coalesce(excluded.acceptance_date_time, filings.acceptance_date_time),
         failed_stage = NULL, failure_code = NULL, failure_reason = NULL, bad_input_reason = NULL, note = NULL,
         hold_reason = NULL, hold_file_numbers = NULL, updated_at = excluded.updated_at
       WHERE ${PARSED_STATE_CHANGES}`,
      letter.accessionNumber,
      letter.cik,
      letter.form,
      letter.filingDate,
      letter.acceptanceDateTime,
      letter.parserVersion,
      now(),
    );
  }

  #replaceInferred(accessionNumber: string, inferred: readonly InferredFileNumber[]): void {
    this.#db.run('DELETE FROM inferred_file_numbers WHERE accession_number = ?', accessionNumber);
    for (const { fileNumber, via, relation } of inferred) {
      this.#db.run(
        'INSERT OR REPLACE INTO inferred_file_numbers (accession_number, file_number, via_accession, relation) VALUES (?, ?, ?, ?)',
        accessionNumber,
        fileNumber,
        via,
        relation,
      );
    }
  }

  #filingState(accessionNumber: string, action: string): FilingState {
    const row = this.#db.get('SELECT state FROM filings WHERE accession_number = ?', accessionNumber);
    if (!row) throw new UnknownFilingError(accessionNumber, action);
    return row['state'] as FilingState;
  }
}

function now(): string {
  return new Date().toISOString();
}

const nullableThread = (row: SqliteRow): string | null => (row['thread_id'] as string | null) ?? null;

function toLetter(row: SqliteRow): Letter {
  const stored = JSON.parse(String(row['letter_json'])) as Record<string, unknown>;
  return restoreLetter({ ...stored, text: row['text'] }, nullableThread(row));
}
