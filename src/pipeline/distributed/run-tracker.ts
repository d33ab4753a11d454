/**
 * Follows one distributed run (a backfill's targets, or a crawl pass) until every job it caused is finished,
 * reading the queues for the discover jobs and the store for the filings: the store is the truth, the queues
 * only say whether work is still under way, and the filing lifecycle says when a filing is final for the run.
 * A job that vanished (a Redis restart that lost its data) is put back on its queue, so a waiting run completes
 * without help. Job results are read through their zod schemas (job-results.ts), never cast.
 */
import type { Queue } from 'bullmq';
import type { z } from 'zod';
import type { FilingRef } from '../../discover/filing-ref.ts';
import type { ErrorCode } from '../../errors.ts';
import type { FilingRecord } from '../../filing/filing-record.ts';
import { isFinal, type RunContext } from '../../filing/lifecycle.ts';
import { scopeOf, widenScope, type Scope } from '../../filing/scope.ts';
import type { Target } from '../../identifiers.ts';
import type { Logger } from '../../log.ts';
import { readFailedReason } from '../../queue/job-errors.ts';
import { filingJobId } from '../../queue/job-ids.ts';
import type { Queues } from '../../queue/queues.ts';
import type { DocumentStore } from '../../store/document-store.ts';
import { PARSER_VERSION } from '../parser-version.ts';
import { dispatchRefs } from './dispatch.ts';
import {
  DiscoverResultSchema,
  FetchResultSchema,
  ParseResultSchema,
  readJobResult,
  type DiscoverResult,
  type FetchResult,
  type ParseResult,
} from './job-results.ts';

const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
/** Polls without change after which a filing no job moves on is dispatched again (checked every 4th poll). */
const ORPHAN_POLLS = 3;

/** One discover job of the run: a backfill target, or a crawl pass. */
export interface DiscoverWork {
  /** Its job id in the discover queue. */
  readonly jobId: string;
  /** The target, or null for a crawl pass. */
  readonly target: Target | null;
  /** Puts the job on the queue (again, when Redis lost it). */
  enqueue(): Promise<void>;
}

export interface DiscoverFailure {
  readonly code: ErrorCode;
  readonly reason: string;
}

/** A filing finished in this run: its final record and what its jobs returned, when they ran in this run. */
export interface FinishedFiling {
  readonly record: FilingRecord;
  /** The fetch job's result when it finished after the run started, else null. */
  readonly fetch: FetchResult | null;
  /** The parse job's result when it finished after the run started, else null. */
  readonly parse: ParseResult | null;
}

export interface TrackOptions {
  readonly queues: Queues;
  readonly store: DocumentStore;
  readonly log: Logger;
  readonly work: readonly DiscoverWork[];
  /** Whether the run tries failed filings again (a backfill) or not (a crawl pass). */
  readonly retryFailed: boolean;
  /** Poll period; default 500 ms. */
  readonly pollMs?: number;
  readonly onDiscovered?: (work: DiscoverWork, result: DiscoverResult | null, failure: DiscoverFailure | null) => void;
  readonly onFiling?: (filing: FinishedFiling) => void;
  readonly signal?: AbortSignal;
}

const isLive = async (queue: Queue, id: string) => LIVE.has(await queue.getJobState(id));

function refOf(record: FilingRecord): FilingRef {
  return {
    accessionNumber: record.accessionNumber,
    cik: record.cik,
    form: record.form,
    filingDate: record.filingDate,
    acceptanceDateTime: record.acceptanceDateTime,
    fileNumber: record.listedFileNumber,
    primaryDocument: null,
  };
}

class RunTracker {
  private readonly options: TrackOptions;
  private readonly startedAt = Date.now();
  private readonly pendingTargets: Map<string, DiscoverWork>;
  /** The run's scope per filing: widened when several targets list it. */
  private readonly scopes = new Map<string, Scope>();
  /** Filings listed and not reported yet; none is reported while a discover job may still widen its scope. */
  private readonly open = new Set<string>();
  private readonly orphanPolls = new Map<string, number>();
  private poll = 0;

  constructor(options: TrackOptions) {
    this.options = options;
    this.pendingTargets = new Map(options.work.map((work) => [work.jobId, work]));
  }

