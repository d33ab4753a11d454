/**
 * The fetch -> parse part of the embedded runner, for any list of FilingRefs (a backfill's targets, a crawl
 * pass): each ref goes where its store state says — parsed: nothing; fetched (archived): parse, no request;
 * anything else: fetch (an archive hit makes no request) then parse. p-queue bounds fetches in flight
 * (FETCH_CONCURRENCY; the client's fair-access limiter does the pacing) and parses in flight. Failures are
 * recorded per filing and the work goes on; only EDGAR refusing the User-Agent stops everything.
 */
import PQueue from 'p-queue';
import type { FilingRef } from '../discover/filing-ref.ts';
import { EdgarUndeclaredToolError } from '../errors.ts';
import type { FilingRecord } from '../store/document-store.ts';
import { isPermanentFetchFailure, recordStageFailure } from './failures.ts';
import { fetchFiling } from './fetch-stage.ts';
import { parseFiling, type ParseDeps, type ParseOutcome, type ParseScope } from './parse-stage.ts';
import type { FailedFiling, FilingOutcome, RunEvent } from './run-events.ts';

export interface FilingWorkOptions {
  /** Fetches in flight; default 4. */
  readonly fetchConcurrency?: number;
  /** Parses in flight; default 1. */
  readonly parseConcurrency?: number;
  readonly onEvent?: (event: RunEvent) => void;
}

interface WorkItem {
  readonly ref: FilingRef;
  /** Null as soon as any source wants every letter stored (CIK, ticker, crawl). */
  scope: ParseScope;
  /** The last outcome, once done. */
  outcome: FilingOutcome | null;
}

/** Scope that stores what either stores: null (everything) wins, file numbers add up. */
export function widenScope(current: ParseScope, added: ParseScope): ParseScope {
  if (current === null || added === null) return null;
  const numbers = [...current.fileNumbers];
  for (const n of added.fileNumbers) if (!numbers.includes(n)) numbers.push(n);
  return { fileNumbers: numbers };
}

export class FilingWork {
  readonly counts: Record<FilingOutcome, number> = {
    stored: 0,
    'already-stored': 0,
    'not-attributed': 0,
    unnumbered: 0,
    failed: 0,
  };
  readonly failures: FailedFiling[] = [];
  /** Complete submissions fetched from EDGAR (Archives requests that succeeded). */
  fetched = 0;
  /** Filings read from the archive instead. */
  fromArchive = 0;
  /** Set when EDGAR refused the User-Agent: the work stopped. */
  fatal: unknown = null;
  /** CIKs of the letters stored, for the thread rebuild. */
  readonly storedCiks = new Set<string>();

  private readonly deps: ParseDeps;
  private readonly items = new Map<string, WorkItem>();
  private readonly fetchQueue: PQueue;
  private readonly parseQueue: PQueue;
  private readonly emit: (event: RunEvent) => void;

  constructor(deps: ParseDeps, options: FilingWorkOptions = {}) {
    this.deps = deps;
    this.fetchQueue = new PQueue({ concurrency: options.fetchConcurrency ?? 4 });
    this.parseQueue = new PQueue({ concurrency: options.parseConcurrency ?? 1 });
    this.emit = options.onEvent ?? (() => undefined);
  }

  /** Distinct filings added so far. */
  get size(): number {
    return this.items.size;
  }

  /** Accessions whose last outcome is `outcome`. */
  accessionsWith(outcome: ParseOutcome): string[] {
    return [...this.items.values()].filter((i) => i.outcome === outcome).map((i) => i.ref.accessionNumber);
  }

  /** Moves a filing from one outcome count to another (a letter stored later through its thread). */
  reclassify(accessionNumber: string, outcome: FilingOutcome): void {
    const item = this.items.get(accessionNumber);
    if (item?.outcome) this.counts[item.outcome] -= 1;
    this.counts[outcome] += 1;
    if (item) item.outcome = outcome;
  }

