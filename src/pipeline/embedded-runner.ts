/**
 * The embedded runner: drives the stages in-process. `runBackfill` discovers the targets one after another
 * and hands each one's letters to the fetch -> parse work (filing-work.ts) as soon as they are listed;
 * `runFilings` does the same for refs listed elsewhere (a crawl pass). All state lives in the store and the
 * archive, so a run interrupted anywhere (even kill -9) and started again skips what is stored, parses what is
 * archived and fetches only the rest. At the end (finish-run.ts): letters without file number tied through
 * their threads (file-number targets), then the review threads of every touched company and file number rebuilt.
 * `createEmbeddedRunner` puts these behind the PipelineRunner port, crawl loop included.
 */
import type { FilingRef } from '../discover/filing-ref.ts';
import { EdgarUndeclaredToolError } from '../errors.ts';
import { scopeOf, type Scope } from '../filing/scope.ts';
import { targetKey } from '../identifiers.ts';
import { LETTER_FORMS } from '../letter/schema.ts';
import { planAllEdgar, runAllEdgar } from './all-edgar-run.ts';
import { commitCrawlCursor, crawlPass } from './crawl-pass.ts';
import { discoverTarget } from './discover-stage.ts';
import { describeFailure } from './failures.ts';
import { FilingWork, type FilingWorkOptions } from './filing-work.ts';
import { finishRun } from './finish-run.ts';
import type { ParseDeps } from './parse-stage.ts';
import { RunReport } from './run-report.ts';
import type { RunEvent, RunSummary } from './run-events.ts';
import type { CrawlLoopOutcome, CrawlRequest, PipelineRunner, RunHooks, TargetsRequest } from './runner.ts';

export interface EmbeddedRunOptions extends Omit<FilingWorkOptions, 'retryFailed'> {
  readonly onEvent?: (event: RunEvent) => void;
}

export type BackfillOptions = EmbeddedRunOptions & TargetsRequest;

/** Drains the work and finishes the run (thread tie-up, thread rebuild); rethrows a fatal refusal. */
async function finish(deps: ParseDeps, work: FilingWork, report: RunReport, options: EmbeddedRunOptions) {
  await work.drain();
  if (work.fatal !== null) throw work.fatal;
  return finishRun(deps, report, (what) => options.onEvent?.({ type: 'finishing', what }));
}

export async function runBackfill(deps: ParseDeps, options: BackfillOptions): Promise<RunSummary> {
  const report = new RunReport(options.onEvent);
  const work = new FilingWork(deps, report, options);
  for (const target of options.targets) {
    if (work.fatal !== null) break;
    report.targetStarted(target);
    try {
      const found = await discoverTarget(deps, {
        target,
        forms: options.forms,
        since: options.since,
        until: options.until,
      });
      report.targetDiscovered(target, { ...found, letters: found.refs.length, skipped: found.skipped.length });
      await work.add(found.refs, scopeOf(target));
    } catch (error) {
      if (error instanceof EdgarUndeclaredToolError) throw error;
      report.targetFailed(target, describeFailure(targetKey(target), 'discover', error));
    }
  }
  return finish(deps, work, report, options);
}

export interface RunFilingsOptions extends EmbeddedRunOptions {
  /** Which letters to store; default null (every letter, as crawling wants). */
  readonly scope?: Scope;
  /** Whether failed filings are tried again; default true. */
  readonly retryFailed?: boolean;
}

/** Fetches, parses and stores refs listed elsewhere (e.g. a crawl pass); same summary as a backfill, no targets. */
export async function runFilings(
  deps: ParseDeps,
  refs: readonly FilingRef[],
  options: RunFilingsOptions = {},
): Promise<RunSummary> {
  const report = new RunReport(options.onEvent);
  const work = new FilingWork(deps, report, options);
  await work.add(refs, options.scope ?? null);
  return finish(deps, work, report, options);
}

/** One crawl pass, its letters run, then the cursor committed. */
async function runEmbeddedCrawlPass(
  deps: ParseDeps,
  request: CrawlRequest,
  options: EmbeddedRunOptions,
): Promise<RunSummary> {
  const pass = await crawlPass(
    { client: deps.client, endpoints: deps.endpoints, store: deps.store, log: deps.logger },
    { forms: request.forms ?? LETTER_FORMS, since: request.since ?? null },
  );
  const summary = await runFilings(deps, pass.refs, { ...options, retryFailed: false });
  await commitCrawlCursor(deps.store, pass);
  return summary;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface EmbeddedRunnerOptions {
  readonly fetchConcurrency?: number;
  readonly parseConcurrency?: number;
}

export function createEmbeddedRunner(deps: ParseDeps, options: EmbeddedRunnerOptions = {}): PipelineRunner {
  const withHooks = (hooks: RunHooks = {}): EmbeddedRunOptions => ({ ...options, onEvent: hooks.onEvent });
  return {
    runTargets: (request: TargetsRequest, hooks?: RunHooks) => runBackfill(deps, { ...request, ...withHooks(hooks) }),
    runAll: (request, hooks) => runAllEdgar(deps, request, withHooks(hooks)),
    planAll: (request, hooks) => planAllEdgar(deps, request, hooks?.onEvent),
    runCrawlPass: (request: CrawlRequest, hooks?: RunHooks) => runEmbeddedCrawlPass(deps, request, withHooks(hooks)),
    async crawlEvery(intervalMs, request, hooks): Promise<CrawlLoopOutcome> {
      let passes = 0;
      while (!hooks.signal.aborted) {
        // --since applies to the first pass only: later passes go on from the cursor.
        const pass = { ...request, since: passes === 0 ? request.since : null };
        const summary = await runEmbeddedCrawlPass(deps, pass, withHooks(hooks.onPassStart?.()));
        passes += 1;
        hooks.onPassEnd?.(summary, intervalMs);
        await pause(intervalMs, hooks.signal);
      }
      return { kind: 'stopped', passes };
    },
    describeQueues: async () => null,
  };
}
