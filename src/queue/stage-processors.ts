/**
 * The processors of the three queues, each a thin binding of a job to a pipeline stage (the stages know nothing
 * of queues). What follows a stage is decided from the store's filing state, so every processor is idempotent:
 * run again after a crash, a stalled lock or a Redis that lost its data, it redoes nothing that is done — an
 * archived filing is never fetched again, a stored letter is upserted unchanged.
 *   discover/target: discoverTarget -> refs -> dispatch (fetch or parse jobs by state); returns the accessions.
 *   discover/crawl:  crawlPass -> refs -> dispatch -> commit the cursor.
 *   fetch:           fetchFiling (archive hit = no request) -> parse job.
 *   parse/parse:     parseFiling (normalize + parse + store) -> a debounced threads job for the company.
 *   parse/threads:   rebuildThreads for one company.
 */
import type { Job, Processor } from 'bullmq';
import { z } from 'zod';
import type { CrawlPassResult } from '../discover/crawl-pass.ts';
import type { FilingRef } from '../discover/filing-ref.ts';
import type { Target } from '../edgar/identifiers.ts';
import type { LetterForm } from '../letter/schema.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore, PipelineStage } from '../store/document-store.ts';
import { createJobProcessor, type JobOutcome } from './job-processor.ts';
import {
  CrawlPayloadSchema,
  DiscoverTargetPayloadSchema,
  FetchPayloadSchema,
  ParsePayloadSchema,
  type DiscoverResult,
  type Scope,
} from './job-payloads.ts';
import { enqueueFetch, enqueueParse } from './producers.ts';
import { JOB_NAMES, type QueueName } from './queue-names.ts';
import type { Queues } from './queues.ts';

/** The pipeline stages, with their deps already bound (see bindStages in src/pipeline/distributed-runner.ts). */
export interface StageFunctions {
  discoverTarget(input: {
    target: Target;
    forms: readonly LetterForm[];
    since: string | null;
    until: string | null;
  }): Promise<{
    refs: readonly FilingRef[];
    ciks: readonly string[];
    skipped: readonly unknown[];
    requests: number;
    warnings: readonly string[];
  }>;
  fetchFiling(input: { accessionNumber: string; cik: string }): Promise<{ fetched: boolean }>;
  parseFiling(input: {
    accessionNumber: string;
    scope: Scope;
  }): Promise<{ outcome: string; upsert: string | null; cik: string | null }>;
  rebuildThreads(input: { ciks: readonly string[] }): Promise<void>;
  crawlPass(input: { forms: readonly LetterForm[]; since: string | null }): Promise<CrawlPassResult>;
  commitCrawl(result: CrawlPassResult): Promise<void>;
  recordStageFailure(accessionNumber: string, stage: PipelineStage, error: unknown): Promise<void>;
}

export interface StageProcessorDeps {
  readonly stages: StageFunctions;
  readonly store: DocumentStore;
  readonly queues: Queues;
  readonly log: Logger;
  /** The shared limiter's pause (for jobs that met EDGAR's rate-limit page). */
  readonly pausedUntil?: () => Promise<number>;
  readonly observe?: (queue: QueueName, outcome: JobOutcome, seconds: number) => void;
  /** Window of the threads jobs: a company's threads are rebuilt at most once per window. Default 5 s. */
  readonly threadsDelayMs?: number;
}

const ThreadsPayloadSchema = z.object({ cik: z.string().regex(/^[1-9]\d{0,9}$/) });

/**
 * Puts each ref on the queue its store state calls for: not fetched -> fetch; archived (fetched, or failed while
 * parsing) -> parse, with no EDGAR request; parsed or skipped -> nothing. Returns how many jobs were added.
 */
export async function dispatchRefs(
  store: DocumentStore,
  queues: Queues,
  refs: readonly FilingRef[],
  scope: Scope,
): Promise<{ fetch: number; parse: number; done: number }> {
  const records = await store.listFilings({ accessionNumbers: refs.map((ref) => ref.accessionNumber) });
  const byAccession = new Map(records.map((record) => [record.accessionNumber, record]));
  const toFetch: FilingRef[] = [];
  const toParse: FilingRef[] = [];
  for (const ref of refs) {
    const record = byAccession.get(ref.accessionNumber);
    if (!record || record.state === 'discovered') toFetch.push(ref);
    else if (record.state === 'fetched') toParse.push(ref);
    else if (record.state === 'failed') {
      // A fetch refused as bad input (oversize) would fail the same way: left failed, as the embedded runner does.
      if (record.failedStage === 'fetch' && record.failureCode === 'BAD_INPUT') continue;
      (record.archiveSha256 ? toParse : toFetch).push(ref);
    }
  }
  await enqueueFetch(queues, toFetch, scope);
  await enqueueParse(queues, toParse, scope);
  return { fetch: toFetch.length, parse: toParse.length, done: refs.length - toFetch.length - toParse.length };
}

