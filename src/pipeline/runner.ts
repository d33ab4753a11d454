/**
 * The runner port: how a command runs the pipeline, whichever runner drives it. The embedded runner
 * (embedded-runner.ts) drives the stages in this process; the distributed runner (distributed/) puts the work
 * on the BullMQ queues for the workers and follows it. Both report the same RunEvents and RunSummary, so a
 * command prints and exits the same in either mode. The composition root (src/app/open-runner.ts) picks one,
 * once, from the Config; no command asks which.
 */
import type { Target } from '../identifiers.ts';
import type { LetterForm } from '../letter/schema.ts';
import type { AllEdgarPlan, AllEdgarRequest, AllEdgarSummary } from './all-edgar-run.ts';
import type { RunEvent, RunSummary } from './run-events.ts';

export interface TargetsRequest {
  readonly targets: readonly Target[];
  /** Default both letter forms. */
  readonly forms?: readonly LetterForm[];
  /** filingDate window, inclusive, YYYY-MM-DD. */
  readonly since?: string | null;
  readonly until?: string | null;
}

export interface CrawlRequest {
  /** Default both letter forms. */
  readonly forms?: readonly LetterForm[];
  /** Read the daily indexes from this date (first pass only) instead of after the cursor. */
  readonly since?: string | null;
}

export interface RunHooks {
  readonly onEvent?: (event: RunEvent) => void;
}

export interface CrawlLoopHooks {
  /** Called before each pass made in this process, for that pass's events. */
  readonly onPassStart?: () => RunHooks;
  /** Called after each pass made in this process. */
  readonly onPassEnd?: (summary: RunSummary, nextInMs: number) => void;
  /** Stops the loop (SIGTERM/SIGINT): the pass under way ends first. */
  readonly signal: AbortSignal;
}

/** How `crawl` without `--once` ended: passes made here until stopped, or a job scheduler installed. */
export type CrawlLoopOutcome =
  { readonly kind: 'stopped'; readonly passes: number } | { readonly kind: 'scheduled'; readonly everyMs: number };

export interface PipelineRunner {
  /** Discovers, fetches, parses and stores every letter of the targets; resolves when all of it is done. */
  runTargets(request: TargetsRequest, hooks?: RunHooks): Promise<RunSummary>;
  /** `backfill --all`: every letter of the quarterly full index in the filing-date range. */
  runAll(request: AllEdgarRequest, hooks?: RunHooks): Promise<AllEdgarSummary>;
  /** `backfill --all --dry-run`: the indexes read, letters counted, nothing fetched. */
  planAll(request: AllEdgarRequest, hooks?: RunHooks): Promise<AllEdgarPlan>;
  /** One crawl pass (daily indexes and the latest-filings feed) and every letter it lists. */
  runCrawlPass(request: CrawlRequest, hooks?: RunHooks): Promise<RunSummary>;
  /** A crawl pass every `intervalMs`: made here until `signal` aborts, or by the workers on a job scheduler. */
  crawlEvery(intervalMs: number, request: CrawlRequest, hooks: CrawlLoopHooks): Promise<CrawlLoopOutcome>;
  /** The queue part of `status` (depths, failed jobs, schedulers), or null when the runner has no queues. */
  describeQueues(): Promise<string | null>;
}
