/**
 * The distributed DocumentStore: PostgreSQL through pg. Letters are JSONB with a generated tsvector (GIN
 * index) for search; upserts are single `ON CONFLICT` statements (all of a letter's writes are one statement,
 * one round trip: postgres-upsert-letter.ts), so any number of workers can store the same accession at once and
 * it is stored once. All tables live in one schema (option
 * `schema`, default "public") that the store's connections put on their search_path: tests and deployments
 * isolate by schema. The store owns its pool and closes it.
 */
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
import * as analytics from './postgres-analytics.ts';
import { toFilingRecord } from './filing-row.ts';
import { LETTER_PAGE_SIZE, letterFilterConditions, type BindParameter } from './letter-filter-sql.ts';
import { prepareLetterRecord, letterTerms, restoreLetter, restoreLetterRow } from './letter-record.ts';
import { PostgresConnection } from './postgres-connection.ts';
import { listListedFilings, saveListedFilings } from './postgres-listed-filings.ts';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { UPSERT_LETTER_SQL } from './postgres-upsert-letter.ts';
import { overviewCounts } from './postgres-overview.ts';
import { schemaMismatch } from './schema-version.ts';
import { SEARCH_CANDIDATES, parseSearchQuery, searchLimit, searchOffset } from './search-query.ts';
import { UnknownFilingError } from './store-errors.ts';

export interface PostgresDocumentStoreOptions {
  /** Schema holding the tables, created by `migrate` when missing; default "public". Lower-case SQL name. */
  readonly schema?: string;
  /** Connections in the store's pool; default 4 (many workers share one server's max_connections). */
  readonly poolSize?: number;
  /** Milliseconds to wait for a connection before failing; default 10000. */
  readonly connectTimeoutMs?: number;
  /** Read-only sessions (serve): no migration; the server refuses every write. */
  readonly readOnly?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/**
 * ts_headline parses all the text it is given (the 20 hits of a frequent word are the longest letters: 280 ms of a
 * 700 ms search at 10^5): a letter longer than this gives its snippet from this many characters around the first
 * whole-word occurrence of the query's first word (from its start when the word is not found as written).
 */
const HEADLINE_WINDOW = 12_000;
/** How much of the window comes before that word. */
const HEADLINE_LEAD = 2_000;
const HEADLINE_OPTIONS = 'StartSel="[", StopSel="]", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';

export class PostgresDocumentStore implements DocumentStore {
  readonly schema: string;
  readonly #db: PostgresConnection;

  /** Connects (failing with a ConfigError naming the server when it does not answer) and migrates. */
  static async open(
    connectionString: string,
    options: PostgresDocumentStoreOptions = {},
  ): Promise<PostgresDocumentStore> {
    const store = new PostgresDocumentStore(connectionString, options);
    try {
      await store.#db.check();
      if (options.readOnly) await store.#checkSchema();
      else await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  constructor(connectionString: string, options: PostgresDocumentStoreOptions = {}) {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) {
      throw new ConfigError(
        `PostgreSQL schema ${JSON.stringify(schema)} is not a lower-case SQL name: set STORE_URL with ?schema=<letters, digits, _>, e.g. STORE_URL=postgres://postgres@127.0.0.1:5432/edgar?schema=edgar_corresp`,
      );
    }
    this.schema = schema;
    this.#db = new PostgresConnection(connectionString, {
      schema,
      poolSize: options.poolSize ?? 4,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      readOnly: options.readOnly ?? false,
    });
  }

