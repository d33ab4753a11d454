/**
 * The one place a run is counted, for both runners: targets discovered or failed, filings listed, each
 * filing's outcome (re-counted when a later scope or the thread tie-up changes it), EDGAR fetches and archive
 * reads, failures; it emits the RunEvents as it counts and sums the run up as a RunSummary.
 */
import type { FileNumberResolution } from '../discover/file-number-routes.ts';
import type { ErrorCode } from '../errors.ts';
import type { FilingFailure } from '../filing/filing-record.ts';
import { targetKey, type Target } from '../identifiers.ts';
import type { FailedFiling, FilingOutcome, RunEvent, RunSummary, TargetSummary } from './run-events.ts';

/** What a filing's summary line names. */
export interface FilingFacts {
  readonly accessionNumber: string;
  readonly form: string;
  readonly filingDate: string;
}

/** How a finished filing's bytes were read in this run: fetched from EDGAR, read from the archive, or not read. */
export type BytesRead = 'fetched' | 'archive' | 'none';

/** What a target's discovery found. */
export interface TargetFound {
  readonly ciks: readonly string[];
  readonly letters: number;
  readonly skipped: number;
  readonly requests: number;
  readonly warnings: readonly string[];
  /** For a file number: which route named its companies; absent or null otherwise. */
  readonly resolution?: FileNumberResolution | null;
}

const keyOf = (target: Target | null) => (target ? targetKey(target) : 'crawl');

export class RunReport {
  readonly counts: Record<FilingOutcome, number> = {
    stored: 0,
    'already-stored': 0,
    'not-attributed': 0,
    unnumbered: 0,
    failed: 0,
  };
  readonly targets: TargetSummary[] = [];
  /** CIKs of the letters stored, for the thread rebuild. */
  readonly storedCiks = new Set<string>();
  private readonly failures = new Map<string, FailedFiling>();
  private readonly outcomes = new Map<string, FilingOutcome>();
  private readonly listed = new Set<string>();
  private readonly emit: (event: RunEvent) => void;
  private readonly started = performance.now();
  private skipped = 0;
  private fetched = 0;
  private fromArchive = 0;

  constructor(onEvent?: (event: RunEvent) => void) {
    this.emit = onEvent ?? (() => undefined);
  }

  targetStarted(target: Target | null): void {
    this.emit({ type: 'target-started', targetKey: keyOf(target) });
  }

  /** A target (or, with null, a crawl pass) discovered: summed up for a target, announced either way. */
  targetDiscovered(target: Target | null, found: TargetFound): void {
    const key = keyOf(target);
    if (target)
      this.targets.push({ target, targetKey: key, ...found, resolution: found.resolution ?? null, failure: null });
    this.skipped += found.skipped;
    this.emit({ type: 'target-discovered', targetKey: key, ...found });
  }

  targetFailed(target: Target | null, failure: { readonly code: ErrorCode; readonly reason: string }): void {
    const key = keyOf(target);
    if (target) {
      this.targets.push({
        target,
        targetKey: key,
        ciks: [],
        letters: 0,
        skipped: 0,
        requests: 0,
        warnings: [],
        resolution: null,
        failure: { code: failure.code, reason: failure.reason },
      });
    }
    this.emit({ type: 'target-failed', targetKey: key, code: failure.code, reason: failure.reason });
  }

  /** Filings handed to the run (each accession counts once, whichever target lists it). */
  addListed(accessionNumbers: readonly string[]): void {
    for (const accession of accessionNumbers) this.listed.add(accession);
    this.emit({ type: 'total', total: this.listed.size });
  }

  /** A filing's outcome in this run; a filing finished again (a wider scope parsed it again) is re-counted. */
  filingDone(filing: FilingFacts, outcome: FilingOutcome, read: BytesRead, failure: FilingFailure | null = null): void {
    this.forget(filing.accessionNumber);
    this.outcomes.set(filing.accessionNumber, outcome);
    this.counts[outcome] += 1;
    if (read === 'fetched') this.fetched += 1;
    if (read === 'archive') this.fromArchive += 1;
    if (outcome === 'failed' && failure) {
      const { stage, code, reason } = failure;
      this.failures.set(filing.accessionNumber, { ...filing, stage, code, reason });
    }
    this.emit({ type: 'filing-done', accessionNumber: filing.accessionNumber, outcome, fetched: read === 'fetched' });
  }

  /** Moves a filing to another outcome without a new event (a letter stored later through its thread). */
  reclassify(accessionNumber: string, outcome: FilingOutcome): void {
    this.forget(accessionNumber);
    this.outcomes.set(accessionNumber, outcome);
    this.counts[outcome] += 1;
  }

  outcomeOf(accessionNumber: string): FilingOutcome | null {
    return this.outcomes.get(accessionNumber) ?? null;
  }

  summary(threadAttributed: number): RunSummary {
    return {
      targets: [...this.targets],
      letters: this.listed.size,
      skipped: this.skipped,
      counts: { ...this.counts },
      fetched: this.fetched,
      fromArchive: this.fromArchive,
      threadAttributed,
      failures: [...this.failures.values()],
      durationMs: performance.now() - this.started,
    };
  }

  private forget(accessionNumber: string): void {
    const previous = this.outcomes.get(accessionNumber);
    if (previous !== undefined) this.counts[previous] -= 1;
    this.failures.delete(accessionNumber);
  }
}
