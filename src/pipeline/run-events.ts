/**
 * What a run (a backfill's targets, a crawl pass) reports while it runs (events) and when it ends (summary).
 * Both runners emit the same shapes through one RunReport (run-report.ts), so `backfill` and `crawl` print the
 * same progress and summary, and pick the same exit code, in either mode.
 */
import type { FileNumberResolution } from '../discover/file-number-routes.ts';
import type { ErrorCode } from '../errors.ts';
import { HOLD_REASONS, type PipelineStage } from '../filing/filing-record.ts';
import type { Target } from '../identifiers.ts';

export const FILING_OUTCOMES = ['stored', 'already-stored', ...HOLD_REASONS, 'failed'] as const;
/**
 * stored: stored as a letter in this run. already-stored: by an earlier run, nothing fetched or written.
 * not-attributed / unnumbered (the HoldReasons): archived, held back from a file-number backfill (other file
 * numbers only / none at all and no thread tying it to the backfill's number). failed: with its reason.
 */
export type FilingOutcome = (typeof FILING_OUTCOMES)[number];

export type RunEvent =
  | { readonly type: 'target-started'; readonly targetKey: string }
  | {
      readonly type: 'target-discovered';
      readonly targetKey: string;
      readonly ciks: readonly string[];
      readonly letters: number;
      readonly skipped: number;
      readonly requests: number;
      readonly warnings: readonly string[];
    }
  | { readonly type: 'target-failed'; readonly targetKey: string; readonly code: ErrorCode; readonly reason: string }
  /** Letters known so far (grows as targets are discovered). */
  | { readonly type: 'total'; readonly total: number }
  | {
      readonly type: 'filing-done';
      readonly accessionNumber: string;
      readonly outcome: FilingOutcome;
      /** Whether this run fetched it from EDGAR (an Archives request). */
      readonly fetched: boolean;
    }
  | { readonly type: 'finishing'; readonly what: string }
  /** `--all`: one quarter of the full index read, skipped (final read checkpointed) or not started yet. */
  | {
      readonly type: 'quarter';
      readonly quarter: string;
      readonly outcome: 'read' | 'checkpointed' | 'not-started' | 'failed';
      readonly letters: number;
      readonly index: number;
      readonly of: number;
    };

export interface TargetSummary {
  readonly target: Target;
  readonly targetKey: string;
  readonly ciks: readonly string[];
  readonly letters: number;
  readonly skipped: number;
  /** Discovery requests made for this target. */
  readonly requests: number;
  readonly warnings: readonly string[];
  /** For a file number: which route (browse-edgar, full-text search) named its companies; null otherwise. */
  readonly resolution?: FileNumberResolution | null;
  /** Set when the target could not be discovered. */
  readonly failure: { readonly code: ErrorCode; readonly reason: string } | null;
}

export interface FailedFiling {
  readonly accessionNumber: string;
  readonly form: string;
  readonly filingDate: string;
  readonly stage: PipelineStage;
  readonly code: ErrorCode;
  readonly reason: string;
}

export interface RunSummary {
  readonly targets: readonly TargetSummary[];
  /** Distinct letters listed by all targets. */
  readonly letters: number;
  /** Related forms listed and skipped (SEC STAFF LETTER, SEC STAFF ACTION, DRSLTR). */
  readonly skipped: number;
  readonly counts: Readonly<Record<FilingOutcome, number>>;
  /** Archives requests (complete submissions fetched) in this run. */
  readonly fetched: number;
  /** Filings read from the archive instead of fetched. */
  readonly fromArchive: number;
  /** Letters without file number stored because their thread ties them to the backfill's number. */
  readonly threadAttributed: number;
  readonly failures: readonly FailedFiling[];
  readonly durationMs: number;
}

/** 0 when everything was done; 1 when a filing or a target failed (DESIGN.md exit codes). */
export function exitCodeOf(summary: RunSummary): 0 | 1 {
  return summary.failures.length > 0 || summary.targets.some((t) => t.failure !== null) ? 1 : 0;
}
