/** The commands that only read the store: `show`, `search`, `status`. */
import type { Command } from 'commander';
import { normalizeAccession } from '../../edgar/identifiers.ts';
import { FILING_STATES } from '../../store/document-store.ts';
import { openPipelineDeps } from '../../pipeline/open-pipeline-deps.ts';
import { EXIT, usageError, type CliContext, type ExitCode } from '../context.ts';
import { formatLetter } from '../format-letter.ts';
import { terminalSafe } from '../terminal-text.ts';

export function registerShow(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('show')
    .description('show one stored letter, readable')
    .argument('<accession>', 'accession number, e.g. 0001193125-14-000946')
    .action(async (raw: string) => {
      const ctx = context();
      const accession = normalizeAccession(raw);
      if (accession === null)
        throw usageError(`${JSON.stringify(raw)} is not an accession number, e.g. 0001193125-14-000946`);
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      try {
        const letter = await deps.store.getLetter(accession);
        if (letter === null) {
          const filing = await deps.store.getFiling(accession);
          const why = filing
            ? `its filing is ${filing.state}${filing.failureReason ? `: ${filing.failureCode} ${filing.failureReason}` : ''}${filing.note ? ` (${filing.note})` : ''}`
            : 'it was never discovered';
          ctx.stderr.write(terminalSafe(`show: no letter ${accession} in the store; ${why}\n`));
          setExit(EXIT.FAILED);
          return;
        }
        await ctx.stdout.write(formatLetter(letter));
        setExit(EXIT.OK);
      } finally {
        await deps.close();
      }
    });
}

export function registerSearch(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('search')
    .description('full-text search over stored letters: plain words (all must match) and "quoted phrases"')
    .argument('<query...>', 'words and "quoted phrases"')
    .option('--limit <n>', 'most hits shown', '20')
    .action(async (words: string[], options: { limit: string }) => {
      const ctx = context();
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw usageError(`--limit ${options.limit}: use a whole number >= 1`);
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      try {
        const hits = await deps.store.searchLetters(words.join(' '), { limit });
        for (const hit of hits) {
          await ctx.stdout.write(
            terminalSafe(
              `${hit.accessionNumber}  ${hit.form.padEnd(7)}  ${hit.filingDate}  ${hit.companyName}\n    ${hit.snippet.replace(/\s+/g, ' ')}\n`,
            ),
          );
        }
        ctx.stderr.write(`search: ${hits.length} hit${hits.length === 1 ? '' : 's'}\n`);
        setExit(EXIT.OK);
      } finally {
        await deps.close();
      }
    });
}

export function registerStatus(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('status')
    .description('filings per state, letters stored, and every failure with its reason')
    .action(async () => {
      const ctx = context();
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      try {
        const counts = await deps.store.countFilingsByState();
        const letters = await deps.store.countLetters();
        const out: string[] = [];
        out.push(`filings: ${FILING_STATES.map((s) => `${s} ${counts[s] ?? 0}`).join(', ')}`);
        out.push(`letters stored: ${letters}`);
        const fetched = await deps.store.listFilings({ states: ['fetched'] });
        const noted = fetched.filter((f) => f.note !== null);
        if (noted.length > 0) {
          out.push(`archived, not stored (${noted.length}):`);
          for (const f of noted) out.push(`  ${f.accessionNumber} ${f.form} ${f.filingDate} ${f.note}`);
        }
        const failed = await deps.store.listFilings({ states: ['failed'] });
        if (failed.length > 0) {
          out.push(`failed (${failed.length}):`);
          for (const f of failed) {
            out.push(
              `  ${f.accessionNumber} ${f.form} ${f.filingDate} at ${f.failedStage}: ${f.failureCode} ${f.failureReason}`,
            );
          }
        }
        const config = ctx.config();
        if (config.redisUrl !== null) {
          const { checkRedis } = await import('../../queue/redis-connection.ts');
          const { closeQueues, openQueues } = await import('../../queue/queues.ts');
          const { formatQueueStatus, loadQueueStatus } = await import('../../queue/queue-status.ts');
          await checkRedis(config.redisUrl);
          const queues = openQueues({ url: config.redisUrl, prefix: config.queuePrefix });
          try {
            out.push(formatQueueStatus(await loadQueueStatus(queues)).trimEnd());
          } finally {
            await closeQueues(queues);
          }
        }
        await ctx.stdout.write(terminalSafe(`${out.join('\n')}\n`));
        setExit(EXIT.OK);
      } finally {
        await deps.close();
      }
    });
}
