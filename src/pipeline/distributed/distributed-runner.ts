/**
 * The distributed runner: the same stages as the embedded runner, driven through the BullMQ queues by worker
 * processes (stage-processors.ts). From the command line it enqueues a run's discover jobs and follows them
 * and every job they cause (run-tracker.ts), counting in the same RunReport and finishing the same way as the
 * embedded runner, so `backfill` and `crawl --once` print the same progress and exit with the same code in
 * either mode. `crawl` without --once installs the job scheduler that makes the workers crawl.
 */
import { ConfigError, ERROR_CODES } from '../../errors.ts';
import { LETTER_FORMS } from '../../letter/schema.ts';
import type { FilingRecord } from '../../filing/filing-record.ts';
import { crawlPassJobId, targetJobId } from '../../queue/job-ids.ts';
import { enqueueCrawlPass, enqueueTargets, upsertCrawlScheduler } from '../../queue/producers.ts';
import { formatQueueStatus, loadQueueStatus } from '../../queue/queue-status.ts';
import type { Queues } from '../../queue/queues.ts';
import { finishRun } from '../finish-run.ts';
import type { ParseDeps } from '../parse-stage.ts';
import type { FilingOutcome, RunSummary } from '../run-events.ts';
import { RunReport, type BytesRead } from '../run-report.ts';
import type { CrawlRequest, PipelineRunner, RunHooks, TargetsRequest } from '../runner.ts';
import type { DiscoverResult } from './job-results.ts';
import { trackRun, type DiscoverFailure, type DiscoverWork, type FinishedFiling } from './run-tracker.ts';

export interface DistributedRunnerOptions {
  /** The stages' deps of this process (store; no EDGAR request is made here). */
  readonly deps: ParseDeps;
  readonly queues: Queues;
  /** Poll period of the queues and the store; default 500 ms. */
  readonly pollMs?: number;
}

/** A finished filing's outcome: what its parse job said in this run, else what its record says. */
function outcomeOf({ record, parse }: FinishedFiling): FilingOutcome {
  if (record.state === 'failed') return 'failed';
  if (parse !== null) return parse.outcome;
  if (record.hold !== null) return record.hold.reason;
  return 'already-stored';
}

function bytesRead({ fetch, parse }: FinishedFiling): BytesRead {
  if (fetch?.fetched === true) return 'fetched';
  return fetch !== null || parse !== null ? 'archive' : 'none';
}

function discovered(
  report: RunReport,
  work: DiscoverWork,
  result: DiscoverResult | null,
  failure: DiscoverFailure | null,
) {
  if (result === null)
    return report.targetFailed(work.target, failure ?? { code: ERROR_CODES.INTERNAL, reason: 'discover job failed' });
  report.targetDiscovered(work.target, { ...result, letters: result.accessions.length });
  report.addListed(result.accessions);
}

function filingFinished(report: RunReport, filing: FinishedFiling): void {
  const record: FilingRecord = filing.record;
  report.filingDone(record, outcomeOf(filing), bytesRead(filing), record.failure);
}

async function runTracked(
  options: DistributedRunnerOptions,
  work: readonly DiscoverWork[],
  retryFailed: boolean,
  hooks: RunHooks = {},
): Promise<RunSummary> {
  const { deps, queues } = options;
  const report = new RunReport(hooks.onEvent);
  for (const item of work) report.targetStarted(item.target);
  await trackRun({
    queues,
    store: deps.store,
    log: deps.logger,
    work,
    retryFailed,
    pollMs: options.pollMs,
    onDiscovered: (item, result, failure) => discovered(report, item, result, failure),
    onFiling: (filing) => filingFinished(report, filing),
  });
  return finishRun(deps, report, (what) => hooks.onEvent?.({ type: 'finishing', what }));
}

const ALL_IN_DISTRIBUTED =
  'backfill --all follows the run in embedded mode only: in distributed mode use enqueue --all (bounded fetch window) and status';

export function createDistributedRunner(options: DistributedRunnerOptions): PipelineRunner {
  const { queues } = options;
  return {
    runTargets(request: TargetsRequest, hooks?: RunHooks) {
      const selection = {
        forms: request.forms ?? LETTER_FORMS,
        since: request.since ?? null,
        until: request.until ?? null,
      };
      const work = request.targets.map((target) => ({
        jobId: targetJobId(target),
        target,
        enqueue: async () => void (await enqueueTargets(queues, [target], selection)),
      }));
      return runTracked(options, work, true, hooks);
    },
    // The full-index discovery with a bounded fetch window is not on the queues yet: say so plainly.
    runAll: () => Promise.reject(new ConfigError(ALL_IN_DISTRIBUTED)),
    planAll: () => Promise.reject(new ConfigError(ALL_IN_DISTRIBUTED)),
    runCrawlPass(request: CrawlRequest, hooks?: RunHooks) {
      const forms = request.forms ?? LETTER_FORMS;
      const passId = new Date().toISOString().replace(/[:.]/g, '-');
      const work: DiscoverWork = {
        jobId: crawlPassJobId(passId),
        target: null,
        enqueue: async () => void (await enqueueCrawlPass(queues, forms, passId, request.since ?? null)),
      };
      return runTracked(options, [work], false, hooks);
    },
    async crawlEvery(intervalMs: number, request: CrawlRequest) {
      await upsertCrawlScheduler(queues, intervalMs, request.forms ?? LETTER_FORMS);
      return { kind: 'scheduled', everyMs: intervalMs };
    },
    describeQueues: async () => formatQueueStatus(await loadQueueStatus(queues)).trimEnd(),
  };
}
