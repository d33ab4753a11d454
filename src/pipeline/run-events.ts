/**
 * What a backfill run reports while it runs (events) and when it ends (summary). Both runners emit the same
 * shapes, so `backfill` prints the same progress and summary, and picks the same exit code, in either mode.
 */
import type { Target } from '../edgar/identifiers.ts';

export type FilingOutcome =
  /** Stored as a letter in this run. */
  | 'stored'
  /** Already stored by an earlier run: nothing fetched, nothing written. */
  | 'already-stored'
  /** Fetched and parsed, but attributed to other file numbers only (file-number backfills). */
  | 'not-attributed'
  /** Fetched and parsed, no file number at all and no thread tying it to the backfill's number. */
  | 'unnumbered'
  | 'failed';

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
  | { readonly type: 'target-failed'; readonly targetKey: string; readonly code: string; readonly reason: string }
  /** Letters known so far (grows as targets are discovered). */
  | { readonly type: 'total'; readonly total: number }
  | {
      readonly type: 'filing-done';
      readonly accessionNumber: string;
      readonly outcome: FilingOutcome;
      /** Whether this run fetched it from EDGAR (an Archives request). */
      readonly fetched: boolean;
    }
  | { readonly type: 'finishing'; readonly what: string };

export interface TargetSummary {
  readonly target: Target;
  readonly targetKey: string;
  readonly ciks: readonly string[];
  readonly letters: number;
  readonly skipped: number;
  /** Discovery requests made for this target. */
  readonly requests: number;
  readonly warnings: readonly string[];
  /** Set when the target could not be discovered. */
  readonly failure: { readonly code: string; readonly reason: string } | null;
}

export interface FailedFiling {
  readonly accessionNumber: string;
  readonly form: string;
  readonly filingDate: string;
  readonly stage: string;
  readonly code: string;
  readonly reason: string;
}

export interface BackfillSummary {
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
export function exitCodeOf(summary: BackfillSummary): 0 | 1 {
  return summary.failures.length > 0 || summary.targets.some((t) => t.failure !== null) ? 1 : 0;
}
