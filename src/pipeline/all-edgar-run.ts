/**
 * `backfill --all` in this process: the quarterly full index read (full-index-stage.ts, checkpointed per
 * quarter), then every letter of the filing-date range taken from the store a calendar year at a time and
 * handed to the fetch -> parse work, which the filing lifecycle steers (stored letters are not fetched again,
 * archived ones are parsed from the archive). Every letter is stored (no file-number scope) and attributed to
 * its own file numbers. `planAllEdgar` is the `--dry-run`: the same index reads, then counts instead of work.
 */
import { easternDate } from '../discover/crawl-plan.ts';
import type { FilingState } from '../filing/filing-record.ts';
import { LETTER_FORMS, type LetterForm } from '../letter/schema.ts';
import { FilingWork, type FilingWorkOptions } from './filing-work.ts';
import { finishRun } from './finish-run.ts';
import { discoverFullIndex, refOfRecord, yearSlices, type FullIndexDiscovery } from './full-index-stage.ts';
import type { ParseDeps } from './parse-stage.ts';
import { RunReport } from './run-report.ts';
import type { RunEvent, RunSummary } from './run-events.ts';

export interface AllEdgarRequest {
  /** Default both letter forms. */
  readonly forms?: readonly LetterForm[];
  /** filingDate window, inclusive, YYYY-MM-DD. */
  readonly since?: string | null;
  readonly until?: string | null;
  /** Clock; default now. */
  readonly now?: Date;
}

export interface AllEdgarRunOptions extends Omit<FilingWorkOptions, 'retryFailed'> {
  readonly onEvent?: (event: RunEvent) => void;
}

/** States of letters a backfill still has work for (the lifecycle decides what exactly). */
const OPEN_STATES: readonly FilingState[] = ['discovered', 'fetched', 'failed'];

async function discover(deps: ParseDeps, request: AllEdgarRequest, emit?: (event: RunEvent) => void) {
  const found = await discoverFullIndex(deps, {
    since: request.since ?? null,
    now: request.now,
    onQuarter: (progress) => emit?.({ type: 'quarter', ...progress }),
  });
  emit?.({
    type: 'finishing',
    what: `full index: ${found.read} quarters read, ${found.checkpointed} already final, ${found.notStarted} not started (${found.requests} requests)`,
  });
  return found;
}

/** A run's summary and what its full-index discovery did (quarters read, failed). */
export type AllEdgarSummary = RunSummary & { readonly discovery: FullIndexDiscovery };

export async function runAllEdgar(
  deps: ParseDeps,
  request: AllEdgarRequest,
  options: AllEdgarRunOptions = {},
): Promise<AllEdgarSummary> {
  const report = new RunReport(options.onEvent);
  const discovery = await discover(deps, request, options.onEvent);
  const work = new FilingWork(deps, report, options);
  const today = easternDate(request.now ?? new Date());
  const forms = request.forms ?? LETTER_FORMS;
  for (const slice of yearSlices(request.since ?? null, request.until ?? null, today)) {
    if (work.fatal !== null) break;
    const records = await deps.store.listFilings({ forms, filedFrom: slice.from, filedTo: slice.to });
    await work.add(records.map(refOfRecord), null);
    // A year at a time: the queues hold one year's letters (about 40,000 at most), not EDGAR's 6 x 10^5.
    await work.drain();
  }
  // EDGAR refused the User-Agent: nothing more can be fetched.
  if (work.fatal !== null) throw work.fatal;
  const summary = await finishRun(deps, report, (what) => options.onEvent?.({ type: 'finishing', what }));
  return { ...summary, discovery };
}

export interface PlanCell {
  /** Letters the index lists in the range. */
  letters: number;
  /** Stored already (parsed or skipped). */
  stored: number;
  /** Archived, to parse without a request. */
  archived: number;
  /** To fetch: one Archives request each. */
  toFetch: number;
}

export interface AllEdgarPlan {
  readonly discovery: FullIndexDiscovery;
  /** By filing year, then form. */
  readonly byYear: ReadonlyMap<string, ReadonlyMap<string, PlanCell>>;
  readonly total: PlanCell;
}

const emptyCell = (): PlanCell => ({ letters: 0, stored: 0, archived: 0, toFetch: 0 });

/** `--dry-run`: reads the indexes only (checkpointed as any read), counts what a run would do. */
export async function planAllEdgar(
  deps: ParseDeps,
  request: AllEdgarRequest,
  onEvent?: (event: RunEvent) => void,
): Promise<AllEdgarPlan> {
  const discovery = await discover(deps, request, onEvent);
  const today = easternDate(request.now ?? new Date());
  const forms = request.forms ?? LETTER_FORMS;
  const byYear = new Map<string, Map<string, PlanCell>>();
  const total = emptyCell();
  for (const slice of yearSlices(request.since ?? null, request.until ?? null, today)) {
    for (const record of await deps.store.listFilings({ forms, filedFrom: slice.from, filedTo: slice.to })) {
      const year = record.filingDate.slice(0, 4);
      const forYear = byYear.get(year) ?? new Map<string, PlanCell>();
      byYear.set(year, forYear);
      const cell = forYear.get(record.form) ?? emptyCell();
      forYear.set(record.form, cell);
      for (const c of [cell, total]) {
        c.letters += 1;
        if (record.state === 'parsed' || record.state === 'skipped') c.stored += 1;
        else if (record.state === 'fetched') c.archived += 1;
        else if (OPEN_STATES.includes(record.state)) c.toFetch += 1;
      }
    }
  }
  return { discovery, byYear, total };
}
