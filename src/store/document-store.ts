/**
 * The DocumentStore port: filings and their processing state, letters (upsert by accession), threads,
 * full-text search and small checkpoints. Adapters: sqlite-document-store.ts (node:sqlite, FTS5, the embedded
 * default) and postgres-document-store.ts (pg, JSONB, tsvector). One contract suite (test/contract/) runs
 * unchanged against both.
 */
import type { ThreadLink } from '../discover/attribution.ts';
import type { FilingRef } from '../discover/filing-ref.ts';
import type { FilingFailure, FilingRecord, FilingState, Hold } from '../filing/filing-record.ts';
import type { CommentRow, ConversationRow, ConversationStatus, Resolution } from '../analytics/rows.ts';
import type { Letter, LetterForm, LetterKind, Topic } from '../letter/schema.ts';

export interface FilingFilter {
  readonly states?: readonly FilingState[];
  readonly cik?: string;
  readonly accessionNumbers?: readonly string[];
  /** Filings of these forms as listed (CORRESP, UPLOAD). */
  readonly forms?: readonly string[];
  /** filingDate >= filedFrom (YYYY-MM-DD). */
  readonly filedFrom?: string;
  /** filingDate <= filedTo (YYYY-MM-DD). */
  readonly filedTo?: string;
  /** Keyset paging: filings after this one in the listing order (filing date, then accession). */
  readonly after?: { readonly filingDate: string; readonly accessionNumber: string };
  readonly limit?: number;
}

/** A letter as a list row: every field, the full `text` only when asked for. */
export type LetterRow = Omit<Letter, 'text'> & { text?: string };

export interface LetterFilter {
  readonly fileNumber?: string;
  readonly cik?: string;
  /** filingDate >= since (YYYY-MM-DD). */
  readonly since?: string;
  /** filingDate <= until (YYYY-MM-DD). */
  readonly until?: string;
  readonly forms?: readonly LetterForm[];
  readonly kinds?: readonly LetterKind[];
  readonly threadId?: string;
  /** Only letters after this position in the listing order (keyset pagination of the read API). */
  readonly after?: LetterPosition;
  /** Letters with an item of this topic. */
  readonly topic?: Topic;
  /** Letters with an item citing this authority or a more precise one ("ASC 606" finds "ASC 606-10-25-19"). */
  readonly authority?: string;
}

/** A letter's position in the listing order: its sort key (see letterSortKey), filing date and accession. */
export interface LetterPosition {
  readonly sortKey: string;
  readonly filingDate: string;
  readonly accessionNumber: string;
}

export interface SearchOptions {
  /** Hits to return: 1..1000, default 20. */
  readonly limit?: number;
  /** Best hits to skip first (paging through one result list); default 0. */
  readonly offset?: number;
  /** Only letters matching this filter (its `after` is ignored). */
  readonly filter?: LetterFilter;
}

/** Filters of the analytic tables (DESIGN.md "Filters"); every condition given must hold. */
export interface AnalyticsFilter {
  /** Of a review that carries this file number. */
  readonly fileNumber?: string;
  /** The company's CIK. */
  readonly cik?: string;
  /** Comments: the staff letter's letterDate; conversations: firstLetterDate (YYYY-MM-DD, inclusive). */
  readonly since?: string;
  readonly until?: string;
  /** Comments: the comment's topics; conversations: any comment's. */
  readonly topic?: Topic;
  /** As LetterFilter.authority, over the comment's (any comment's) authorities. */
  readonly authority?: string;
}

export interface CommentFilter extends AnalyticsFilter {
  /** The comment's resolution. */
  readonly status?: Resolution;
  /** The comments of one review (the read API's conversation page). */
  readonly threadId?: string;
}

export interface ConversationFilter extends AnalyticsFilter {
  readonly status?: ConversationStatus;
}

/** One page of a list: `next` is the cursor of the following page, null on the last. */
export interface Page<T> {
  readonly data: T[];
  readonly next: string | null;
}

export interface PageRequest<F> {
  readonly filter?: F;
  /** Rows per page: default 100, at most 1000. */
  readonly limit?: number;
  /** `next` of the previous page; absent or null for the first. */
  readonly cursor?: string | null;
}

