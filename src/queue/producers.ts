/**
 * Producers: put work on the queues. Every job id is the filing's accession (the target key for discover jobs):
 * while a job with that id waits or runs, adding it again is a no-op (BullMQ keeps one), so nothing runs twice
 * at once. A finished job with the id (completed, or failed and kept with its reason) is replaced, so running a
 * backfill again re-runs the work that the store says is not done.
 */
import type { Job, Queue } from 'bullmq';
import type { FilingRef } from '../discover/filing-ref.ts';
import type { Scope } from '../filing/scope.ts';
import type { Target } from '../identifiers.ts';
import type { LetterForm } from '../letter/schema.ts';
import { allEdgarJobId, crawlPassJobId, filingJobId, targetJobId } from './job-ids.ts';
import {
  AllEdgarPayloadSchema,
  type AllEdgarPayload,
  CrawlPayloadSchema,
  DiscoverTargetPayloadSchema,
  FetchPayloadSchema,
  ParsePayloadSchema,
  ThreadsPayloadSchema,
} from './job-payloads.ts';
import { JOB_NAMES } from './queue-names.ts';
import type { Queues } from './queues.ts';

const FINISHED = new Set(['completed', 'failed']);

/** Adds a job unless one with the same id waits or runs; replaces a finished one. Returns the job id. */
export async function addUniqueJob(
  queue: Queue,
  name: string,
  data: unknown,
  jobId: string,
  options: { delay?: number } = {},
): Promise<string> {
  const state = await queue.getJobState(jobId);
  if (FINISHED.has(state)) {
    const job = await queue.getJob(jobId);
    // remove() refuses a job locked by a worker: a finished job holds no lock, so a refusal means someone retried it.
    await job?.remove().catch(() => undefined);
  }
  const job: Job = await queue.add(name, data, { ...options, jobId });
  return job.id ?? jobId;
}

export interface TargetOptions {
  readonly forms: readonly LetterForm[];
  readonly since: string | null;
  readonly until: string | null;
}

/** One discover job per target; returns their job ids in the order of `targets`. */
export async function enqueueTargets(
  queues: Queues,
  targets: readonly Target[],
  options: TargetOptions,
): Promise<string[]> {
  const ids: string[] = [];
  for (const target of targets) {
    const payload = DiscoverTargetPayloadSchema.parse({
      target,
      forms: [...options.forms],
      since: options.since,
      until: options.until,
    });
    ids.push(await addUniqueJob(queues.discover, JOB_NAMES.target, payload, targetJobId(target)));
  }
  return ids;
}

/** One step of an `enqueue --all` run, after `delay` ms; returns its job id. */
export async function enqueueAllEdgarStep(queues: Queues, payload: AllEdgarPayload, delay = 0): Promise<string> {
  const data = AllEdgarPayloadSchema.parse(payload);
  return addUniqueJob(queues.discover, JOB_NAMES.all, data, allEdgarJobId(data.runId, data.step), { delay });
}

/** Jobs waiting or running on the fetch queue: the backlog an `--all` run keeps under its window. */
export async function fetchBacklog(queues: Queues): Promise<number> {
  const counts = await queues.fetch.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** A fetch job per filing (complete submission -> archive); the parse job follows when it is archived. */
export async function enqueueFetch(queues: Queues, refs: readonly FilingRef[], scope: Scope): Promise<void> {
  for (const ref of refs) {
    const payload = FetchPayloadSchema.parse({ ref, scope });
    await addUniqueJob(queues.fetch, JOB_NAMES.fetch, payload, filingJobId(ref.accessionNumber));
  }
}

/** A parse job per archived filing (normalize + parse + store, no network). */
export async function enqueueParse(queues: Queues, refs: readonly FilingRef[], scope: Scope): Promise<void> {
  for (const ref of refs) {
    const payload = ParsePayloadSchema.parse({ ref, scope });
    await addUniqueJob(queues.parse, JOB_NAMES.parse, payload, filingJobId(ref.accessionNumber));
  }
}

/** Id of the job scheduler that makes the crawl passes. */
export const CRAWL_SCHEDULER_ID = 'crawl';

/** Installs (or updates) the job scheduler that enqueues one crawl pass every `everyMs`; the first one now. */
export async function upsertCrawlScheduler(
  queues: Queues,
  everyMs: number,
  forms: readonly LetterForm[],
): Promise<void> {
  const data = CrawlPayloadSchema.parse({ forms: [...forms], since: null });
  await queues.discover.upsertJobScheduler(CRAWL_SCHEDULER_ID, { every: everyMs }, { name: JOB_NAMES.crawl, data });
}

/** Enqueues one crawl pass now (`crawl --once` in distributed mode); returns its job id. */
export async function enqueueCrawlPass(
  queues: Queues,
  forms: readonly LetterForm[],
  passId: string,
  since: string | null = null,
): Promise<string> {
  const data = CrawlPayloadSchema.parse({ forms: [...forms], since });
  return addUniqueJob(queues.discover, JOB_NAMES.crawl, data, crawlPassJobId(passId));
}

/**
 * A debounced threads job for a company: one per company per window, run after the window ends, so letters
 * stored within the window share it and it sees all of them; a letter stored later falls in the next window's.
 */
export async function enqueueThreads(queues: Queues, cik: string, windowMs: number): Promise<void> {
  const bucket = Math.floor(Date.now() / windowMs);
  const delay = (bucket + 1) * windowMs - Date.now() + 100;
  const data = ThreadsPayloadSchema.parse({ cik });
  await queues.parse.add(JOB_NAMES.threads, data, {
    jobId: `threads-${cik}-${bucket}`,
    delay,
    removeOnComplete: true,
  });
}
