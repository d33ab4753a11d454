/**
 * `serve [--host 127.0.0.1] [--port 8080] [--allowed-host NAME]...`: the read-only JSON API and web viewer
 * over the store, until SIGINT or SIGTERM. Binds loopback by default; another host must be asked for.
 */
import type { Command } from 'commander';
import { openServeRuntime } from '../../app/serve-runtime.ts';
import { listenForStop } from '../../app/stop-signals.ts';
import { EXIT, usageError, type CliContext, type ExitCode } from '../context.ts';

interface ServeFlags {
  readonly host: string;
  readonly port: string;
  readonly allowedHost: string[];
}

export function registerServe(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('serve')
    .description('read-only JSON API and web viewer over the store')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option(
      '--allowed-host <name>',
      'a Host header accepted besides the bound host when not on loopback (repeatable)',
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .action(async (flags: ServeFlags) => {
      const ctx = context();
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw usageError(`--port ${flags.port}: use a port number from 0 to 65535`);
      }
      const stop = listenForStop();
      try {
        const server = await openServeRuntime(ctx.config(), {
          host: flags.host,
          port,
          allowedHosts: flags.allowedHost,
          logger: ctx.logger(),
        });
        ctx.stderr.write(`serve: viewer and API at ${server.url}/ (read-only; Ctrl-C stops)\n`);
        await new Promise<void>((resolve) => stop.stop.addEventListener('abort', () => resolve(), { once: true }));
        await server.close();
        setExit(EXIT.OK);
      } finally {
        stop.dispose();
      }
    });
}
