/**
 * The `edgar-corresp` command line: one commander program, one file per command under commands/, each a
 * `register<Name>(program, context, setExit)` function. Commands that run the pipeline (backfill, crawl, status)
 * get their runner from the context (`ctx.openRunner`), which picks embedded or distributed once; enqueue and
 * worker are distributed-mode only and say so without REDIS_URL. To add a command: a file under commands/ and
 * its register function in COMMANDS.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, EdgarUndeclaredToolError, describeError } from '../errors.ts';
import { redactUrlsIn } from '../redact.ts';
import { registerBackfill } from './commands/backfill.ts';
import { registerCrawl } from './commands/crawl.ts';
import { registerEnqueue } from './commands/enqueue.ts';
import { registerExport } from './commands/export.ts';
import { registerSearch, registerShow, registerStatus } from './commands/read-commands.ts';
import { registerReparse } from './commands/reparse.ts';
import { registerServe } from './commands/serve.ts';
import { registerThread } from './commands/thread.ts';
import { registerWorker } from './commands/worker.ts';
import { createCliContext, EXIT, type CliContext, type CliIo, type ExitCode } from './context.ts';

export type CommandRegistrar = (program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) => void;

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandRegistrar[] = [
  registerBackfill,
  registerCrawl,
  registerEnqueue,
  registerWorker,
  registerExport,
  registerShow,
  registerThread,
  registerSearch,
  registerStatus,
  registerReparse,
  registerServe,
];

/** Runs the CLI on `argv` (without node and script) and returns the exit code; never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.OK;
  let context: CliContext | null = null;
  const verbose = argv.includes('--verbose');
  const program = new Command('edgar-corresp')
    .description('collect SEC filing-review correspondence (CORRESP and UPLOAD letters) from EDGAR')
    .option('--verbose', 'debug logs and stack traces')
    .exitOverride()
    .showHelpAfterError('(run edgar-corresp --help for usage)')
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });
  const getContext = () => (context ??= createCliContext(io, verbose));
  for (const register of COMMANDS) register(program, getContext, (code) => (exitCode = code));
  // Every subcommand exits through the override too, so usage errors become exit 2.
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    // Messages may quote a URL the user typed (STORE_URL, REDIS_URL) or a library's error holding one.
    if (error instanceof ConfigError) {
      io.stderr.write(`edgar-corresp: ${redactUrlsIn(error.message)}\n`);
      if (verbose && error.stack) io.stderr.write(`${redactUrlsIn(error.stack)}\n`);
      return EXIT.USAGE;
    }
    if (error instanceof EdgarUndeclaredToolError) {
      io.stderr.write(
        `edgar-corresp: EDGAR refused the User-Agent as an undeclared tool: set EDGAR_USER_AGENT to your organisation and e-mail, e.g. EDGAR_USER_AGENT="Acme Research research@acme.example"\n`,
      );
      return EXIT.USAGE;
    }
    io.stderr.write(`edgar-corresp: ${redactUrlsIn(describeError(error))}\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${redactUrlsIn(error.stack)}\n`);
    else io.stderr.write('(run again with --verbose for the stack trace)\n');
    return EXIT.FAILED;
  }
}
