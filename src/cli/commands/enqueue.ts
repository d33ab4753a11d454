/**
 * `enqueue <target...> [--forms] [--since] [--until]`: distributed mode, put the targets on the queues and return.
 * `enqueue --all [--window N]`: one whole-EDGAR run, its fetch backlog kept under N jobs by the workers.
 */
import type { Command } from 'commander';
import { LETTER_FORMS } from '../../letter/schema.ts';
import { EXIT, usageError, type CliContext, type ExitCode } from '../context.ts';
import { readBackfillRequest } from './backfill.ts';

export function registerEnqueue(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('enqueue')
    .description('distributed mode (REDIS_URL): put the targets on the queues for the workers and return at once')
    .argument('[target...]', 'file number (001-35126, 0-12345), CIK (1508475) or ticker (VNET)')
    .option('--all', 'every letter EDGAR disseminated, discovered from the quarterly full index by a worker')
    .option('--window <n>', 'with --all: most fetch jobs waiting in Redis at once', '1000')
    .option('--forms <forms>', 'letter forms to collect: CORRESP, UPLOAD or both', 'CORRESP,UPLOAD')
    .option('--since <date>', 'only letters filed on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only letters filed on or before this date (YYYY-MM-DD)')
    .action(async (rawTargets: string[], options: EnqueueOptions) => {
      const ctx = context();
      if (options.all === true || rawTargets.length === 0) {
        if (rawTargets.length > 0) throw usageError('give targets or --all, not both');
        if (options.all !== true) throw usageError('give at least one target, or --all');
        return enqueueAll(ctx, options, setExit);
      }
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

interface EnqueueOptions {
  forms?: string;
  since?: string;
  until?: string;
  all?: boolean;
  window?: string;
}

async function enqueueAll(ctx: CliContext, options: EnqueueOptions, setExit: (code: ExitCode) => void) {
  const request = readBackfillRequest([], options);
  const window = Number(options.window ?? '1000');
  if (!Number.isInteger(window) || window < 1) throw usageError(`--window ${options.window} is not a positive integer`);
  const { openQueuesFor } = await import('../../app/distributed-runtime.ts');
  const { closeQueues } = await import('../../queue/queues.ts');
  const { enqueueAllEdgarStep } = await import('../../queue/producers.ts');
  const queues = await openQueuesFor(ctx.config(), 'enqueue');
  try {
    const runId = new Date().toISOString().replace(/[:.]/g, '-');
    const id = await enqueueAllEdgarStep(queues, {
      runId,
      step: 0,
      forms: [...(request.forms ?? LETTER_FORMS)],
      since: request.since,
      until: request.until,
      window,
      refillMs: 2000,
    });
    await ctx.stdout.write(`${id}\n`);
    ctx.stderr.write(
      `enqueued the whole-EDGAR run ${runId}: a worker reads the full index, then keeps at most ${window} fetch jobs queued (see: edgar-corresp status)\n`,
    );
    setExit(EXIT.OK);
  } finally {
    await closeQueues(queues);
  }
}
