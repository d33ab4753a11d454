/**
 * The fetch -> parse part of the embedded runner, for any list of FilingRefs (a backfill's targets, a crawl
 * pass): each ref goes where the filing lifecycle (src/filing/lifecycle.ts) sends it, given its store record —
 * fetch (an archive hit makes no request) then parse; parse from the archive; hold; done; failed for good.
 * p-queue bounds fetches in flight (FETCH_CONCURRENCY; the client's fair-access limiter does the pacing) and
 * parses in flight. Outcomes are counted in the run's RunReport. Failures are recorded per filing and the work
 * goes on; only EDGAR refusing the User-Agent stops everything.
 */
import PQueue from 'p-queue';
import type { FilingRef } from '../discover/filing-ref.ts';
import { EdgarUndeclaredToolError } from '../errors.ts';
import type { FilingRecord, Hold } from '../filing/filing-record.ts';
import { nextStep, scopeReleases, type RunContext } from '../filing/lifecycle.ts';
import { widenScope, type Scope } from '../filing/scope.ts';
import { recordStageFailure } from './failures.ts';
import { fetchFiling } from './fetch-stage.ts';
import { parseFiling, type ParseDeps } from './parse-stage.ts';
import { PARSER_VERSION } from './parser-version.ts';
import type { BytesRead, RunReport } from './run-report.ts';

export interface FilingWorkOptions {
  /** Fetches in flight; default 4. */
  readonly fetchConcurrency?: number;
  /** Parses in flight; default 1. */
  readonly parseConcurrency?: number;
  /** Whether failed filings are tried again: a backfill does (default), a crawl pass does not. */
  readonly retryFailed?: boolean;
}

interface WorkItem {
  readonly ref: FilingRef;
  /** Null as soon as any source wants every letter stored (CIK, ticker, crawl). */
  scope: Scope;
  /** The hold its last parse recorded, if it was held back. */
  hold: Hold | null;
}

export class FilingWork {
  /** Set when EDGAR refused the User-Agent: the work stopped. */
  fatal: unknown = null;

  private readonly deps: ParseDeps;
  private readonly report: RunReport;
  private readonly retryFailed: boolean;
  private readonly items = new Map<string, WorkItem>();
  private readonly fetchQueue: PQueue;
  private readonly parseQueue: PQueue;

  constructor(deps: ParseDeps, report: RunReport, options: FilingWorkOptions = {}) {
    this.deps = deps;
    this.report = report;
    this.retryFailed = options.retryFailed ?? true;
    this.fetchQueue = new PQueue({ concurrency: options.fetchConcurrency ?? 4 });
    this.parseQueue = new PQueue({ concurrency: options.parseConcurrency ?? 1 });
  }

  /** Distinct filings added so far. */
  get size(): number {
    return this.items.size;
  }

  /** Adds refs with the scope of their source; a ref already added gets the wider of both scopes. */
  async add(refs: readonly FilingRef[], scope: Scope): Promise<void> {
    const fresh: WorkItem[] = [];
    for (const ref of refs) {
      const existing = this.items.get(ref.accessionNumber);
      if (existing === undefined) {
        const item: WorkItem = { ref, scope, hold: null };
        this.items.set(ref.accessionNumber, item);
        fresh.push(item);
        continue;
      }
      existing.scope = widenScope(existing.scope, scope);
      // Held back under the narrower scope, stored by the wider one: parse it again (from the archive).
      if (existing.hold !== null && scopeReleases(existing.hold, existing.scope)) {
        existing.hold = null;
        void this.parse(existing, 'none');
      }
    }
    this.report.addListed(refs.map((ref) => ref.accessionNumber));
    if (fresh.length === 0) return;
    const records = await this.deps.store.listFilings({ accessionNumbers: fresh.map((i) => i.ref.accessionNumber) });
    const byAccession = new Map(records.map((r) => [r.accessionNumber, r]));
    for (const item of fresh) this.schedule(item, byAccession.get(item.ref.accessionNumber) ?? null);
  }

  /** Resolves when every added filing is done (a fetch adds its parse when it ends). */
  async drain(): Promise<void> {
    while (this.fetchQueue.size + this.fetchQueue.pending + this.parseQueue.size + this.parseQueue.pending > 0) {
      await this.fetchQueue.onIdle();
      await this.parseQueue.onIdle();
    }
  }

  private runContext(item: WorkItem): RunContext {
    return { scope: item.scope, retryFailed: this.retryFailed, parserVersion: PARSER_VERSION };
  }

  private schedule(item: WorkItem, record: FilingRecord | null): void {
    if (this.fatal !== null) return;
    switch (nextStep(record, this.runContext(item))) {
      case 'fetch':
        return void this.fetch(item);
      case 'parse':
        return void this.parse(item, 'archive');
      case 'hold':
        item.hold = record!.hold;
        return this.report.filingDone(item.ref, record!.hold!.reason, 'none');
      case 'done':
        return this.report.filingDone(item.ref, 'already-stored', 'none');
      case 'failed-for-good':
        return this.report.filingDone(item.ref, 'failed', 'none', record!.failure);
    }
  }

  private async fail(item: WorkItem, stage: 'fetch' | 'parse', error: unknown, read: BytesRead): Promise<void> {
    if (error instanceof EdgarUndeclaredToolError) {
      // EDGAR refuses the User-Agent: every further request would be refused too (and prolong a block).
      this.fatal ??= error;
      this.fetchQueue.clear();
      this.parseQueue.clear();
    }
    const failure = await recordStageFailure(this.deps, item.ref.accessionNumber, stage, error);
    this.report.filingDone(item.ref, 'failed', read, failure);
  }

  private parse(item: WorkItem, read: BytesRead): Promise<void> {
    return this.parseQueue.add(async () => {
      try {
        const scope = item.scope;
        const result = await parseFiling(this.deps, { accessionNumber: item.ref.accessionNumber, scope });
        if (result.outcome === 'stored') this.report.storedCiks.add(result.letter.cik);
        this.report.filingDone(item.ref, result.outcome, read);
        // The scope widened while it was parsed under the narrower one: parse it again under the wider one.
        if (result.hold !== null && item.scope !== scope && scopeReleases(result.hold, item.scope)) {
          void this.parse(item, 'none');
        } else {
          item.hold = result.hold;
        }
      } catch (error) {
        await this.fail(item, 'parse', error, read);
      }
    });
  }

  private fetch(item: WorkItem): Promise<void> {
    return this.fetchQueue.add(async () => {
      let read: BytesRead;
      try {
        const result = await fetchFiling(this.deps, { accessionNumber: item.ref.accessionNumber, cik: item.ref.cik });
        read = result.fetched ? 'fetched' : 'archive';
      } catch (error) {
        await this.fail(item, 'fetch', error, 'none');
        return;
      }
      void this.parse(item, read);
    });
  }
}
