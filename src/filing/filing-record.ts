/**
 * A filing's processing record, as the store keeps it and every runner reads it: its state, and the columns
 * that say why it is where it is (the failure's stage, code and bad-input reason; the hold's reason and file
 * numbers). Behaviour is decided from these typed columns only; `note` and `failureReason` are text for people.
 */
import type { BadInputReason, ErrorCode } from '../errors.ts';

export const FILING_STATES = ['discovered', 'fetched', 'parsed', 'failed', 'skipped'] as const;
/**
 * discovered: listed, not yet fetched. fetched: raw bytes archived (a letter held back from the run's scope
 * stays here, with its hold). parsed: its Letter is stored. failed: with stage, code and reason.
 * skipped: outside the Letter schema (SEC STAFF LETTER, ...), with the reason as its note.
 */
export type FilingState = (typeof FILING_STATES)[number];

export const PIPELINE_STAGES = ['discover', 'fetch', 'parse'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const HOLD_REASONS = ['not-attributed', 'unnumbered'] as const;
/**
 * Why a parsed letter is archived but not stored: not-attributed = it names other file numbers only;
 * unnumbered = it names none (a file-number backfill may still tie it through its review thread).
 */
export type HoldReason = (typeof HOLD_REASONS)[number];

export interface Hold {
  readonly reason: HoldReason;
  /** The letter's own file numbers ([] when unnumbered): a run whose scope names one of them stores it. */
  readonly fileNumbers: readonly string[];
  /** The parser that decided the hold: a newer parser reads the letter again. */
  readonly parserVersion: string;
}

export interface FilingFailure {
  readonly stage: PipelineStage;
  readonly code: ErrorCode;
  /** One line naming the cause, e.g. "truncated-submission: no </DOCUMENT> after <DOCUMENT> 1". */
  readonly reason: string;
  /** The bad-input cause when `code` is BAD_INPUT, else null. */
  readonly badInputReason: BadInputReason | null;
}

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
  /** Set when state is failed. */
  readonly failure: FilingFailure | null;
  /** Set when a fetched filing is held back (not stored) by the scope of the run that parsed it. */
  readonly hold: Hold | null;
  /** Why a filing is skipped or held, for people; null otherwise. */
  readonly note: string | null;
  readonly parserVersion: string | null;
  /** ISO timestamp of the last state change. */
  readonly updatedAt: string;
}
