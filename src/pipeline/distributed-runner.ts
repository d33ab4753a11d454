/**
 * The distributed runner: the same stages as the embedded runner, driven through the BullMQ queues by worker
 * processes. This module binds the stages for the workers (bindStages) and runs, from the command line, a
 * backfill or a crawl pass that enqueues its work and waits for it, reporting the same RunEvents and
 * BackfillSummary as the embedded runner, so `backfill` prints the same progress and exits with the same code
 * in either mode.
 */
import { commitCrawlCursor, crawlPass } from '../discover/crawl-pass.ts';
import { targetKey, type Target } from '../edgar/identifiers.ts';
import { LETTER_FORMS, type LetterForm } from '../letter/schema.ts';
import type { DiscoverResult } from '../queue/job-payloads.ts';
import { enqueueCrawlPass } from '../queue/producers.ts';
import type { Queues } from '../queue/queues.ts';
import {
  enqueueAndTrack,
  targetWork,
  type DiscoverFailure,
  type DiscoverWork,
  type FinishedFiling,
} from '../queue/run-tracker.ts';
import type { StageFunctions } from '../queue/stage-processors.ts';
import { discoverTarget } from './discover-stage.ts';
import { recordStageFailure } from './failures.ts';
import { fetchFiling } from './fetch-stage.ts';
import {
  attributeUnnumbered,
  NOTE_NOT_ATTRIBUTED,
  NOTE_UNNUMBERED,
  parseFiling,
  type ParseDeps,
} from './parse-stage.ts';
import type { BackfillSummary, FailedFiling, FilingOutcome, RunEvent, TargetSummary } from './run-events.ts';
import { rebuildThreads } from './thread-stage.ts';

/** The stages with their deps bound, as the queue processors call them. */
export function bindStages(deps: ParseDeps): StageFunctions {
  const crawlDeps = { client: deps.client, endpoints: deps.endpoints, store: deps.store, log: deps.logger };
  return {
    discoverTarget: (input) => discoverTarget(deps, input),
    fetchFiling: (input) => fetchFiling(deps, input),
    parseFiling: async (input) => {
      const result = await parseFiling(deps, input);
      return { outcome: result.outcome, upsert: result.upsert, cik: result.letter.cik };
    },
    rebuildThreads: async ({ ciks }) => void (await rebuildThreads(deps, { ciks })),
    crawlPass: ({ forms, since }) => crawlPass(crawlDeps, { forms, since }),
    commitCrawl: (result) => commitCrawlCursor(deps.store, result),
    recordStageFailure: async (accession, stage, error) =>
      void (await recordStageFailure(deps, accession, stage, error)),
  };
}

export interface DistributedRunOptions {
  readonly forms?: readonly LetterForm[];
  readonly since?: string | null;
  readonly until?: string | null;
  readonly onEvent?: (event: RunEvent) => void;
  /** Poll period of the queues and the store; default 500 ms. */
  readonly pollMs?: number;
}

const FAILED_JOB = /^([A-Z][A-Z_]+):\s*(.*)$/s;

/** Turns what the tracker reports into the embedded runner's events and summary figures. */
class RunReport {
  readonly counts: Record<FilingOutcome, number> = {
    stored: 0,
    'already-stored': 0,
    'not-attributed': 0,
    unnumbered: 0,
    failed: 0,
  };
  readonly targets: TargetSummary[] = [];
  readonly failures: FailedFiling[] = [];
  readonly unnumbered = new Set<string>();
  readonly emit: (event: RunEvent) => void;
  letters = 0;
  skipped = 0;
  fetched = 0;
  fromArchive = 0;

  constructor(emit: (event: RunEvent) => void) {
    this.emit = emit;
  }

  discovered(work: DiscoverWork, result: DiscoverResult | null, failure: DiscoverFailure | null): void {
    const key = work.target ? targetKey(work.target) : 'crawl';
    if (failure || !result) {
      const m = FAILED_JOB.exec(failure?.reason ?? '');
      const code = m ? m[1]! : 'INTERNAL';
      const reason = m ? m[2]! : (failure?.reason ?? 'discover job failed');
      if (work.target) {
        this.targets.push({
          target: work.target,
          targetKey: key,
          ciks: [],
          letters: 0,
          skipped: 0,
          requests: 0,
          warnings: [],
          failure: { code, reason },
        });
      }
      this.emit({ type: 'target-failed', targetKey: key, code, reason });
      return;
    }
    if (work.target) {
      this.targets.push({
        target: work.target,
        targetKey: key,
        ciks: result.ciks,
        letters: result.accessions.length,
        skipped: result.skipped,
        requests: result.requests,
        warnings: result.warnings,
        failure: null,
      });
    }
    this.skipped += result.skipped;
    this.letters += result.accessions.length;
    this.emit({
      type: 'target-discovered',
      targetKey: key,
      ciks: result.ciks,
      letters: result.accessions.length,
      skipped: result.skipped,
      requests: result.requests,
      warnings: result.warnings,
    });
    this.emit({ type: 'total', total: this.letters });
  }

