/**
 * Logging: pino, JSON on stderr when stderr is not a TTY, human-readable when it is. Stages receive a logger
 * in their deps and make child loggers per job ({ stage, accession, attempt }). No line carries a secret: every
 * string in a log line (message, fields, bindings, errors) has the passwords of its URLs taken out (redact.ts).
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions as PinoOptions } from 'pino';
import { redactUrlsIn } from './redact.ts';

export type { Logger };

export interface LoggerOptions {
  /** pino level; default "info". */
  level?: string;
  /** Force pretty output (default: when stderr is a TTY). */
  pretty?: boolean;
  /** Where JSON lines go instead of stderr (tests). */
  destination?: DestinationStream;
}

/** Strings redacted, plain objects and arrays walked (a few levels deep); anything else as it is. */
function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactUrlsIn(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // errors: the err serializer
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, depth + 1)]));
}

function redactError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  // pino's serialized error is no plain object (its prototype holds `raw`): copy its own fields to walk them.
  return typeof serialized === 'object' && serialized !== null ? redactDeep({ ...serialized }) : redactDeep(serialized);
}

/** The options that keep secrets out of every line, whatever the destination. */
const REDACTING_OPTIONS: PinoOptions = {
  hooks: {
    logMethod(args, method) {
      const redacted = args.map((arg) => redactDeep(arg));
      // `logger.error(err)` takes its message from the error itself.
      if (redacted.length === 1 && redacted[0] instanceof Error) redacted.push(redactUrlsIn(redacted[0].message));
      method.apply(this, redacted as Parameters<typeof method>);
    },
  },
  formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
  serializers: { err: redactError, error: redactError },
};

/** Child loggers' bindings skip pino's formatters: redact them as the child is made (children inherit this). */
function redactingChildren(logger: Logger): Logger {
  const original = logger.child as unknown as (this: Logger, ...args: unknown[]) => Logger;
  (logger as unknown as { child: unknown }).child = function (this: Logger, bindings: unknown, ...rest: unknown[]) {
    return original.call(this, redactDeep(bindings), ...rest);
  };
  return logger;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (options.destination) return redactingChildren(pino({ ...REDACTING_OPTIONS, level }, options.destination));
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY);
  if (pretty) {
    return redactingChildren(
      pino({
        ...REDACTING_OPTIONS,
        level,
        transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, ignore: 'pid,hostname' } },
      }),
    );
  }
  return redactingChildren(pino({ ...REDACTING_OPTIONS, level }, pino.destination({ fd: 2, sync: false })));
}

/** A logger that drops everything: the default in tests and pure code paths. */
export const silentLogger: Logger = pino({ level: 'silent' });
