/**
 * The DocumentStore port: filings and their processing state, letters (upsert by accession), threads,
 * full-text search and small checkpoints. Adapters: sqlite-document-store.ts (node:sqlite, FTS5, the embedded
 * default) and postgres-document-store.ts (pg, JSONB, tsvector). One contract suite (test/contract/) runs
 * unchanged against both.
 */
import type { FilingRef } from '../discover/filing-ref.ts';
import type { Letter, LetterForm, LetterKind } from '../letter/schema.ts';

export const FILING_STATES = ['discovered', 'fetched', 'parsed', 'failed', 'skipped'] as const;
/**
 * discovered: listed, not yet fetched. fetched: raw bytes archived (a letter not attributed to the backfill's
 * file number stays here, with a note). parsed: its Letter is stored. failed: with stage, code and reason.
 * skipped: outside the Letter schema (SEC STAFF LETTER, ...), with the reason.
 */
export type FilingState = (typeof FILING_STATES)[number];

export type PipelineStage = 'discover' | 'fetch' | 'parse';

export interface FilingRecord {
  readonly accessionNumber: string;
  readonly cik: string;
  readonly form: string;
  readonly filingDate: string;
  readonly acceptanceDateTime: string | null;
  readonly listedFileNumber: string | null;
  readonly state: FilingState;
  /** sha256 of the archived complete submission, once fetched. */
  readonly archiveSha256: string | null;
  readonly archiveBytes: number | null;
  readonly failedStage: PipelineStage | null;
  /** Stable error code (errors.ts), e.g. BAD_INPUT, EDGAR_NOT_FOUND. */
  readonly failureCode: string | null;
  /** One line naming the cause, e.g. "truncated-submission: no </DOCUMENT> after <DOCUMENT> 1". */
  readonly failureReason: string | null;
  /** Why a filing is skipped or fetched-but-not-stored; null otherwise. */
  readonly note: string | null;
  readonly parserVersion: string | null;
  /** ISO timestamp of the last state change. */
  readonly updatedAt: string;
}

export interface FilingFailure {
  readonly stage: PipelineStage;
  readonly code: string;
  readonly reason: string;
}

export interface FilingFilter {
  readonly states?: readonly FilingState[];
  readonly cik?: string;
  readonly accessionNumbers?: readonly string[];
  readonly limit?: number;
}

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

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

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
  /** Attaches a note to a fetched filing that is not stored as a letter (e.g. other file numbers only). */
  recordNote(accessionNumber: string, note: string): Promise<void>;
  getFiling(accessionNumber: string): Promise<FilingRecord | null>;
  listFilings(filter?: FilingFilter): Promise<FilingRecord[]>;
  countFilingsByState(): Promise<Record<FilingState, number>>;

  /** Stores a letter by accession and marks its filing parsed; reports whether anything changed. */
  upsertLetter(letter: Letter): Promise<UpsertOutcome>;
  getLetter(accessionNumber: string): Promise<Letter | null>;
  /** Letters matching the filter, ordered by acceptance time (then filing date, accession). */
  listLetters(filter?: LetterFilter): AsyncIterable<Letter>;
  countLetters(filter?: LetterFilter): Promise<number>;
  /** Sets `threadId` on stored letters (the thread builder decides; the store keeps it). */
  assignThreads(assignments: ReadonlyArray<{ accessionNumber: string; threadId: string }>): Promise<void>;

  /** Full-text search: plain words (all must match) and "quoted phrases"; best first. */
  searchLetters(query: string, options?: { limit?: number }): Promise<SearchHit[]>;

  /** Small named checkpoints (crawler cursors, per-target discovery marks); null when unset. */
  getCheckpoint(name: string): Promise<string | null>;
  setCheckpoint(name: string, value: string): Promise<void>;

  /** Closes the connection(s) the store owns. */
  close(): Promise<void>;
}
