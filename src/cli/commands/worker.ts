/** `worker [--queues discover,fetch,parse]`: serve the BullMQ queues until SIGTERM/SIGINT, then drain and exit 0. */
import type { Command } from 'commander';
import { parseQueueList, QUEUE_NAMES } from '../../queue/queue-names.ts';
import type { CliContext, ExitCode } from '../context.ts';

export function registerWorker(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('worker')
    .description(
      'distributed mode (REDIS_URL): serve the queues until SIGTERM/SIGINT, then finish the running jobs and exit 0',
    )
    .option('--queues <names>', `queues to serve, comma-separated: ${QUEUE_NAMES.join(',')}`, QUEUE_NAMES.join(','))
    .action(async (options: { queues: string }) => {
      const ctx = context();
      const names = parseQueueList(options.queues);
      // Loaded when the command runs: other commands do not pay for BullMQ, ioredis and the ops servers.
      const { serveQueues } = await import('../../app/worker-runtime.ts');
      const code = await serveQueues(ctx.config(), names, ctx.logger());
      setExit(code === 0 ? 0 : 1);
    });
}