  /** Fails with a ConfigError unless the schema's version is the last one this code knows (none: 0). */
  async #checkSchema(): Promise<void> {
    const { rows } = await this.#db.query<{ present: boolean }>(
      "SELECT to_regclass(quote_ident($1) || '.schema_version') IS NOT NULL AS present",
      [this.schema],
    );
    let current = 0;
    if (rows[0]?.present) {
      const version = await this.#db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
      current = version.rows[0]?.v ?? 0;
    }
    const where = `${this.#db.where} (schema ${this.schema})`;
    const mismatch = schemaMismatch(where, current, POSTGRES_MIGRATIONS.at(-1)?.version ?? 0);
    if (mismatch) throw mismatch;
  }

  async migrate(): Promise<void> {
    const known = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
    await this.#db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`edgar-corresp:migrate:${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query(`SET LOCAL search_path TO ${this.schema}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
      const current = rows[0]?.v ?? 0;
      if (current > known) {
        throw new ConfigError(
          `the PostgreSQL store at ${this.#db.where} (schema ${this.schema}) has schema version ${current}, newer than this edgar-corresp knows (${known}): upgrade edgar-corresp or set STORE_URL to another schema`,
        );
      }
      for (const migration of POSTGRES_MIGRATIONS) {
        if (migration.version <= current) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, now())', [
          migration.version,
          migration.name,
        ]);
      }
    });
  }

  async recordDiscovered(refs: readonly FilingRef[]): Promise<number> {
    const unique = [...new Map(refs.map((ref) => [ref.accessionNumber, ref])).values()];
    if (unique.length === 0) return 0;
    const column = <K extends keyof FilingRef>(key: K): Array<FilingRef[K]> => unique.map((ref) => ref[key]);
    const { rows } = await this.#db.query<{ inserted: boolean }>(
      `INSERT INTO filings (accession_number, cik, form, filing_date, acceptance_date_time, listed_file_number, state, updated_at)
       SELECT a, c, f, d, t, n, 'discovered', now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r (a, c, f, d, t, n)
       ON CONFLICT (accession_number) DO UPDATE SET
         acceptance_date_time = coalesce(filings.acceptance_date_time, excluded.acceptance_date_time),
         listed_file_number = coalesce(filings.listed_file_number, excluded.listed_file_number)
       WHERE filings.acceptance_date_time IS NULL OR filings.listed_file_number IS NULL
       RETURNING (xmax = 0) AS inserted`,
      [
        column('accessionNumber'),
        column('cik'),
        column('form'),
        column('filingDate'),
        column('acceptanceDateTime'),
        column('fileNumber'),
      ],
    );
    return rows.filter((row) => row.inserted).length;
  }

  async recordFetched(accessionNumber: string, archive: { sha256: string; bytes: number }): Promise<void> {
    const { rowCount } = await this.#db.query(
      `UPDATE filings SET archive_sha256 = $2, archive_bytes = $3, updated_at = now(),
         state = CASE WHEN state = 'parsed' THEN state ELSE 'fetched' END,
         failed_stage = CASE WHEN state = 'parsed' THEN failed_stage END,
         failure_code = CASE WHEN state = 'parsed' THEN failure_code END,
         failure_reason = CASE WHEN state = 'parsed' THEN failure_reason END,
         bad_input_reason = CASE WHEN state = 'parsed' THEN bad_input_reason END
       WHERE accession_number = $1`,
      [accessionNumber, archive.sha256, archive.bytes],
    );
    if (!rowCount) throw new UnknownFilingError(accessionNumber, 'record as fetched');
  }

  async recordFailed(accessionNumber: string, failure: FilingFailure): Promise<void> {
    // A parsed filing's letter is stored: only a new parse may change its state.
    const { rowCount } = await this.#db.query(
      `UPDATE filings SET state = 'failed', failed_stage = $2, failure_code = $3, failure_reason = $4,
         bad_input_reason = $5, hold_reason = NULL, hold_file_numbers = NULL, updated_at = now()
       WHERE accession_number = $1 AND (state <> 'parsed' OR $2 = 'parse')`,
      [accessionNumber, failure.stage, failure.code, failure.reason, failure.badInputReason],
    );
    if (!rowCount && !(await this.getFiling(accessionNumber))) {
      throw new UnknownFilingError(accessionNumber, 'record a failure of');
    }
  }

  async recordSkipped(accessionNumber: string, reason: string): Promise<void> {
    const { rowCount } = await this.#db.query(
      `UPDATE filings SET state = 'skipped', note = $2, failed_stage = NULL, failure_code = NULL, failure_reason = NULL,
         bad_input_reason = NULL, hold_reason = NULL, hold_file_numbers = NULL, updated_at = now()
       WHERE accession_number = $1`,
      [accessionNumber, reason],
    );
    if (!rowCount) throw new UnknownFilingError(accessionNumber, 'record as skipped');
  }

  async recordHeld(accessionNumber: string, hold: Hold, note: string): Promise<void> {
    // A parsed filing's letter is stored: holding it back under a narrower scope changes nothing.
    const { rowCount } = await this.#db.query(
      `UPDATE filings SET state = 'fetched', failed_stage = NULL, failure_code = NULL, failure_reason = NULL,
         bad_input_reason = NULL, hold_reason = $2, hold_file_numbers = $3::jsonb, parser_version = $4, note = $5,
         updated_at = now()
       WHERE accession_number = $1 AND state <> 'parsed'`,
      [accessionNumber, hold.reason, JSON.stringify(hold.fileNumbers), hold.parserVersion, note],
    );
    if (!rowCount && !(await this.getFiling(accessionNumber))) {
      throw new UnknownFilingError(accessionNumber, 'hold back');
    }
  }

  async getFiling(accessionNumber: string): Promise<FilingRecord | null> {
    const { rows } = await this.#db.query('SELECT * FROM filings WHERE accession_number = $1', [accessionNumber]);
    return rows[0] ? toFilingRecord(rows[0]) : null;
  }

  async listFilings(filter: FilingFilter = {}): Promise<FilingRecord[]> {
    const params: unknown[] = [];
    const bind = (value: unknown): string => `$${params.push(value)}`;
    const conditions: string[] = [];
    if (filter.states?.length) conditions.push(`state = ANY(${bind(filter.states)}::text[])`);
    if (filter.cik !== undefined) conditions.push(`cik = ${bind(filter.cik)}`);
    if (filter.accessionNumbers !== undefined) {
      if (filter.accessionNumbers.length === 0) return [];
      conditions.push(`accession_number = ANY(${bind(filter.accessionNumbers)}::text[])`);
    }
    if (filter.forms?.length) conditions.push(`form = ANY(${bind(filter.forms)}::text[])`);
    if (filter.filedFrom !== undefined) conditions.push(`filing_date >= ${bind(filter.filedFrom)}`);
    if (filter.filedTo !== undefined) conditions.push(`filing_date <= ${bind(filter.filedTo)}`);
    if (filter.after !== undefined) {
      const { filingDate, accessionNumber } = filter.after;
      conditions.push(`(filing_date, accession_number) > (${bind(filingDate)}, ${bind(accessionNumber)})`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const limit = filter.limit !== undefined ? `LIMIT ${Math.max(0, Math.trunc(filter.limit))}` : '';
    const { rows } = await this.#db.query(
      `SELECT * FROM filings ${where} ORDER BY filing_date, accession_number ${limit}`,
      params,
    );
    return rows.map(toFilingRecord);
  }

  async countFilingsByState(): Promise<Record<FilingState, number>> {
    const counts = Object.fromEntries(FILING_STATES.map((state) => [state, 0])) as Record<FilingState, number>;
    const { rows } = await this.#db.query<{ state: FilingState; n: string }>(
      'SELECT state, count(*) AS n FROM filings GROUP BY state',
    );
    for (const row of rows) counts[row.state] = Number(row.n);
    return counts;
  }

  async upsertLetter(input: Letter, options: UpsertLetterOptions = {}): Promise<UpsertOutcome> {
    const record = prepareLetterRecord(input);
    const { letter } = record;
    const terms = letterTerms(letter);
    const inferred = dedupeInferred(options.inferredFileNumbers);
    // One statement, one round trip, atomic as any statement is (no BEGIN/COMMIT): see UPSERT_LETTER_SQL.
    const { rows } = await this.#db.query<{ inserted: boolean | null }>({
      name: 'upsert-letter',
      text: UPSERT_LETTER_SQL,
      values: [
        letter.accessionNumber,
        letter.cik,
        letter.form,
        letter.companyName,
        letter.filingDate,
        letter.acceptanceDateTime,
        record.sortKey,
        letter.letterDate,
        letter.kind,
        letter.threadId,
        letter.parserVersion,
        record.contentHash,
        JSON.stringify(withoutThread(letter)),
        record.fileNumbers,
        terms.map((t) => t.term),
        terms.map((t) => t.value),
        inferred !== undefined,
        (inferred ?? []).map((i) => i.fileNumber),
        (inferred ?? []).map((i) => i.via),
        (inferred ?? []).map((i) => i.relation),
      ],
    });
    const inserted = rows[0]?.inserted ?? null;
    return inserted === null ? 'unchanged' : inserted ? 'inserted' : 'updated';
  }

  async listInferredFileNumbers(accessionNumber: string): Promise<InferredFileNumber[]> {
    const { rows } = await this.#db.query<{ file_number: string; via_accession: string; relation: string }>(
      `SELECT file_number, via_accession, relation FROM inferred_file_numbers WHERE accession_number = $1
       ORDER BY file_number`,
      [accessionNumber],
    );
    return rows.map((row) => ({
      fileNumber: row.file_number,
      via: row.via_accession,
      relation: row.relation === 'answers' ? 'answers' : 'answered-by',
    }));
  }

  async getLetter(accessionNumber: string): Promise<Letter | null> {
    const { rows } = await this.#db.query<{ letter: Record<string, unknown>; thread_id: string | null }>(
      `SELECT l.letter, lt.thread_id FROM letters l ${THREAD_JOIN} WHERE l.accession_number = $1`,
      [accessionNumber],
    );
    return rows[0] ? restoreLetter(rows[0].letter, rows[0].thread_id) : null;
  }

  async *listLetters(filter: LetterFilter = {}): AsyncIterable<Letter> {
    // Keyset pages: each page is one short query, so a long export holds no connection or snapshot open.
    let after: [string, string, string] | null = null;
    while (true) {
      const params: unknown[] = [];
      const bind = (value: string): string => `$${params.push(value)}`;
      const conditions = letterConditions(filter, bind);
      if (after) {
        conditions.push(`(l.sort_key, l.filing_date, l.accession_number) > (${after.map(bind).join(', ')})`);
      }
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      const { rows } = await this.#db.query<{
        letter: Record<string, unknown>;
        thread_id: string | null;
        sort_key: string;
        filing_date: string;
        accession_number: string;
      }>(
        `SELECT l.letter, lt.thread_id, l.sort_key, l.filing_date, l.accession_number FROM letters l ${THREAD_JOIN} ${where}
         ORDER BY l.sort_key, l.filing_date, l.accession_number LIMIT ${LETTER_PAGE_SIZE}`,
        params,
      );
      for (const row of rows) yield restoreLetter(row.letter, row.thread_id);
      const last = rows.at(-1);
      if (!last || rows.length < LETTER_PAGE_SIZE) return;
      after = [last.sort_key, last.filing_date, last.accession_number];
    }
  }

  async pageLetters(filter: LetterFilter, limit: number, options: { readonly text: boolean }): Promise<LetterRow[]> {
    const params: unknown[] = [];
    const conditions = letterConditions(filter, (value) => `$${params.push(value)}`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const { rows } = await this.#db.query<{ letter: Record<string, unknown>; thread_id: string | null }>(
      `SELECT ${options.text ? 'l.letter' : "l.letter - 'text' AS letter"}, lt.thread_id FROM letters l ${THREAD_JOIN} ${where}
       ORDER BY l.sort_key, l.filing_date, l.accession_number LIMIT ${Math.max(0, Math.floor(limit))}`,
      params,
    );
    return rows.map((row) =>
      options.text ? restoreLetter(row.letter, row.thread_id) : restoreLetterRow(row.letter, row.thread_id),
    );
  }

  async countLetters(filter: LetterFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const conditions = letterConditions(filter, (value) => `$${params.push(value)}`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const { rows } = await this.#db.query<{ n: string }>(`SELECT count(*) AS n FROM letters l ${where}`, params);
    return Number(rows[0]?.n ?? 0);
  }

  async assignThreads(assignments: ReadonlyArray<{ accessionNumber: string; threadId: string }>): Promise<void> {
    // The last assignment of an accession wins (ON CONFLICT may touch a row once per statement). Rows of
    // letters not stored are left out, and so are threads already stored: unchanged rows are not even locked.
    const latest = new Map(assignments.map((a) => [a.accessionNumber, a.threadId]));
    if (latest.size === 0) return;
    await this.#db.query(
      `INSERT INTO letter_threads AS t (accession_number, thread_id)
       SELECT a.accession_number, a.thread_id FROM unnest($1::text[], $2::text[]) AS a (accession_number, thread_id)
       WHERE EXISTS (SELECT 1 FROM letters l WHERE l.accession_number = a.accession_number)
         AND NOT EXISTS (SELECT 1 FROM letter_threads s
           WHERE s.accession_number = a.accession_number AND s.thread_id = a.thread_id)
       ON CONFLICT (accession_number) DO UPDATE SET thread_id = excluded.thread_id
       WHERE t.thread_id IS DISTINCT FROM excluded.thread_id`,
      [[...latest.keys()], [...latest.values()]],
    );
  }

  async searchLetters(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const terms = parseSearchQuery(query);
    if (terms.length === 0) return [];
    // Every term, word or phrase, through phraseto_tsquery: user text is data, never tsquery syntax, and a
    // word with inner punctuation ("F-33") becomes the phrase of its parts, as in FTS5.
    const params: unknown[] = terms.map((term) => term.words.join(' '));
    const tsquery = params.map((_, i) => `phraseto_tsquery('english', $${i + 1})`).join(' && ');
    const { after: _after, ...filter } = options.filter ?? {};
    const limit = `$${params.push(searchLimit(options.limit))}`;
    const offset = `$${params.push(searchOffset(options.offset))}`;
    const candidates = `$${params.push(SEARCH_CANDIDATES)}`;
    const filters = letterConditions(filter, (value) => `$${params.push(value)}`)
      .map((condition) => ` AND ${condition}`)
      .join('');
    const firstWord = `$${params.push(`\\m${escapeRegex(terms[0]!.words[0]!)}\\M`)}`;
    const { rows } = await this.#db.query<{
      accession_number: string;
      form: SearchHit['form'];
      company_name: string;
      filing_date: string;
      letter_date: string | null;
      score: number;
      snippet: string;
    }>(
      // Ranked among the latest SEARCH_CANDIDATES matches (by acceptance time), and the letter's text (a
      // detoasted jsonb) read for the hits only: ranking every match of a common word grows with the store.
      `WITH q AS (SELECT ${tsquery} AS query),
       candidates AS (
         SELECT l.accession_number FROM letters l, q WHERE l.search_vector @@ q.query${filters}
         ORDER BY l.sort_key DESC, l.accession_number DESC LIMIT ${candidates}),
       hits AS (
         SELECT l.accession_number, l.form, l.company_name, l.filing_date, l.letter_date, l.sort_key,
           ts_rank_cd(l.search_vector, q.query) AS score
         FROM candidates c JOIN letters l ON l.accession_number = c.accession_number, q
         ORDER BY score DESC, l.sort_key, l.accession_number LIMIT ${limit} OFFSET ${offset})
       SELECT h.accession_number, h.form, h.company_name, h.filing_date, h.letter_date, h.score::float8 AS score,
         ts_headline('english', h.company_name || E'\\n\\n' || CASE WHEN length(t.text) <= ${HEADLINE_WINDOW} THEN t.text
           ELSE substr(t.text, greatest(1, regexp_instr(t.text, ${firstWord}, 1, 1, 0, 'i') - ${HEADLINE_LEAD}),
             ${HEADLINE_WINDOW}) END, q.query, '${HEADLINE_OPTIONS}') AS snippet
       FROM hits h, q, LATERAL (SELECT l.letter ->> 'text' AS text FROM letters l
         WHERE l.accession_number = h.accession_number) t
       ORDER BY h.score DESC, h.sort_key, h.accession_number`,
      params,
    );
    return rows.map((row) => ({
      accessionNumber: row.accession_number,
      form: row.form,
      companyName: row.company_name,
      filingDate: row.filing_date,
      letterDate: row.letter_date,
      snippet: row.snippet,
      score: Number(row.score),
    }));
  }

  async replaceThreadAnalytics(
    threads: readonly ThreadAnalytics[],
    options: { ciks?: readonly string[] } = {},
  ): Promise<void> {
    await analytics.replaceThreadAnalytics(this.#db, threads, options.ciks ?? []);
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
    await saveListedFilings(this.#db, filings, options);
  }

  async listListedFilings(filter: ListedFilingFilter): Promise<ListedFiling[]> {
    return listListedFilings(this.#db, filter);
  }

  async getCheckpoint(name: string): Promise<string | null> {
    const { rows } = await this.#db.query<{ value: string }>('SELECT value FROM checkpoints WHERE name = $1', [name]);
    return rows[0]?.value ?? null;
  }

  async setCheckpoint(name: string, value: string): Promise<void> {
    await this.#db.query(
      `INSERT INTO checkpoints (name, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [name, value],
    );
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}

/** A word as a PostgreSQL regular expression matching it literally. */
const escapeRegex = (word: string): string => word.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);

/** Each letter's thread id (migration 6): `lt.thread_id`, null for a letter without one. */
const THREAD_JOIN = 'LEFT JOIN letter_threads lt ON lt.accession_number = l.accession_number';

/** The letters' filter conditions, the thread one over letter_threads (its index on thread_id). */
function letterConditions(filter: LetterFilter, bind: BindParameter): string[] {
  return letterFilterConditions(filter, bind, {
    thread: (placeholder) =>
      `l.accession_number IN (SELECT s.accession_number FROM letter_threads s WHERE s.thread_id = ${placeholder})`,
  });
}

/** The letter as its JSON column keeps it: the thread id is letter_threads'. */
function withoutThread(letter: Letter): Omit<Letter, 'threadId'> {
  const { threadId: _threadId, ...content } = letter;
  return content;
}

/** The inferred numbers once each (the first given of a number wins), as the upsert's ON CONFLICT needs. */
function dedupeInferred(inferred: readonly InferredFileNumber[] | undefined): InferredFileNumber[] | undefined {
  if (inferred === undefined) return undefined;
  const byNumber = new Map<string, InferredFileNumber>();
  for (const item of inferred) if (!byNumber.has(item.fileNumber)) byNumber.set(item.fileNumber, item);
  return [...byNumber.values()];
}
