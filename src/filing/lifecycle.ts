/**
 * The filing lifecycle: the one place that decides, from a filing's record, what a run does with it next and
 * whether a run is done with it. Both runners (embedded FilingWork, distributed dispatch and tracker), the crawl
 * pass and `status` ask here; nothing else reads states to decide. Pure.
 *
 *   state        record says                        next step
 *   (none)       -                                  parse if archived, else fetch
 *   discovered   -                                  parse if archived, else fetch
 *   fetched      no hold                            parse if archived, else fetch
 *   fetched      held, the run's scope stores it    parse (from the archive, no request)
 *   fetched      held by an older parser            parse
 *   fetched      held otherwise                     hold
 *   parsed       -                                  done
 *   skipped      -                                  done
 *   failed       BAD_INPUT at fetch (oversize)      failed-for-good: the same bytes would fail the same way
 *   failed       archive-damaged                    fetch: the archive object is bad, get the bytes again
 *   failed       any other, run retries failures    parse if archived, else fetch
 *   failed       any other, run does not retry      failed-for-good (a crawl pass leaves it to `status`)
 */
import type { FilingRecord, Hold } from './filing-record.ts';
import { scopeStores, type Scope } from './scope.ts';

export const FILING_STEPS = ['fetch', 'parse', 'hold', 'done', 'failed-for-good'] as const;
export type FilingStep = (typeof FILING_STEPS)[number];

/** What the run asking knows and wants. */
export interface RunContext {
  /** Which letters the run stores. */
  readonly scope: Scope;
  /** Whether the run tries failed filings again: a backfill does (a fixed parser, a transient EDGAR error); a crawl pass does not. */
  readonly retryFailed: boolean;
  /** The parser of this build (Letter.parserVersion): a letter held by another parser is read again. */
  readonly parserVersion: string;
}

/** Whether a run of `scope` would store a letter held back with `hold`. */
export function scopeReleases(hold: Hold, scope: Scope): boolean {
  return scope === null || (hold.reason === 'not-attributed' && scopeStores(scope, hold.fileNumbers));
}

/** Whether a filing's failure would happen again on the same bytes: a fetch refused as bad input (oversize). */
export function isPermanentFailure(record: FilingRecord): boolean {
  return record.failure?.stage === 'fetch' && record.failure.code === 'BAD_INPUT';
}

/** Whether the record says the filing's raw bytes are in the archive. */
export function isArchived(record: FilingRecord | null): boolean {
  return record?.archiveSha256 != null;
}

/**
 * The next step of a filing handed to a run. `archived`: whether the archive holds its raw bytes (default:
 * what the record says); an archived filing is parsed with no request.
 */
export function nextStep(record: FilingRecord | null, run: RunContext, archived = isArchived(record)): FilingStep {
  const read: FilingStep = archived ? 'parse' : 'fetch';
  if (record === null) return read;
  switch (record.state) {
    case 'discovered':
      return read;
    case 'fetched': {
      const { hold } = record;
      if (hold === null || scopeReleases(hold, run.scope) || hold.parserVersion !== run.parserVersion) return read;
      return 'hold';
    }
    case 'parsed':
    case 'skipped':
      return 'done';
    case 'failed':
      if (isPermanentFailure(record) || !run.retryFailed) return 'failed-for-good';
      if (record.failure?.badInputReason === 'archive-damaged') return 'fetch';
      return read;
  }
}

/**
 * Whether a run is done with a filing: stored, skipped, failed (a run tries a filing once), or held back by a
 * scope the run does not widen. The parser version is not asked here: a held letter the run parsed is final
 * even when another build's worker parsed it.
 */
export function isFinal(record: FilingRecord | null, run: Pick<RunContext, 'scope'>): boolean {
  if (record === null) return false;
  switch (record.state) {
    case 'parsed':
    case 'skipped':
    case 'failed':
      return true;
    case 'fetched':
      return record.hold !== null && !scopeReleases(record.hold, run.scope);
    case 'discovered':
      return false;
  }
}
