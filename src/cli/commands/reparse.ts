/** `reparse`: normalise + parse again from the archive, no EDGAR request. */
import type { Command } from 'commander';
import { openPipelineDeps } from '../../app/open-pipeline-deps.ts';
import { runReparse } from '../../pipeline/reparse.ts';
import { EXIT, type CliContext, type ExitCode } from '../context.ts';

export function registerReparse(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('reparse')
    .description('re-run normalise + parse over the archived raw bytes of every stored letter (no EDGAR request)')
    .action(async () => {
      const ctx = context();
      const config = ctx.config();
      // Offline: no client is built, so no request can be made and no User-Agent is needed.
      const deps = await openPipelineDeps(config, {
        logger: ctx.logger(),
        offline: true,
        parsePool: { size: config.parseConcurrency },
      });
      try {
        const tty = Boolean(ctx.stderr.isTTY);
        const summary = await runReparse(deps, {
          parseConcurrency: config.parseConcurrency,
          onProgress: (e) => {
            if (e.outcome === 'failed' || !tty || e.done === e.total || e.done % 50 === 0) {
              ctx.stderr.write(`[${e.done}/${e.total}] ${e.accessionNumber} ${e.outcome}\n`);
            }
          },
        });
        const o = summary.outcomes;
        ctx.stderr.write(
          `reparse: ${summary.total} filings, ${o.updated} updated, ${o.unchanged} unchanged, ${o.inserted} newly stored, ${summary.failures.length} failed; ${(summary.durationMs / 1000).toFixed(1)} s\n`,
        );
        if (summary.failures.length > 0) {
          ctx.stderr.write('failed filings:\n');
          for (const f of summary.failures) {
            ctx.stderr.write(`  ${f.accessionNumber} ${f.form} ${f.filingDate} at ${f.stage}: ${f.code} ${f.reason}\n`);
          }
        }
        setExit(summary.failures.length > 0 ? EXIT.FAILED : EXIT.OK);
      } finally {
        await deps.close();
      }
    });
}