  /** Adds refs with the scope of their source; a ref already added gets the wider of both scopes. */
  async add(refs: readonly FilingRef[], scope: ParseScope): Promise<void> {
    const fresh: WorkItem[] = [];
    for (const ref of refs) {
      const existing = this.items.get(ref.accessionNumber);
      if (existing === undefined) {
        const item: WorkItem = { ref, scope, outcome: null };
        this.items.set(ref.accessionNumber, item);
        fresh.push(item);
        continue;
      }
      const widened = widenScope(existing.scope, scope);
      const wasNarrower = JSON.stringify(widened) !== JSON.stringify(existing.scope);
      existing.scope = widened;
      // Parsed under the narrower scope and not stored: parse it again (from the archive) under the wider one.
      if (wasNarrower && (existing.outcome === 'not-attributed' || existing.outcome === 'unnumbered')) {
        this.counts[existing.outcome] -= 1;
        existing.outcome = null;
        void this.parse(existing, false);
      }
    }
    this.emit({ type: 'total', total: this.items.size });
    if (fresh.length === 0) return;
    const records = await this.deps.store.listFilings({ accessionNumbers: fresh.map((i) => i.ref.accessionNumber) });
    const byAccession = new Map(records.map((r) => [r.accessionNumber, r]));
    for (const item of fresh) this.schedule(item, byAccession.get(item.ref.accessionNumber));
  }

  /** Resolves when every added filing is done (a fetch adds its parse when it ends). */
  async drain(): Promise<void> {
    while (this.fetchQueue.size + this.fetchQueue.pending + this.parseQueue.size + this.parseQueue.pending > 0) {
      await this.fetchQueue.onIdle();
      await this.parseQueue.onIdle();
    }
  }

  private done(item: WorkItem, outcome: FilingOutcome, fetched: boolean): void {
    item.outcome = outcome;
    this.counts[outcome] += 1;
    this.emit({ type: 'filing-done', accessionNumber: item.ref.accessionNumber, outcome, fetched });
  }

  private async fail(item: WorkItem, stage: 'fetch' | 'parse', error: unknown, fetched: boolean): Promise<void> {
    if (error instanceof EdgarUndeclaredToolError) {
      // EDGAR refuses the User-Agent: every further request would be refused too (and prolong a block).
      this.fatal ??= error;
      this.fetchQueue.clear();
      this.parseQueue.clear();
    }
    const failure = await recordStageFailure(this.deps, item.ref.accessionNumber, stage, error);
    this.failures.push({
      accessionNumber: item.ref.accessionNumber,
      form: item.ref.form,
      filingDate: item.ref.filingDate,
      ...failure,
    });
    this.done(item, 'failed', fetched);
  }

  private parse(item: WorkItem, fetched: boolean): Promise<void> {
    return this.parseQueue.add(async () => {
      try {
        const result = await parseFiling(this.deps, { accessionNumber: item.ref.accessionNumber, scope: item.scope });
        if (result.outcome === 'stored') this.storedCiks.add(result.letter.cik);
        this.done(item, result.outcome, fetched);
      } catch (error) {
        await this.fail(item, 'parse', error, fetched);
      }
    });
  }

  private fetch(item: WorkItem): Promise<void> {
    return this.fetchQueue.add(async () => {
      let fetched = false;
      try {
        const result = await fetchFiling(this.deps, { accessionNumber: item.ref.accessionNumber, cik: item.ref.cik });
        fetched = result.fetched;
        if (fetched) this.fetched += 1;
        else this.fromArchive += 1;
      } catch (error) {
        await this.fail(item, 'fetch', error, false);
        return;
      }
      void this.parse(item, fetched);
    });
  }

  private schedule(item: WorkItem, record: FilingRecord | undefined): void {
    if (this.fatal !== null) return;
    if (record?.state === 'parsed') return this.done(item, 'already-stored', false);
    if (record?.state === 'failed' && isPermanentFetchFailure(record)) {
      // Refused as bad input before it was archived (oversize): fetching it again would fail the same way.
      this.failures.push({
        accessionNumber: item.ref.accessionNumber,
        form: item.ref.form,
        filingDate: item.ref.filingDate,
        stage: record.failedStage ?? 'fetch',
        code: record.failureCode ?? 'BAD_INPUT',
        reason: record.failureReason ?? 'failed earlier',
      });
      return this.done(item, 'failed', false);
    }
    if (record?.state === 'fetched') {
      this.fromArchive += 1;
      return void this.parse(item, false);
    }
    void this.fetch(item);
  }
}
