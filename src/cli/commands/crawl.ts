/**
 * `crawl [--once] [--interval 15m] [--forms] [--since D]`: newly disseminated CORRESP/UPLOAD across EDGAR, from
 * the daily indexes and the latest-filings feed (src/pipeline/crawl-pass.ts), through the runner port:
 *   --once:  one pass and every letter it lists, progress and exit code as backfill;
 *   else:    a pass every interval — made here until SIGTERM/SIGINT (embedded), or by the workers on the BullMQ
 *            job scheduler `crawl`, installed (or updated) and left to them (distributed).
 * `--since` (an addition to the contract) reads the daily indexes from that date instead of after the cursor.
 */
import type { Command } from 'commander';
import { requireUserAgent } from '../../../config/env.ts';
import { listenForStop } from '../../app/stop-signals.ts';
import { parseFormsOption } from '../../discover/letter-forms.ts';
import { LETTER_FORMS, type LetterForm } from '../../letter/schema.ts';
import { exitCodeOf } from '../../pipeline/run-events.ts';
import type { CrawlRequest, PipelineRunner } from '../../pipeline/runner.ts';
import { parseDateOption, usageError, type CliContext, type ExitCode } from '../context.ts';
import { createProgressReporter, type ProgressReporter } from '../progress.ts';
import { formatRunSummary } from '../summary.ts';

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

function readCrawlRequest(options: CrawlOptions): CrawlRequest {
  const parsedForms = parseFormsOption(options.forms);
  if ('error' in parsedForms) throw usageError(parsedForms.error);
  const forms: LetterForm[] = parsedForms.forms.length > 0 ? parsedForms.forms : [...LETTER_FORMS];
  return { forms, since: parseDateOption('--since', options.since) };
}

/** Passes every interval until SIGTERM/SIGINT, each summed up; or the job scheduler installed. */
async function crawlLoop(
  ctx: CliContext,
  runner: PipelineRunner,
  request: CrawlRequest,
  interval: string,
  setExit: (code: ExitCode) => void,
): Promise<void> {
  const signals = listenForStop();
  let progress: ProgressReporter | null = null;
  try {
    const outcome = await runner.crawlEvery(parseInterval(interval), request, {
      signal: signals.stop,
      onPassStart: () => {
        progress = createProgressReporter(ctx.stderr);
        return { onEvent: progress.onEvent };
      },
      onPassEnd: (summary) => {
        progress?.stop();
        ctx.stderr.write(formatRunSummary(summary));
        ctx.stderr.write(`next crawl pass in ${interval.trim()}\n`);
      },
    });
    if (outcome.kind === 'scheduled') {
      ctx.stderr.write(
        `crawl scheduled: a pass every ${interval.trim()} (job scheduler "crawl"), made by the workers serving the discover queue\n`,
      );
    }
    setExit(0);
  } finally {
    (progress as ProgressReporter | null)?.stop();
    signals.dispose();
  }
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
      parseInterval(options.interval);
      const request = readCrawlRequest(options);
      if (options.once) requireUserAgent(ctx.config());
      const session = await ctx.openRunner({ command: 'crawl' });
      try {
        if (!options.once) return await crawlLoop(ctx, session.runner, request, options.interval, setExit);
        const progress = createProgressReporter(ctx.stderr);
        try {
          const summary = await session.runner.runCrawlPass(request, { onEvent: progress.onEvent });
          progress.stop();
          ctx.stderr.write(formatRunSummary(summary));
          setExit(exitCodeOf(summary));
        } finally {
          progress.stop();
        }
      } finally {
        await session.close();
      }
    });
}