/** The derived rows of one review: its conversation and its comments in the review's order. */
export interface ThreadAnalytics {
  readonly conversation: ConversationRow;
  readonly comments: readonly CommentRow[];
}

export interface SearchHit {
  readonly accessionNumber: string;
  readonly form: LetterForm;
  readonly companyName: string;
  readonly filingDate: string;
  readonly letterDate: string | null;
  /** A short excerpt around the match, matches wrapped in [ and ]. */
  readonly snippet: string;
  /** Higher is better; comparable within one result list only. */
  readonly score: number;
}

export const UPSERT_OUTCOMES = ['inserted', 'updated', 'unchanged'] as const;
export type UpsertOutcome = (typeof UPSERT_OUTCOMES)[number];

/** A file number a letter has only through its review thread (it names none itself). */
export interface InferredFileNumber {
  readonly fileNumber: string;
  /** The stored letter of that number that ties it. */
  readonly via: string;
  readonly relation: ThreadLink['relation'];
}

export interface UpsertLetterOptions {
  /** Replaces the letter's inferred file numbers; when absent, those recorded earlier are kept. */
  readonly inferredFileNumbers?: readonly InferredFileNumber[];
}

/**
 * One filing as a company listing names it (submissions JSON; later the quarterly full index): kept for every
 * filing with a file number or of a form the staff reviews, so a letter's reviewed filing can be resolved.
 */
export interface ListedFiling {
  readonly accessionNumber: string;
  /** The company whose listing names it (co-registrants each list the filing). */
  readonly cik: string;
  /** Null only for rows carried over from a schema-1 store; the next discovery of the company fills them. */
  readonly form: string | null;
  readonly filingDate: string | null;
  /** The period the filing reports on (reportDate), when listed. */
  readonly reportDate: string | null;
  /** EDGAR spelling, [] when the listing gives none. */
  readonly fileNumbers: readonly string[];
}

export interface SaveListedOptions {
  /**
   * Rows already listed are left as they are (form, dates and file numbers): the full index, which gives no file
   * numbers nor report date, must not blank what a company's submissions listing recorded.
   */
  readonly keepExisting?: boolean;
}

export interface ListedFilingFilter {
  readonly cik?: string;
  readonly accessionNumbers?: readonly string[];
  /** Filings listed with this file number (EDGAR spelling or not). */
  readonly fileNumber?: string;
}

/** How many rows share a value (an overview's group). */
export interface ValueCount<T> {
  readonly value: T;
  readonly count: number;
}

/**
 * The overview's counts, aggregated in the database (DESIGN.md "Pages"). Years are the first four characters
 * of a date; authorities are counted by their lower-cased term (as `analytic_terms` holds them: a comment counts
 * once per authority, whatever its spellings) and named as a citing comment writes them (`ASC 606`, `S-K 303`).
 */
export interface OverviewCounts {
  /** Letters by their filing date's year and form. */
  readonly lettersByYear: ReadonlyArray<{ readonly year: string; readonly form: string; readonly count: number }>;
  /** Conversations by their number of rounds. */
  readonly rounds: ReadonlyArray<ValueCount<number>>;
  /** Complete conversations by daysOpen. */
  readonly daysOpen: ReadonlyArray<ValueCount<number>>;
  /** Comments by their letter's year and topic, once per topic; topic null: all the year's comments. */
  readonly topicsByYear: ReadonlyArray<{
    readonly year: string;
    readonly topic: string | null;
    readonly count: number;
  }>;
  /** The `authorities` most cited authorities, most comments first, then by name. */
  readonly authorities: ReadonlyArray<ValueCount<string>>;
  /** The `recent` conversations with the latest lastLetterDate (then by threadId). */
  readonly recent: readonly ConversationRow[];
}

export interface DocumentStore {
  /** Creates or upgrades the schema; idempotent. Adapters call it from their `open` function. */
  migrate(): Promise<void>;

