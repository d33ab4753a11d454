/**
 * What every command receives: its output streams, the environment (read only through loadConfig) and the
 * global flags. Commands write results to `stdout` and everything else (progress, summaries, errors) to
 * `stderr`, and return their exit code instead of calling process.exit, so the CLI runs in-process in tests.
 */
import { loadConfig, type Config } from '../../config/env.ts';
import { openRunner, type RunnerSession } from '../app/open-runner.ts';
import type { FairAccessLimiter } from '../edgar/limiter.ts';
import { ConfigError } from '../errors.ts';
import { createLogger, type Logger } from '../log.ts';
import { isoDate } from '../query/table-filters.ts';

export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: NodeJS.ProcessEnv;
  /**
   * Fair-access limiter shared by several CLI runs in one process (tests, the demo): back-to-back runs with a
   * limiter each would each start with an empty sliding second. Default: each run's client makes its own.
   */
  readonly limiter?: FairAccessLimiter;
}

export interface CliContext extends CliIo {
  /** Show stack traces and debug logs. */
  readonly verbose: boolean;
  /** The configuration, read once; throws ConfigError (exit 2) when the environment is invalid. */
  config(): Config;
  logger(): Logger;
  /**
   * The pipeline runner the configuration calls for — distributed with REDIS_URL, else embedded — chosen here,
   * once; the caller closes the session. `offline`: the command makes no EDGAR request itself.
   */
  openRunner(options: { readonly command: string; readonly offline?: boolean }): Promise<RunnerSession>;
}

/** DESIGN.md exit codes. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function createCliContext(io: CliIo, verbose: boolean): CliContext {
  let config: Config | null = null;
  let logger: Logger | null = null;
  return {
    ...io,
    verbose,
    config() {
      config ??= loadConfig(io.env);
      return config;
    },
    logger() {
      logger ??= createLogger({ level: verbose ? 'debug' : this.config().logLevel, pretty: Boolean(io.stderr.isTTY) });
      return logger;
    },
    openRunner(options) {
      return openRunner(this.config(), { ...options, logger: this.logger(), limiter: io.limiter });
    },
  };
}

/** A usage error: exit 2 with the message. */
export function usageError(message: string): ConfigError {
  return new ConfigError(message);
}

/** Reads a `--since`/`--until` value; a usage error names the option and the format. */
export function parseDateOption(option: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const date = isoDate(value);
  if (date === null) {
    throw usageError(`${option} ${JSON.stringify(value)} is not a date: use YYYY-MM-DD, e.g. ${option} 2014-01-01`);
  }
  return date;
}
