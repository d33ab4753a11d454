/**
 * Logging: pino, JSON on stderr when stderr is not a TTY, human-readable when it is. Stages receive a logger
 * in their deps and make child loggers per job ({ stage, accession, attempt }).
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** pino level; default "info". */
  level?: string;
  /** Force pretty output (default: when stderr is a TTY). */
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY);
  if (pretty) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, ignore: 'pid,hostname' } },
    });
  }
  return pino({ level }, pino.destination({ fd: 2, sync: false }));
}

/** A logger that drops everything: the default in tests and pure code paths. */
export const silentLogger: Logger = pino({ level: 'silent' });