  /** Records listed filings as `discovered`; existing filings keep their state. Returns how many were new. */
  recordDiscovered(refs: readonly FilingRef[]): Promise<number>;
  /** Marks a filing fetched, its raw bytes archived under `sha256`. Does not regress a parsed filing. */
  recordFetched(accessionNumber: string, archive: { sha256: string; bytes: number }): Promise<void>;
  /** Marks a filing failed at `stage` with a stable code and one-line reason. */
  recordFailed(accessionNumber: string, failure: FilingFailure): Promise<void>;
  /** Marks a filing skipped (outside the Letter schema), with the reason. */
  recordSkipped(accessionNumber: string, reason: string): Promise<void>;
  /** Holds back a fetched filing whose letter the run's scope does not store: its hold, and a note for people. */
  recordHeld(accessionNumber: string, hold: Hold, note: string): Promise<void>;
  getFiling(accessionNumber: string): Promise<FilingRecord | null>;
  listFilings(filter?: FilingFilter): Promise<FilingRecord[]>;
  countFilingsByState(): Promise<Record<FilingState, number>>;

  /** Stores a letter by accession and marks its filing parsed; reports whether anything changed. */
  upsertLetter(letter: Letter, options?: UpsertLetterOptions): Promise<UpsertOutcome>;
  /** The file numbers a stored letter has only through its review thread. */
  listInferredFileNumbers(accessionNumber: string): Promise<InferredFileNumber[]>;
  getLetter(accessionNumber: string): Promise<Letter | null>;
  /** Letters matching the filter, ordered by acceptance time (then filing date, accession). */
  listLetters(filter?: LetterFilter): AsyncIterable<Letter>;
  /**
   * One page of letters in listing order (at most `limit`, one query): the read API's list rows. Without
   * `text` the full text is neither read nor returned (a row keeps its metadata and items).
   */
  pageLetters(filter: LetterFilter, limit: number, options: { readonly text: boolean }): Promise<LetterRow[]>;
  countLetters(filter?: LetterFilter): Promise<number>;
  /** Sets `threadId` on stored letters (the thread builder decides; the store keeps it). */
  assignThreads(assignments: ReadonlyArray<{ accessionNumber: string; threadId: string }>): Promise<void>;

  /** Full-text search: plain words (all must match) and "quoted phrases"; best first; `filter` as listLetters'. */
  searchLetters(query: string, options?: SearchOptions): Promise<SearchHit[]>;

  /**
   * Replaces, in one transaction, the comments and conversation of each review given (keyed by the
   * conversation's threadId), and removes every other review of the companies `ciks` (reviews that a rebuild
   * merged or split away). A comment is stored once: by its review and its position in it.
   */
  replaceThreadAnalytics(threads: readonly ThreadAnalytics[], options?: { ciks?: readonly string[] }): Promise<void>;
  /** Comments ordered by letterDate, review, position in the review; keyset pages (InvalidCursorError). */
  listComments(request?: PageRequest<CommentFilter>): Promise<Page<CommentRow>>;
  /** Every comment matching the filter, in listComments' order, read page by page. */
  streamComments(filter?: CommentFilter): AsyncIterable<CommentRow>;
  /** Conversations ordered by firstLetterDate then threadId; keyset pages (InvalidCursorError). */
  listConversations(request?: PageRequest<ConversationFilter>): Promise<Page<ConversationRow>>;
  streamConversations(filter?: ConversationFilter): AsyncIterable<ConversationRow>;
  getConversation(threadId: string): Promise<ConversationRow | null>;
  /** The overview's counts, grouped in the database rather than read row by row. */
  overviewCounts(limits: { readonly authorities: number; readonly recent: number }): Promise<OverviewCounts>;

  /** Upserts filings as a company listing names them (by cik and accession; file numbers replaced). */
  saveListedFilings(filings: readonly ListedFiling[], options?: SaveListedOptions): Promise<void>;
  /** Listed filings matching every given condition, by cik then accession. */
  listListedFilings(filter: ListedFilingFilter): Promise<ListedFiling[]>;

  /** Small named checkpoints (crawler cursors, per-target discovery marks); null when unset. */
  getCheckpoint(name: string): Promise<string | null>;
  setCheckpoint(name: string, value: string): Promise<void>;

  /** Closes the connection(s) the store owns. */
  close(): Promise<void>;
}
