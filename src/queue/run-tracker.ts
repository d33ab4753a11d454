/**
 * Follows one distributed run (a backfill's targets, or a crawl pass) until every job it caused is finished,
 * reading the queues for the discover jobs and the store for the filings: the store is the truth, the queues
 * only say whether work is still under way. A job that vanished (a Redis restart that lost its data) is put
 * back on its queue, so a waiting backfill completes without help.
 */
import type { Queue } from 'bullmq';
import type { FilingRef } from '../discover/filing-ref.ts';
import type { Target } from '../edgar/identifiers.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore, FilingRecord } from '../store/document-store.ts';
import { filingJobId, targetJobId } from './job-ids.ts';
import { DiscoverResultSchema, type DiscoverResult, type Scope } from './job-payloads.ts';
import { enqueueTargets, type TargetOptions } from './producers.ts';
import type { Queues } from './queues.ts';
import { dispatchRefs } from './stage-processors.ts';

const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

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
  readonly work: DiscoverWork;
  readonly reason: string;
}

/** The discover jobs of a backfill: one per target. */
export function targetWork(queues: Queues, targets: readonly Target[], selection: TargetOptions): DiscoverWork[] {
  return targets.map((target) => ({
    jobId: targetJobId(target),
    target,
    enqueue: async () => void (await enqueueTargets(queues, [target], selection)),
  }));
}

/** A filing finished in this run: its final record and what its jobs returned, when they ran in this run. */
export interface FinishedFiling {
  readonly record: FilingRecord;
  /** The fetch job's result ({ fetched }) when it finished after the run started, else null. */
  readonly fetchResult: unknown;
  /** The parse job's result ({ outcome, upsert }) when it finished after the run started, else null. */
  readonly parseResult: unknown;
}

export interface TrackOptions {
  readonly queues: Queues;
  readonly store: DocumentStore;
  readonly log: Logger;
  readonly work: readonly DiscoverWork[];
  /** Poll period; default 500 ms. */
  readonly pollMs?: number;
  readonly onDiscovered?: (work: DiscoverWork, result: DiscoverResult | null, failure: DiscoverFailure | null) => void;
  readonly onFiling?: (filing: FinishedFiling) => void;
  readonly signal?: AbortSignal;
}

export interface RunOutcome {
  readonly discoverFailures: readonly DiscoverFailure[];
  /** Every filing of the run, finished. */
  readonly filings: readonly FinishedFiling[];
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

/** Whether a filing's state is final for a run (a fetched filing with a note was not stored on purpose). */
function isFinal(record: FilingRecord | undefined): boolean {
  if (!record) return false;
  return (
    record.state === 'parsed' ||
    record.state === 'skipped' ||
    record.state === 'failed' ||
    (record.state === 'fetched' && record.note !== null)
  );
}

/** Enqueues the discover jobs and resolves when they and every job they caused are finished. */
export async function enqueueAndTrack(options: TrackOptions): Promise<RunOutcome> {
  const { queues, store, log } = options;
  const pollMs = options.pollMs ?? 500;
  const startedAt = Date.now();
  // What a job returned, if it completed during this run (a failed job, or one left from an earlier run, gives
  // null; a job that failed once and then completed keeps its old failedReason, so that is not looked at).
  const resultOf = async (queue: Queue, id: string): Promise<unknown> => {
    const job = await queue.getJob(id);
    return job && job.finishedOn !== undefined && job.finishedOn >= startedAt ? (job.returnvalue ?? null) : null;
  };
  for (const work of options.work) await work.enqueue();

  const pendingTargets = new Map(options.work.map((work) => [work.jobId, work]));
  const scopes = new Map<string, Scope>();
  const discoverFailures: DiscoverFailure[] = [];
  const open = new Set<string>();
  const finished = new Map<string, FinishedFiling>();
  const orphanPolls = new Map<string, number>();
  let poll = 0;

  while (pendingTargets.size > 0 || open.size > 0) {
    if (options.signal?.aborted) throw options.signal.reason;
    poll += 1;
    for (const [id, work] of [...pendingTargets]) {
      const target = work.target;
      const state = await queues.discover.getJobState(id);
      if (state === 'completed') {
        const job = await queues.discover.getJob(id);
        const result = DiscoverResultSchema.safeParse(job?.returnvalue);
        if (!result.success) continue; // removed between the two reads: looked at again next poll
        for (const accession of result.data.accessions) {
          if (!finished.has(accession)) open.add(accession);
          if (target?.kind === 'file-number') scopes.set(accession, { fileNumbers: [target.value] });
        }
        pendingTargets.delete(id);
        options.onDiscovered?.(work, result.data, null);
      } else if (state === 'failed') {
        const job = await queues.discover.getJob(id);
        const failure = { work, reason: job?.failedReason ?? 'INTERNAL: discover job failed' };
        discoverFailures.push(failure);
        pendingTargets.delete(id);
        options.onDiscovered?.(work, null, failure);
      } else if (state === 'unknown') {
        log.warn({ jobId: id }, 'discover job lost (Redis restarted?): enqueued again');
        await work.enqueue();
      }
    }

    if (open.size > 0) {
      const records = await store.listFilings({ accessionNumbers: [...open] });
      const byAccession = new Map(records.map((record) => [record.accessionNumber, record]));
      const checkOrphans = poll % 4 === 0;
      for (const accession of [...open]) {
        const record = byAccession.get(accession);
        const id = filingJobId(accession);
        const final = isFinal(record);
        if (!final && !checkOrphans) continue;
        const live = (await isLive(queues.fetch, id)) || (await isLive(queues.parse, id));
        if (final && !live) {
          open.delete(accession);
          orphanPolls.delete(accession);
          const filing: FinishedFiling = {
            record: record!,
            fetchResult: await resultOf(queues.fetch, id),
            parseResult: await resultOf(queues.parse, id),
          };
          finished.set(accession, filing);
          options.onFiling?.(filing);
        } else if (!final && !live && record) {
          // No job will move this filing on (lost with Redis, or finished just before the store was read):
          // after a few polls without change, put it back where its state says.
          const seen = (orphanPolls.get(accession) ?? 0) + 1;
          orphanPolls.set(accession, seen);
          if (seen >= 3) {
            log.warn({ accession, state: record.state }, 'no job for an unfinished filing: dispatched again');
            await dispatchRefs(store, queues, [refOf(record)], scopes.get(accession) ?? null);
            orphanPolls.delete(accession);
          }
        } else {
          orphanPolls.delete(accession);
        }
      }
    }
    if (pendingTargets.size > 0 || open.size > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return { discoverFailures, filings: [...finished.values()] };
}
