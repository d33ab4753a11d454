/**
 * The environment contract of ../DESIGN.md, as one zod schema. This module is the only reader of process.env:
 * everything else receives the frozen `Config` it returns. Invalid values raise a ConfigError naming the
 * variable, the value and a valid example (the CLI turns it into exit code 2).
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ConfigError } from '../src/errors.ts';
import { hasUnescapedUserInfo, redactUrl } from '../src/redact.ts';

const EMAIL_PATTERN = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;

export const USER_AGENT_EXAMPLE = 'EDGAR_USER_AGENT="Acme Research Ltd research@acme.example"';

/** Whether a User-Agent declares a tool as SEC fair access asks ("Company Name contact@domain"): an e-mail
 * address and at least one word besides it. */
export function isDeclaredUserAgent(value: string): boolean {
  if (value.length > 200 || /[\r\n]/.test(value)) return false;
  const email = value.match(EMAIL_PATTERN);
  if (!email) return false;
  return /[A-Za-z0-9]/.test(value.replace(email[0], ' '));
}

/** No example URL here: any example with a password would be masked where the message is printed. */
const ESCAPE_PASSWORD =
  'has a password with "/", "@", "?" or "#" unescaped: percent-encode them ("/" as %2F, "@" as %40, "?" as %3F, "#" as %23)';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** EDGAR_MAX_RESPONSE_BYTES default: 256 MiB (a quarterly master.idx is tens of MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 268_435_456;
/** EDGAR_RESPONSE_TIMEOUT_MS default: 5 minutes for a whole response, headers to last byte. */
export const DEFAULT_RESPONSE_TIMEOUT_MS = 300_000;
/** PARSE_TIMEOUT_MS default: one minute for one filing's normalise + parse. */
export const DEFAULT_PARSE_TIMEOUT_MS = 60_000;

/** One field per variable: its env name, its default and its meaning, as in DESIGN.md. */
const fields = {
  /** EDGAR_USER_AGENT — no default; required for anything that contacts EDGAR. */
  EDGAR_USER_AGENT: z
    .string()
    .trim()
    .refine(isDeclaredUserAgent, { message: `must be a name and an e-mail address, e.g. ${USER_AGENT_EXAMPLE}` })
    .optional(),
  /** EDGAR_WWW_URL — default https://www.sec.gov: Archives, cgi-bin, indexes, files/company_tickers.json. */
  EDGAR_WWW_URL: z
    .url({ message: 'must be a URL, e.g. EDGAR_WWW_URL=https://www.sec.gov' })
    .default('https://www.sec.gov'),
  /** EDGAR_DATA_URL — default https://data.sec.gov: /submissions. */
  EDGAR_DATA_URL: z
    .url({ message: 'must be a URL, e.g. EDGAR_DATA_URL=https://data.sec.gov' })
    .default('https://data.sec.gov'),
  /** EDGAR_EFTS_URL — default https://efts.sec.gov/LATEST: full-text search. */
  EDGAR_EFTS_URL: z
    .url({ message: 'must be a URL, e.g. EDGAR_EFTS_URL=https://efts.sec.gov/LATEST' })
    .default('https://efts.sec.gov/LATEST'),
  /** EDGAR_MAX_RPS — default 10: total requests per second across all processes; above 10 is refused. */
  EDGAR_MAX_RPS: z.coerce
    .number({ message: 'must be a number of requests per second, e.g. EDGAR_MAX_RPS=10' })
    .positive({ message: 'must be above 0, e.g. EDGAR_MAX_RPS=10' })
    .max(10, {
      message: 'must be at most 10 (SEC fair access allows 10 requests per second in total), e.g. EDGAR_MAX_RPS=10',
    })
    .default(10),
  /** EDGAR_BLOCK_COOLDOWN — default 600: seconds every worker pauses after a rate-limit answer. */
  EDGAR_BLOCK_COOLDOWN: z.coerce
    .number({ message: 'must be a number of seconds, e.g. EDGAR_BLOCK_COOLDOWN=600' })
    .nonnegative({ message: 'must be 0 or more seconds, e.g. EDGAR_BLOCK_COOLDOWN=600' })
    .default(600),
  /** EDGAR_MAX_RESPONSE_BYTES — default 268435456 (256 MiB): limit of any response other than a submission (JSON,
   * Atom, indexes), before and after decompression; past it that target or index fails for this run. */
  EDGAR_MAX_RESPONSE_BYTES: z.coerce
    .number({ message: 'must be a number of bytes, e.g. EDGAR_MAX_RESPONSE_BYTES=268435456' })
    .int({ message: 'must be a whole number of bytes, e.g. EDGAR_MAX_RESPONSE_BYTES=268435456' })
    .min(1024, { message: 'must be at least 1024 bytes, e.g. EDGAR_MAX_RESPONSE_BYTES=268435456' })
    .max(2 ** 32, { message: 'must be at most 4294967296 bytes (4 GiB), e.g. EDGAR_MAX_RESPONSE_BYTES=268435456' })
    .default(DEFAULT_MAX_RESPONSE_BYTES),
  /** EDGAR_RESPONSE_TIMEOUT_MS — default 300000: a whole response, headers to last byte, per attempt. */
  EDGAR_RESPONSE_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds, e.g. EDGAR_RESPONSE_TIMEOUT_MS=300000' })
    .int({ message: 'must be a whole number of milliseconds, e.g. EDGAR_RESPONSE_TIMEOUT_MS=300000' })
    .min(100, { message: 'must be at least 100 ms, e.g. EDGAR_RESPONSE_TIMEOUT_MS=300000' })
    .max(2 ** 31 - 1, { message: 'must be at most 2147483647 ms, e.g. EDGAR_RESPONSE_TIMEOUT_MS=300000' })
    .default(DEFAULT_RESPONSE_TIMEOUT_MS),
  /** FETCH_CONCURRENCY — default 4: fetches in flight (still paced by the limiter). */
  FETCH_CONCURRENCY: z.coerce
    .number()
    .int({ message: 'must be a whole number, e.g. FETCH_CONCURRENCY=4' })
    .min(1, { message: 'must be at least 1, e.g. FETCH_CONCURRENCY=4' })
    .max(256, { message: 'must be at most 256, e.g. FETCH_CONCURRENCY=4' })
    .default(4),
  /** PARSE_CONCURRENCY — default the number of cores: parse jobs per process. */
  PARSE_CONCURRENCY: z.coerce
    .number()
    .int({ message: 'must be a whole number, e.g. PARSE_CONCURRENCY=2' })
    .min(1, { message: 'must be at least 1, e.g. PARSE_CONCURRENCY=2' })
    .max(256, { message: 'must be at most 256, e.g. PARSE_CONCURRENCY=2' })
    .default(availableParallelism()),
  /** PARSE_TIMEOUT_MS — default 60000: deadline of one filing's normalise + parse (on a worker thread, which is
   * terminated and replaced past it); the filing fails BAD_INPUT timeout. */
  PARSE_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds, e.g. PARSE_TIMEOUT_MS=60000' })
    .int({ message: 'must be a whole number of milliseconds, e.g. PARSE_TIMEOUT_MS=60000' })
    .min(100, { message: 'must be at least 100 ms, e.g. PARSE_TIMEOUT_MS=60000' })
    .max(2 ** 31 - 1, { message: 'must be at most 2147483647 ms, e.g. PARSE_TIMEOUT_MS=60000' })
    .default(DEFAULT_PARSE_TIMEOUT_MS),
  /** STORE_URL — default sqlite:./data/edgar-corresp.sqlite; or postgres://user@host:port/db. */
  STORE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
      message:
        'must be sqlite:<path> or postgres://user@host:port/db, e.g. STORE_URL=sqlite:./data/edgar-corresp.sqlite',
    })
    .refine((url) => !hasUnescapedUserInfo(url), {
      message: ESCAPE_PASSWORD,
    })
    .default('sqlite:./data/edgar-corresp.sqlite'),
  /** ARCHIVE_DIR — default ./data/archive: raw submissions, content-addressed. */
  ARCHIVE_DIR: z.string().min(1).default('./data/archive'),
  /** REDIS_URL — unset by default (embedded mode); redis://host:port/db switches to BullMQ. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, { message: 'must be redis://host:port/db, e.g. REDIS_URL=redis://127.0.0.1:6379/0' })
    .refine((url) => !hasUnescapedUserInfo(url), {
      message: ESCAPE_PASSWORD,
    })
    .optional(),
  /** QUEUE_PREFIX — default edgar-corresp: prefix of every BullMQ and Redis limiter key, so several deployments
   * (or tests) can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, {
      message: 'must be 1-64 letters, digits, ".", "_" or "-", e.g. QUEUE_PREFIX=edgar-corresp',
    })
    .default('edgar-corresp'),
  /** METRICS_PORT — unset (off): Prometheus metrics on 127.0.0.1. */
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535, { message: 'must be a TCP port, e.g. METRICS_PORT=9464' })
    .optional(),
  /** DASHBOARD_PORT — unset (off): queue dashboard on 127.0.0.1. */
  DASHBOARD_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535, { message: 'must be a TCP port, e.g. DASHBOARD_PORT=3000' })
    .optional(),
  /** DASHBOARD_USER — unset: the dashboard is read-only. With DASHBOARD_PASSWORD: basic auth enabling its writes. */
  DASHBOARD_USER: z
    .string()
    .regex(/^[^:\s]+$/, { message: 'must be a user name without ":" or spaces, e.g. DASHBOARD_USER=ops' })
    .optional(),
  /** DASHBOARD_PASSWORD — unset: the dashboard is read-only. Never printed. */
  DASHBOARD_PASSWORD: z.string().optional(),
  /** LOG_LEVEL — default info: pino levels. */
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}, e.g. LOG_LEVEL=info` })
    .default('info'),
} as const;

const EnvSchema = z.object(fields);

export interface EdgarConfig {
  /** Declared User-Agent, or null when unset (commands that contact EDGAR then refuse to start). */
  readonly userAgent: string | null;
  readonly wwwUrl: string;
  readonly dataUrl: string;
  readonly eftsUrl: string;
  readonly maxRps: number;
  readonly blockCooldownMs: number;
  /** EDGAR_MAX_RESPONSE_BYTES; unset (clients built by hand): DEFAULT_MAX_RESPONSE_BYTES. */
  readonly maxResponseBytes?: number;
  /** EDGAR_RESPONSE_TIMEOUT_MS; unset (clients built by hand): DEFAULT_RESPONSE_TIMEOUT_MS. */
  readonly responseTimeoutMs?: number;
}

export interface Config {
  readonly edgar: EdgarConfig;
  readonly fetchConcurrency: number;
  readonly parseConcurrency: number;
  /** PARSE_TIMEOUT_MS: deadline of one filing's normalise + parse. */
  readonly parseTimeoutMs: number;
  readonly storeUrl: string;
  readonly archiveDir: string;
  readonly redisUrl: string | null;
  /** Prefix of BullMQ and Redis limiter keys (QUEUE_PREFIX, default "edgar-corresp"). */
  readonly queuePrefix: string;
  readonly metricsPort: number | null;
  readonly dashboardPort: number | null;
  /** DASHBOARD_USER and DASHBOARD_PASSWORD (both or neither): the dashboard's write actions; null: read-only. */
  readonly dashboardAuth: { readonly user: string; readonly password: string } | null;
  readonly logLevel: (typeof LOG_LEVELS)[number];
}

const stripSlash = (url: string): string => url.replace(/\/+$/, '');

/** Reads the environment into a frozen Config; throws ConfigError naming the first bad variable(s). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as shells and docker-compose produce them.
  const present = Object.fromEntries(
    Object.keys(fields)
      .map((name) => [name, env[name]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = String(present[name]);
      // Values are repeated so the user sees what is wrong, never a secret: URLs lose their password.
      const shown =
        name === 'EDGAR_USER_AGENT' ? JSON.stringify(value) : name === 'DASHBOARD_PASSWORD' ? '***' : redactUrl(value);
      return `${name}=${shown} ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if ((e.DASHBOARD_USER === undefined) !== (e.DASHBOARD_PASSWORD === undefined)) {
    throw new ConfigError(
      "invalid configuration:\n  set both DASHBOARD_USER and DASHBOARD_PASSWORD to enable the dashboard's write actions, or neither (read-only), e.g. DASHBOARD_USER=ops DASHBOARD_PASSWORD=<a long random password>",
    );
  }
  return Object.freeze({
    edgar: Object.freeze({
      userAgent: e.EDGAR_USER_AGENT ?? null,
      wwwUrl: stripSlash(e.EDGAR_WWW_URL),
      dataUrl: stripSlash(e.EDGAR_DATA_URL),
      eftsUrl: stripSlash(e.EDGAR_EFTS_URL),
      maxRps: e.EDGAR_MAX_RPS,
      blockCooldownMs: Math.round(e.EDGAR_BLOCK_COOLDOWN * 1000),
      maxResponseBytes: e.EDGAR_MAX_RESPONSE_BYTES,
      responseTimeoutMs: e.EDGAR_RESPONSE_TIMEOUT_MS,
    }),
    fetchConcurrency: e.FETCH_CONCURRENCY,
    parseConcurrency: e.PARSE_CONCURRENCY,
    parseTimeoutMs: e.PARSE_TIMEOUT_MS,
    storeUrl: e.STORE_URL,
    archiveDir: e.ARCHIVE_DIR,
    redisUrl: e.REDIS_URL ?? null,
    queuePrefix: e.QUEUE_PREFIX,
    metricsPort: e.METRICS_PORT ?? null,
    dashboardPort: e.DASHBOARD_PORT ?? null,
    dashboardAuth:
      e.DASHBOARD_USER !== undefined && e.DASHBOARD_PASSWORD !== undefined
        ? Object.freeze({ user: e.DASHBOARD_USER, password: e.DASHBOARD_PASSWORD })
        : null,
    logLevel: e.LOG_LEVEL,
  });
}

/** The User-Agent, for commands that contact EDGAR; throws ConfigError with an example when it is unset. */
export function requireUserAgent(config: Config): string {
  if (config.edgar.userAgent === null) {
    throw new ConfigError(
      `EDGAR_USER_AGENT is not set: SEC fair access requires every request to declare who sends it. Set it, e.g. ${USER_AGENT_EXAMPLE}`,
    );
  }
  return config.edgar.userAgent;
}
