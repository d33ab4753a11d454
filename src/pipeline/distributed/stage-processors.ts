/**
 * The processors of the three queues, each a thin binding of a job to a pipeline stage (the stages know nothing
 * of queues). What follows a stage is decided by the filing lifecycle from the store's record (dispatch.ts), so
 * every processor is idempotent: run again after a crash, a stalled lock or a Redis that lost its data, it
 * redoes nothing that is done — an archived filing is never fetched again, a stored letter is upserted unchanged.
 *   discover/target: discoverTarget -> refs -> dispatch; returns what it listed (DiscoverResult).
 *   discover/crawl:  crawlPass -> refs -> dispatch -> commit the cursor.
 *   discover/all:    full index (step 0) -> top the fetch queue up to the window -> next step.
 *   fetch:           fetchFiling (archive hit = no request) -> parse job.
 *   parse/parse:     parseFiling (normalize + parse + store) -> a debounced threads job for the company.
 *   parse/threads:   rebuildThreads for one company.
 */
import type { Job, Processor } from 'bullmq';
import { scopeOf } from '../../filing/scope.ts';
import type { Logger } from '../../log.ts';
import { createJobProcessor, type JobOutcome } from '../../queue/job-processor.ts';
import {
  AllEdgarPayloadSchema,
  CrawlPayloadSchema,
  DiscoverTargetPayloadSchema,
  FetchPayloadSchema,
  ParsePayloadSchema,
  ThreadsPayloadSchema,
} from '../../queue/job-payloads.ts';
import { enqueueParse, enqueueThreads } from '../../queue/producers.ts';
import { JOB_NAMES, type QueueName } from '../../queue/queue-names.ts';
import type { Queues } from '../../queue/queues.ts';
import { commitCrawlCursor, CRAWL_RUN, crawlPass } from '../crawl-pass.ts';
import { discoverTarget } from '../discover-stage.ts';
import { recordStageFailure } from '../failures.ts';
import { fetchFiling } from '../fetch-stage.ts';
import { parseFiling, type ParseDeps } from '../parse-stage.ts';
import { PARSER_VERSION } from '../parser-version.ts';
import { rebuildThreads } from '../thread-stage.ts';
import { runAllEdgarStep } from './all-edgar-window.ts';
import { dispatchRefs } from './dispatch.ts';
import type { DiscoverResult, FetchResult, ParseResult, ThreadsResult } from './job-results.ts';

export interface StageProcessorDeps {
  /** The stages' deps (store, archive, client, parse pool's builder). */
  readonly deps: ParseDeps;
  readonly queues: Queues;
  readonly log: Logger;
  /** The shared limiter's pause (for jobs that met EDGAR's rate-limit page). */
  readonly pausedUntil?: () => Promise<number>;
  readonly observe?: (queue: QueueName, outcome: JobOutcome, seconds: number) => void;
  /** Window of the threads jobs: a company's threads are rebuilt at most once per window. Default 5 s. */
  readonly threadsDelayMs?: number;
}

const common = (d: StageProcessorDeps) => ({ log: d.log, pausedUntil: d.pausedUntil, observe: d.observe });

function targetProcessor(d: StageProcessorDeps): Processor {
  return createJobProcessor({
    ...common(d),
    queue: 'discover',
    schema: DiscoverTargetPayloadSchema,
    run: async (payload, { log }): Promise<DiscoverResult> => {
      const found = await discoverTarget(d.deps, payload);
      const run = { scope: scopeOf(payload.target), retryFailed: true, parserVersion: PARSER_VERSION };
      const dispatched = await dispatchRefs(d.deps.store, d.queues, found.refs, run);
      log.info({ target: payload.target, refs: found.refs.length, ...dispatched }, 'target discovered');
      return {
        accessions: found.refs.map((ref) => ref.accessionNumber),
        ciks: [...found.ciks],
        skipped: found.skipped.length,
        requests: found.requests,
        warnings: [...found.warnings],
        resolution: found.resolution,
      };
    },
  });
}