  async run(): Promise<void> {
    for (const work of this.options.work) await work.enqueue();
    while (this.pendingTargets.size > 0 || this.open.size > 0) {
      if (this.options.signal?.aborted) throw this.options.signal.reason;
      this.poll += 1;
      for (const [id, work] of [...this.pendingTargets]) await this.pollDiscoverJob(id, work);
      if (this.open.size > 0) await this.pollFilings();
      if (this.pendingTargets.size > 0 || this.open.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 500));
      }
    }
  }

  private runContext(accession: string): RunContext {
    const scope = this.scopes.get(accession) ?? null;
    return { scope, retryFailed: this.options.retryFailed, parserVersion: PARSER_VERSION };
  }

  private async pollDiscoverJob(id: string, work: DiscoverWork): Promise<void> {
    const { queues, log } = this.options;
    const state = await queues.discover.getJobState(id);
    if (state === 'completed') {
      const job = await queues.discover.getJob(id);
      const result = readJobResult(DiscoverResultSchema, job?.returnvalue);
      if (result === null) return; // removed between the two reads: looked at again next poll
      const scope = work.target ? scopeOf(work.target) : null;
      for (const accession of result.accessions) {
        const previous = this.scopes.get(accession);
        const widened = previous === undefined ? scope : widenScope(previous, scope);
        this.scopes.set(accession, widened);
        this.open.add(accession);
      }
      this.pendingTargets.delete(id);
      this.options.onDiscovered?.(work, result, null);
    } else if (state === 'failed') {
      const job = await queues.discover.getJob(id);
      this.pendingTargets.delete(id);
      this.options.onDiscovered?.(work, null, readFailedReason(job?.failedReason));
    } else if (state === 'unknown') {
      log.warn({ jobId: id }, 'discover job lost (Redis restarted?): enqueued again');
      await work.enqueue();
    }
  }

  private async pollFilings(): Promise<void> {
    const { queues, store, log } = this.options;
    const records = await store.listFilings({ accessionNumbers: [...this.open] });
    const byAccession = new Map(records.map((record) => [record.accessionNumber, record]));
    const checkOrphans = this.poll % 4 === 0;
    for (const accession of [...this.open]) {
      const record = byAccession.get(accession) ?? null;
      const id = filingJobId(accession);
      const final = isFinal(record, this.runContext(accession));
      if (!final && !checkOrphans) continue;
      const live = (await isLive(queues.fetch, id)) || (await isLive(queues.parse, id));
      // While a discover job of the run is pending it may still dispatch this filing (another target listing
      // it replaces its finished job): only once none is pending can no job but the tracker's own follow.
      if (final && !live && this.pendingTargets.size > 0) continue;
      if (final && !live) {
        // Read again after the queues: a job that completed since the store was read (a failed filing parsed
        // again) wrote its filing before completing, so the first read may hold the state it left.
        const settled = await store.getFiling(accession);
        await this.finish(settled && isFinal(settled, this.runContext(accession)) ? settled : record!, id);
      } else if (!final && !live && record) {
        // No job will move this filing on (lost with Redis, finished just before the store was read, or a
        // wider scope than its job's): after a few polls without change, put it where the lifecycle says.
        const seen = (this.orphanPolls.get(accession) ?? 0) + 1;
        this.orphanPolls.set(accession, seen);
        if (seen >= ORPHAN_POLLS) {
          log.warn({ accession, state: record.state }, 'no job for an unfinished filing: dispatched again');
          await dispatchRefs(store, queues, [refOf(record)], this.runContext(accession));
          this.orphanPolls.delete(accession);
        }
      } else {
        this.orphanPolls.delete(accession);
      }
    }
  }

  private async finish(record: FilingRecord, id: string): Promise<void> {
    const { queues } = this.options;
    this.open.delete(record.accessionNumber);
    this.orphanPolls.delete(record.accessionNumber);
    this.options.onFiling?.({
      record,
      fetch: await this.resultOf(queues.fetch, id, FetchResultSchema),
      parse: await this.resultOf(queues.parse, id, ParseResultSchema),
    });
  }

  /**
   * What a job returned, if it completed during this run (a failed job, or one left from an earlier run, gives
   * null; a job that failed once and then completed keeps its old failedReason, so that is not looked at).
   */
  private async resultOf<T>(queue: Queue, id: string, schema: z.ZodType<T>): Promise<T | null> {
    const job = await queue.getJob(id);
    const finishedNow = job && job.finishedOn !== undefined && job.finishedOn >= this.startedAt;
    return finishedNow ? readJobResult(schema, job.returnvalue) : null;
  }
}

/** Enqueues the discover jobs and resolves when they and every job they caused are finished. */
export function trackRun(options: TrackOptions): Promise<void> {
  return new RunTracker(options).run();
}
