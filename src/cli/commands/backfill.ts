/** `backfill <target...> [--forms] [--since] [--until]`: discover, fetch, parse and store every letter. */
import type { Command } from 'commander';
import { requireUserAgent } from '../../../config/env.ts';
import { parseFormsOption } from '../../discover/letter-forms.ts';
import { parseTarget, type Target } from '../../identifiers.ts';
import type { LetterForm } from '../../letter/schema.ts';
import { exitCodeOf } from '../../pipeline/run-events.ts';
import { parseDateOption, usageError, type CliContext, type ExitCode } from '../context.ts';
import { createProgressReporter } from '../progress.ts';
import { formatRunSummary } from '../summary.ts';
import { runBackfillAll } from './backfill-all.ts';

export interface BackfillRequest {
  readonly targets: Target[];
  readonly forms: LetterForm[] | undefined;
  readonly since: string | null;
  readonly until: string | null;
}

/** Reads and checks the arguments: a usage error (exit 2) says which one is wrong and what is accepted. */
export function readBackfillRequest(
  rawTargets: readonly string[],
  options: { forms?: string; since?: string; until?: string },
): BackfillRequest {
  const targets: Target[] = [];
  for (const raw of rawTargets) {
    const target = parseTarget(raw);
    if (target === null) {
      throw usageError(
        `${JSON.stringify(raw)} is not a backfill target: use a file number (001-35126), a CIK (1508475) or a ticker (VNET)`,
      );
    }
    targets.push(target);
  }
  let forms: LetterForm[] | undefined;
  if (options.forms !== undefined) {
    const parsed = parseFormsOption(options.forms);
    if ('error' in parsed) throw usageError(parsed.error);
    forms = parsed.forms;
  }
  const since = parseDateOption('--since', options.since);
  const until = parseDateOption('--until', options.until);
  if (since && until && since > until) throw usageError(`--since ${since} is after --until ${until}`);
  return { targets, forms, since, until };
}

interface BackfillOptions {
  forms?: string;
  since?: string;
  until?: string;
  all?: boolean;
  dryRun?: boolean;
}

export function registerBackfill(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('backfill')
    .description(
      'discover, fetch, parse and store every letter of each target (file number, CIK or ticker), or of all EDGAR',
    )
    .argument('[target...]', 'file number (001-35126, 0-12345), CIK (1508475) or ticker (VNET)')
    .option('--all', 'every letter EDGAR disseminated, from the quarterly full index (2004 QTR3 on without --since)')
    .option('--dry-run', 'with --all: read the indexes only, print letters per year and form and the projected time')
    .option('--forms <forms>', 'letter forms to collect: CORRESP, UPLOAD or both', 'CORRESP,UPLOAD')
    .option('--since <date>', 'only letters filed on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only letters filed on or before this date (YYYY-MM-DD)')
    .action(async (rawTargets: string[], options: BackfillOptions) => {
      const ctx = context();
      if (options.all === true || rawTargets.length === 0) {
        if (rawTargets.length > 0) throw usageError('give targets or --all, not both');
        if (options.all !== true) throw usageError('give at least one target, or --all');
        const request = readBackfillRequest([], options);
        requireUserAgent(ctx.config());
        return runBackfillAll(ctx, request, options.dryRun === true, setExit);
      }
      if (options.dryRun === true) throw usageError('--dry-run goes with --all');
      const request = readBackfillRequest(rawTargets, options);
      requireUserAgent(ctx.config());
      const session = await ctx.openRunner({ command: 'backfill' });
      const progress = createProgressReporter(ctx.stderr);
      try {
        const summary = await session.runner.runTargets(request, { onEvent: progress.onEvent });
        progress.stop();
        ctx.stderr.write(formatRunSummary(summary));
        setExit(exitCodeOf(summary));
      } finally {
        progress.stop();
        await session.close();
      }
    });
}