function crawlProcessor(d: StageProcessorDeps): Processor {
  const { deps } = d;
  return createJobProcessor({
    ...common(d),
    queue: 'discover',
    schema: CrawlPayloadSchema,
    run: async (payload, { log }): Promise<DiscoverResult> => {
      const crawlDeps = { client: deps.client, endpoints: deps.endpoints, store: deps.store, log: deps.logger };
      const result = await crawlPass(crawlDeps, { forms: payload.forms, since: payload.since });
      const dispatched = await dispatchRefs(deps.store, d.queues, result.refs, CRAWL_RUN);
      await commitCrawlCursor(deps.store, result);
      log.info({ listed: result.listed, ...dispatched, cursor: result.cursor }, 'crawl pass done');
      return {
        accessions: result.refs.map((ref) => ref.accessionNumber),
        ciks: [],
        skipped: 0,
        requests: result.requests,
        warnings: [],
        resolution: null,
      };
    },
  });
}

function allEdgarProcessor(d: StageProcessorDeps): Processor {
  return createJobProcessor({
    ...common(d),
    queue: 'discover',
    schema: AllEdgarPayloadSchema,
    run: async (payload, { log }): Promise<DiscoverResult> => {
      const step = await runAllEdgarStep(d.deps, d.queues, payload);
      log.info(
        { runId: payload.runId, step: payload.step, added: step.accessions.length, done: step.done },
        'all-EDGAR step',
      );
      const { accessions, requests } = step;
      return { accessions, ciks: [], skipped: 0, requests, warnings: [], resolution: null };
    },
  });
}

function fetchProcessor(d: StageProcessorDeps): Processor {
  return createJobProcessor({
    ...common(d),
    queue: 'fetch',
    schema: FetchPayloadSchema,
    run: async ({ ref, scope }): Promise<FetchResult> => {
      const result = await fetchFiling(d.deps, { accessionNumber: ref.accessionNumber, cik: ref.cik });
      await enqueueParse(d.queues, [ref], scope);
      return { fetched: result.fetched };
    },
    onFinalFailure: async ({ ref }, _failure, error) =>
      void (await recordStageFailure(d.deps, ref.accessionNumber, 'fetch', error)),
  });
}

function parseProcessor(d: StageProcessorDeps): Processor {
  const windowMs = d.threadsDelayMs ?? 5000;
  return createJobProcessor({
    ...common(d),
    queue: 'parse',
    schema: ParsePayloadSchema,
    run: async ({ ref, scope }): Promise<ParseResult> => {
      const result = await parseFiling(d.deps, { accessionNumber: ref.accessionNumber, scope });
      if (result.outcome === 'stored') await enqueueThreads(d.queues, result.letter.cik, windowMs);
      return { outcome: result.outcome, upsert: result.upsert };
    },
    onFinalFailure: async ({ ref }, _failure, error) =>
      void (await recordStageFailure(d.deps, ref.accessionNumber, 'parse', error)),
  });
}

function threadsProcessor(d: StageProcessorDeps): Processor {
  return createJobProcessor({
    ...common(d),
    queue: 'parse',
    schema: ThreadsPayloadSchema,
    run: async ({ cik }): Promise<ThreadsResult> => {
      await rebuildThreads(d.deps, { ciks: [cik] });
      return { cik };
    },
  });
}

export function createStageProcessors(d: StageProcessorDeps): Record<QueueName, Processor> {
  const target = targetProcessor(d);
  const crawl = crawlProcessor(d);
  const all = allEdgarProcessor(d);
  const parse = parseProcessor(d);
  const threads = threadsProcessor(d);
  return {
    discover: (job: Job, token?: string) =>
      job.name === JOB_NAMES.crawl
        ? crawl(job, token)
        : job.name === JOB_NAMES.all
          ? all(job, token)
          : target(job, token),
    fetch: fetchProcessor(d),
    parse: (job: Job, token?: string) => (job.name === JOB_NAMES.threads ? threads(job, token) : parse(job, token)),
  };
}
