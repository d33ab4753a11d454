/**
 * `crawl [--once] [--interval 15m] [--forms] [--since D]`: newly disseminated CORRESP/UPLOAD across EDGAR, from
 * the daily indexes and the latest-filings feed (src/discover/crawl-pass.ts).
 *   embedded:     --once = one pass then exit; otherwise a pass every interval until SIGTERM/SIGINT.
 *   distributed:  --once = one pass enqueued and waited for (progress and exit code as backfill); otherwise the
 *                 BullMQ job scheduler `crawl` is installed (or updated) and the workers make the passes.
 * `--since` (an addition to the contract) reads the daily indexes from that date instead of after the cursor.
 */
import type { Command } from 'commander';
import { requireUserAgent } from '../../../config/env.ts';
import { commitCrawlCursor, crawlPass } from '../../discover/crawl-pass.ts';
import { parseFormsOption } from '../../discover/letter-forms.ts';
import { LETTER_FORMS, type LetterForm } from '../../letter/schema.ts';
import { openPipelineDeps } from '../../pipeline/open-pipeline-deps.ts';
import { runFilings } from '../../pipeline/embedded-runner.ts';
import { exitCodeOf } from '../../pipeline/run-events.ts';
import { parseDateOption, usageError, type CliContext, type ExitCode } from '../context.ts';
import { createProgressReporter } from '../progress.ts';
import { formatBackfillSummary } from '../summary.ts';

/** "15m", "1h", "90s" -> ms; a usage error names the option and the accepted form. */
export function parseInterval(value: string): number {
  const m = /^\s*(\d+)\s*(s|m|h)\s*$/.exec(value);
  const ms = m ? Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'] : NaN;
  if (!(ms >= 1000)) throw usageError(`--interval ${JSON.stringify(value)}: use a duration such as 90s, 15m or 1h`);
  return ms;
}

interface CrawlOptions {
  once?: boolean;
  interval: string;
  forms: string;
  since?: string;
}

/** Resolves after `ms`, or at once on SIGTERM/SIGINT (then `stopped()` is true). */
function sleepUnlessStopped(): { wait(ms: number): Promise<void>; stopped(): boolean; dispose(): void } {
  let stop = false;
  let wake: (() => void) | null = null;
  const onSignal = () => {
    stop = true;
    wake?.();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    wait: (ms) =>
      new Promise<void>((resolve) => {
        if (stop) return resolve();
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    stopped: () => stop,
    dispose: () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}

export function registerCrawl(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('crawl')
    .description('newly disseminated CORRESP/UPLOAD letters across EDGAR (daily indexes and the latest-filings feed)')
    .option('--once', 'one pass, then exit (embedded or distributed)')
    .option('--interval <duration>', 'time between passes: 90s, 15m, 1h', '15m')
    .option('--forms <forms>', 'letter forms to collect: CORRESP, UPLOAD or both', 'CORRESP,UPLOAD')
    .option('--since <date>', 'read the daily indexes from this date (YYYY-MM-DD) instead of after the last pass')
    .action(async (options: CrawlOptions) => {
      const ctx = context();
      const intervalMs = parseInterval(options.interval);
      const parsedForms = parseFormsOption(options.forms);
      if ('error' in parsedForms) throw usageError(parsedForms.error);
      const forms: LetterForm[] = parsedForms.forms.length > 0 ? parsedForms.forms : [...LETTER_FORMS];
      const since = parseDateOption('--since', options.since);
      const config = ctx.config();
      const logger = ctx.logger();

      if (config.redisUrl !== null && !options.once) {
        const { openDistributedRuntime } = await import('../../queue/worker-runtime.ts');
        const { upsertCrawlScheduler } = await import('../../queue/producers.ts');
        const runtime = await openDistributedRuntime(config, { command: 'crawl', logger, offline: true });
        try {
          await upsertCrawlScheduler(runtime.queues, intervalMs, forms);
          ctx.stderr.write(
            `crawl scheduled: a pass every ${options.interval.trim()} (job scheduler "crawl"), made by the workers serving the discover queue\n`,
          );
          setExit(0);
        } finally {
          await runtime.close();
        }
        return;
      }

      requireUserAgent(config);
      if (config.redisUrl !== null) {
        const { openDistributedRuntime } = await import('../../queue/worker-runtime.ts');
        const { runDistributedCrawlPass } = await import('../../pipeline/distributed-runner.ts');
        const runtime = await openDistributedRuntime(config, { command: 'crawl', logger });
        const progress = createProgressReporter(ctx.stderr);
        try {
          const summary = await runDistributedCrawlPass(runtime.deps, runtime.queues, {
            forms,
            since,
            onEvent: progress.onEvent,
          });
          progress.stop();
          ctx.stderr.write(formatBackfillSummary(summary));
          setExit(exitCodeOf(summary));
        } finally {
          progress.stop();
          await runtime.close();
        }
        return;
      }

      const deps = await openPipelineDeps(config, { logger, limiter: ctx.limiter });
      const signals = sleepUnlessStopped();
      try {
        let first = true;
        while (!signals.stopped()) {
          const progress = createProgressReporter(ctx.stderr);
          const pass = await crawlPass(
            { client: deps.client, endpoints: deps.endpoints, store: deps.store, log: logger },
            { forms, since: first ? since : null },
          );
          const summary = await runFilings(deps, pass.refs, {
            fetchConcurrency: config.fetchConcurrency,
            parseConcurrency: config.parseConcurrency,
            onEvent: progress.onEvent,
          });
          await commitCrawlCursor(deps.store, pass);
          progress.stop();
          ctx.stderr.write(formatBackfillSummary(summary));
          setExit(exitCodeOf(summary));
          if (options.once) break;
          first = false;
          ctx.stderr.write(`next crawl pass in ${options.interval.trim()}\n`);
          await signals.wait(intervalMs);
        }
        if (!options.once) setExit(0);
      } finally {
        signals.dispose();
        await deps.close();
      }
    });
}