  filing(filing: FinishedFiling): void {
    const { record } = filing;
    const fetch = filing.fetchResult as { fetched?: unknown } | null;
    const parse = filing.parseResult as { outcome?: unknown } | null;
    const wasFetched = fetch?.fetched === true;
    if (wasFetched) this.fetched += 1;
    else if (fetch !== null || parse !== null) this.fromArchive += 1;
    let outcome: FilingOutcome;
    if (record.state === 'failed') {
      outcome = 'failed';
      this.failures.push({
        accessionNumber: record.accessionNumber,
        form: record.form,
        filingDate: record.filingDate,
        stage: record.failedStage ?? 'fetch',
        code: record.failureCode ?? 'INTERNAL',
        reason: record.failureReason ?? 'failed',
      });
    } else if (typeof parse?.outcome === 'string' && parse.outcome in this.counts) {
      outcome = parse.outcome as FilingOutcome;
    } else if (record.state === 'fetched' && record.note?.startsWith(NOTE_UNNUMBERED)) {
      outcome = 'unnumbered';
    } else if (record.state === 'fetched' && record.note?.startsWith(NOTE_NOT_ATTRIBUTED)) {
      outcome = 'not-attributed';
    } else {
      outcome = 'already-stored';
    }
    if (outcome === 'unnumbered') this.unnumbered.add(record.accessionNumber);
    this.counts[outcome] += 1;
    this.emit({ type: 'filing-done', accessionNumber: record.accessionNumber, outcome, fetched: wasFetched });
  }
}

async function runTracked(
  deps: ParseDeps,
  queues: Queues,
  work: readonly DiscoverWork[],
  options: DistributedRunOptions,
): Promise<BackfillSummary> {
  const started = performance.now();
  const emit = (event: RunEvent) => options.onEvent?.(event);
  const report = new RunReport(emit);
  for (const item of work) emit({ type: 'target-started', targetKey: item.target ? targetKey(item.target) : 'crawl' });
  await enqueueAndTrack({
    queues,
    store: deps.store,
    log: deps.logger,
    work,
    pollMs: options.pollMs,
    onDiscovered: (item, result, failure) => report.discovered(item, result, failure),
    onFiling: (filing) => report.filing(filing),
  });

  // The end of a run, as in the embedded runner: letters without a file number tied to the backfill's numbers
  // through their threads, then the threads of every company touched.
  let threadAttributed = 0;
  const fileNumberTargets = report.targets.filter((t) => t.target.kind === 'file-number' && t.failure === null);
  for (const target of fileNumberTargets) {
    emit({
      type: 'finishing',
      what: `tying letters without file number to ${target.target.value} through their threads`,
    });
    const linked = await attributeUnnumbered(deps, { fileNumber: target.target.value, ciks: target.ciks });
    threadAttributed += linked.length;
    for (const accession of linked) {
      if (report.unnumbered.delete(accession)) report.counts.unnumbered -= 1;
      report.counts.stored += 1;
    }
  }
  emit({ type: 'finishing', what: 'rebuilding review threads' });
  await rebuildThreads(deps, {
    ciks: [...new Set(report.targets.flatMap((t) => t.ciks))],
    fileNumbers: fileNumberTargets.map((t) => t.target.value),
  });
  return {
    targets: report.targets,
    letters: report.letters,
    skipped: report.skipped,
    counts: report.counts,
    fetched: report.fetched,
    fromArchive: report.fromArchive,
    threadAttributed,
    failures: report.failures,
    durationMs: performance.now() - started,
  };
}

/** `backfill` with REDIS_URL: one discover job per target, then every fetch and parse job they cause. */
export function runDistributedBackfill(
  deps: ParseDeps,
  queues: Queues,
  targets: readonly Target[],
  options: DistributedRunOptions = {},
): Promise<BackfillSummary> {
  const selection = {
    forms: options.forms ?? LETTER_FORMS,
    since: options.since ?? null,
    until: options.until ?? null,
  };
  return runTracked(deps, queues, targetWork(queues, targets, selection), options);
}

/** `crawl --once` with REDIS_URL: one crawl pass job, then every fetch and parse job it causes. */
export function runDistributedCrawlPass(
  deps: ParseDeps,
  queues: Queues,
  options: DistributedRunOptions = {},
): Promise<BackfillSummary> {
  const forms = options.forms ?? LETTER_FORMS;
  const passId = new Date().toISOString().replace(/[:.]/g, '-');
  const work: DiscoverWork = {
    jobId: `crawl-once=${passId}`,
    target: null,
    enqueue: async () => void (await enqueueCrawlPass(queues, forms, passId, options.since ?? null)),
  };
  return runTracked(deps, queues, [work], options);
}
