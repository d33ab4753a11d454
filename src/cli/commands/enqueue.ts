/** `enqueue <target...> [--forms] [--since] [--until]`: distributed mode, put the targets on the queues and return. */
import type { Command } from 'commander';
import { LETTER_FORMS } from '../../letter/schema.ts';
import { EXIT, type CliContext, type ExitCode } from '../context.ts';
import { readBackfillRequest } from './backfill.ts';

export function registerEnqueue(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('enqueue')
    .description('distributed mode (REDIS_URL): put the targets on the queues for the workers and return at once')
    .argument('<target...>', 'file number (001-35126, 0-12345), CIK (1508475) or ticker (VNET)')
    .option('--forms <forms>', 'letter forms to collect: CORRESP, UPLOAD or both', 'CORRESP,UPLOAD')
    .option('--since <date>', 'only letters filed on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only letters filed on or before this date (YYYY-MM-DD)')
    .action(async (rawTargets: string[], options: { forms?: string; since?: string; until?: string }) => {
      const ctx = context();
      const request = readBackfillRequest(rawTargets, options);
      const config = ctx.config();
      // The queue modules (BullMQ, ioredis) load only when the command runs: other commands stay light.
      const { openQueuesFor } = await import('../../app/distributed-runtime.ts');
      const { closeQueues } = await import('../../queue/queues.ts');
      const { enqueueTargets } = await import('../../queue/producers.ts');
      const queues = await openQueuesFor(config, 'enqueue');
      try {
        const ids = await enqueueTargets(queues, request.targets, {
          forms: request.forms ?? LETTER_FORMS,
          since: request.since,
          until: request.until,
        });
        await ctx.stdout.write(`${ids.join('\n')}\n`);
        ctx.stderr.write(
          `enqueued ${ids.length} discover job(s); the workers take it from here (see: edgar-corresp status)\n`,
        );
        setExit(EXIT.OK);
      } finally {
        await closeQueues(queues);
      }
    });
}