const scopeOf = (target: Target): Scope => (target.kind === 'file-number' ? { fileNumbers: [target.value] } : null);

export function createStageProcessors(deps: StageProcessorDeps): Record<QueueName, Processor> {
  const { stages, store, queues, log, pausedUntil, observe } = deps;
  const common = { log, pausedUntil, observe };

  // One threads job per company per window: letters stored within the window share it, and it runs after the
  // window ends, so it sees all of them; a letter stored later falls in the next window's job.
  const windowMs = deps.threadsDelayMs ?? 5000;
  const scheduleThreads = async (cik: string) => {
    const bucket = Math.floor(Date.now() / windowMs);
    const delay = (bucket + 1) * windowMs - Date.now() + 100;
    await queues.parse.add('threads', { cik }, { jobId: `threads-${cik}-${bucket}`, delay, removeOnComplete: true });
  };

  const target = createJobProcessor({
    ...common,
    queue: 'discover',
    schema: DiscoverTargetPayloadSchema,
    run: async (payload, { log: jobLog }): Promise<DiscoverResult> => {
      const found = await stages.discoverTarget(payload);
      const dispatched = await dispatchRefs(store, queues, found.refs, scopeOf(payload.target));
      jobLog.info({ target: payload.target, refs: found.refs.length, ...dispatched }, 'target discovered');
      return {
        accessions: found.refs.map((ref) => ref.accessionNumber),
        ciks: [...found.ciks],
        skipped: found.skipped.length,
        requests: found.requests,
        warnings: [...found.warnings],
      };
    },
  });

  const crawl = createJobProcessor({
    ...common,
    queue: 'discover',
    schema: CrawlPayloadSchema,
    run: async (payload, { log: jobLog }): Promise<DiscoverResult> => {
      const result = await stages.crawlPass({ forms: payload.forms, since: payload.since });
      const dispatched = await dispatchRefs(store, queues, result.refs, null);
      await stages.commitCrawl(result);
      jobLog.info({ listed: result.listed, ...dispatched, cursor: result.cursor }, 'crawl pass done');
      return {
        accessions: result.refs.map((ref) => ref.accessionNumber),
        ciks: [],
        skipped: 0,
        requests: result.requests,
        warnings: [],
      };
    },
  });

  const fetch = createJobProcessor({
    ...common,
    queue: 'fetch',
    schema: FetchPayloadSchema,
    run: async ({ ref, scope }) => {
      const result = await stages.fetchFiling({ accessionNumber: ref.accessionNumber, cik: ref.cik });
      await enqueueParse(queues, [ref], scope);
      return { fetched: result.fetched };
    },
    onFinalFailure: ({ ref }, _failure, error) => stages.recordStageFailure(ref.accessionNumber, 'fetch', error),
  });

  const parse = createJobProcessor({
    ...common,
    queue: 'parse',
    schema: ParsePayloadSchema,
    run: async ({ ref, scope }) => {
      const result = await stages.parseFiling({ accessionNumber: ref.accessionNumber, scope });
      if (result.outcome === 'stored' && result.cik) await scheduleThreads(result.cik);
      return { outcome: result.outcome, upsert: result.upsert };
    },
    onFinalFailure: ({ ref }, _failure, error) => stages.recordStageFailure(ref.accessionNumber, 'parse', error),
  });

  const threads = createJobProcessor({
    ...common,
    queue: 'parse',
    schema: ThreadsPayloadSchema,
    run: async ({ cik }) => {
      await stages.rebuildThreads({ ciks: [cik] });
      return { cik };
    },
  });

  return {
    discover: (job: Job, token?: string) => (job.name === JOB_NAMES.crawl ? crawl(job, token) : target(job, token)),
    fetch,
    parse: (job: Job, token?: string) => (job.name === 'threads' ? threads(job, token) : parse(job, token)),
  };
}
