/**
 * `backfill --all [--since] [--until] [--forms] [--dry-run]`: every letter EDGAR disseminated, discovered from
 * the quarterly full index. The dry run reads the indexes only and prints, per filing year and form, the
 * letters listed, already stored, archived and to fetch, and the time the fetches take at EDGAR_MAX_RPS.
 */
import type { AllEdgarPlan, AllEdgarRequest } from '../../pipeline/all-edgar-run.ts';
import type { FullIndexDiscovery } from '../../pipeline/full-index-stage.ts';
import { exitCodeOf } from '../../pipeline/run-events.ts';
import type { CliContext, ExitCode } from '../context.ts';
import { createProgressReporter } from '../progress.ts';
import { formatRunSummary } from '../summary.ts';
import { terminalSafe } from '../terminal-text.ts';

/** "3 h 12 min", "4 min", "12 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function formatAllEdgarPlan(plan: AllEdgarPlan, requestsPerSecond: number): string {
  const row = (cells: readonly (string | number)[]) =>
    cells.map((cell, i) => (i < 2 ? String(cell).padEnd(8) : String(cell).padStart(9))).join(' ');
  const lines = [row(['year', 'form', 'letters', 'stored', 'archived', 'to fetch'])];
  for (const year of [...plan.byYear.keys()].sort()) {
    const forms = plan.byYear.get(year)!;
    for (const form of [...forms.keys()].sort()) {
      const c = forms.get(form)!;
      lines.push(row([year, form, c.letters, c.stored, c.archived, c.toFetch]));
    }
  }
  const t = plan.total;
  lines.push(row(['total', '', t.letters, t.stored, t.archived, t.toFetch]));
  const d = plan.discovery;
  lines.push(
    `full index: ${d.quarters.length} quarters, ${d.read} read now (${d.requests} requests), ${d.checkpointed} final and checkpointed, ${d.notStarted} not started`,
  );
  lines.push(
    `projected: ${t.toFetch} Archives requests (one per letter) at ${requestsPerSecond} requests/s: ${formatDuration(t.toFetch / requestsPerSecond)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Quarters that could not be read, one line each (they make the exit code 1). */
function failedQuarters(discovery: FullIndexDiscovery): string {
  return discovery.failed
    .map((f) => `full index ${f.quarter}: FAILED ${f.code}: ${f.reason} (read again by the next run)\n`)
    .join('');
}

export async function runBackfillAll(
  ctx: CliContext,
  request: AllEdgarRequest,
  dryRun: boolean,
  setExit: (code: ExitCode) => void,
): Promise<void> {
  const session = await ctx.openRunner({ command: 'backfill' });
  const progress = createProgressReporter(ctx.stderr);
  try {
    if (dryRun) {
      const plan = await session.runner.planAll(request, { onEvent: progress.onEvent });
      progress.stop();
      ctx.stdout.write(formatAllEdgarPlan(plan, ctx.config().edgar.maxRps));
      ctx.stderr.write(terminalSafe(failedQuarters(plan.discovery)));
      setExit(plan.discovery.failed.length > 0 ? 1 : 0);
      return;
    }
    const summary = await session.runner.runAll(request, { onEvent: progress.onEvent });
    progress.stop();
    ctx.stderr.write(formatRunSummary(summary));
    ctx.stderr.write(terminalSafe(failedQuarters(summary.discovery)));
    setExit(summary.discovery.failed.length > 0 ? 1 : exitCodeOf(summary));
  } finally {
    progress.stop();
    await session.close();
  }
}
