/**
 * The EDGAR client port and its undici adapter. All EDGAR traffic goes through one EdgarClient per process:
 * declared User-Agent, gzip, timeouts, bounded retries with jitter, the rate-limit page turned into a limiter
 * pause, and an allow-list of hosts (only the configured EDGAR bases). Errors are the typed EdgarRequestError
 * classes of ../errors.ts. This is the only module that imports undici.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, Dispatcher, errors as undiciErrors, request } from 'undici';
import type { EdgarConfig } from '../../config/env.ts';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RESPONSE_TIMEOUT_MS,
  isDeclaredUserAgent,
  USER_AGENT_EXAMPLE,
} from '../../config/env.ts';
import {
  ConfigError,
  EdgarBadResponseError,
  EdgarForeignHostError,
  EdgarNotFoundError,
  EdgarRequestError,
  EdgarThrottledError,
  EdgarUnavailableError,
  EdgarUndeclaredToolError,
  errorCode,
  type ErrorCode,
} from '../errors.ts';
import { silentLogger, type Logger } from '../log.ts';
import type { FairAccessGrant, FairAccessLimiter } from './limiter.ts';
import { MemoryLimiter } from './memory-limiter.ts';
import { classifyRefusalPage } from './refusal-page.ts';
import { readBody, readErrorPage, streamBody } from './response-body.ts';

export interface EdgarResponse {
  readonly url: string;
  /** 200, or 304 when a conditional GET found the resource unchanged. */
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, decompressed; empty on 304. */
  readonly body: Buffer;
  readonly notModified: boolean;
}

export interface GetOptions {
  /** Conditional GET (Archives send ETag/Last-Modified): a 304 answer returns `notModified: true`. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly signal?: AbortSignal;
  /**
   * Refuse bodies larger than this many bytes, on the wire or decompressed (EdgarResponseTooLargeError, not
   * retried). Default the config's maxResponseBytes (EDGAR_MAX_RESPONSE_BYTES); submissions pass their own.
   */
  readonly maxBytes?: number;
  /**
   * Stream the body here instead of returning it (the response's body is then empty): each attempt that gets
   * a body starts with `reset()`, so a retried download starts over; bounded memory whatever the size.
   */
  readonly sink?: BodySink;
}

/** Where a streamed body goes (the archive's writer for complete submissions). */
export interface BodySink {
  reset(): Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
}

export interface EdgarClient {
  /** GET one EDGAR URL, paced by the fair-access limiter, retried on transient failures. */
  get(url: string, options?: GetOptions): Promise<EdgarResponse>;
  /** GET and parse JSON (EdgarBadResponseError when it is not JSON). */
  getJson(url: string, options?: GetOptions): Promise<unknown>;
  /** GET and decode as UTF-8 text. */
  getText(url: string, options?: GetOptions): Promise<string>;
  /** Closes the connection pool the client owns. */
  close(): Promise<void>;
}

export interface EdgarTimeouts {
  /** TCP + TLS connect; default 10 000 ms. */
  readonly connectMs: number;
  /** From request sent to response headers; default 30 000 ms. */
  readonly headersMs: number;
  /** Longest silence between two body chunks; default 30 000 ms. */
  readonly bodyMs: number;
  /**
   * A whole response of one attempt, from sending to the last body byte decoded; default the config's
   * responseTimeoutMs (EDGAR_RESPONSE_TIMEOUT_MS, 300 000 ms). A server that drips a byte now and then never
   * trips `bodyMs`: this deadline ends it.
   */
  readonly responseMs: number;
}

export interface RetryPolicy {
  /** Attempts per request for transient failures (5xx, resets, timeouts), the first included; default 4. */
  readonly maxAttempts: number;
  /** Backoff before retry n is uniform in [0, min(maxDelayMs, baseDelayMs × 2^(n−1))] ("full jitter"); default 1000. */
  readonly baseDelayMs: number;
  /** Default 30 000. */
  readonly maxDelayMs: number;
  /** Rate-limit answers survived per request (each pauses everything, then the request is sent again); default 3. */
  readonly maxThrottleRounds: number;
}

/** Observers for metrics and tests; exceptions thrown by hooks are ignored. */
export interface EdgarClientHooks {
  onRequest?(event: { url: string; attempt: number }): void;
  /** After every attempt, success or not: `status` null when no response came, `code` the error code or null when it succeeded. */
  onResponse?(event: {
    url: string;
    status: number | null;
    code: ErrorCode | null;
    bytes: number;
    durationMs: number;
    attempt: number;
  }): void;
  onRetry?(event: { url: string; attempt: number; delayMs: number; error: EdgarRequestError }): void;
  /** `untilMs`: when the pause ends, on this process's clock (the limiter times it on its own). */
  onPause?(event: { url: string; untilMs: number; status: number }): void;
}

export interface EdgarClientOptions {
  /** The EDGAR part of the configuration: User-Agent, bases, EDGAR_MAX_RPS, EDGAR_BLOCK_COOLDOWN. */
  readonly config: EdgarConfig;
  /** Shared limiter (the Redis one in distributed mode); default an in-process MemoryLimiter at config.maxRps, owned and closed by the client. */
  readonly limiter?: FairAccessLimiter;
  readonly logger?: Logger;
  readonly timeouts?: Partial<EdgarTimeouts>;
  readonly retry?: Partial<RetryPolicy>;
  readonly hooks?: EdgarClientHooks;
  /** Source of randomness for the backoff jitter (tests); default Math.random. */
  readonly random?: () => number;
}

const DEFAULT_TIMEOUTS: Omit<EdgarTimeouts, 'responseMs'> = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, maxThrottleRounds: 3 };
/** Error pages are read only this far: enough to recognise EDGAR's refusal pages. */
const ERROR_BODY_LIMIT = 256 * 1024;

export function createEdgarClient(options: EdgarClientOptions): EdgarClient {
  return new UndiciEdgarClient(options);
}

class UndiciEdgarClient implements EdgarClient {
  private readonly userAgent: string;
  private readonly origins: ReadonlySet<string>;
  private readonly limiter: FairAccessLimiter;
  private readonly ownsLimiter: boolean;
  private readonly cooldownMs: number;
  private readonly agent: Agent;
  private readonly retry: RetryPolicy;
  private readonly hooks: EdgarClientHooks;
  private readonly logger: Logger;
  private readonly random: () => number;
  private readonly maxResponseBytes: number;
  private readonly responseMs: number;

  constructor(options: EdgarClientOptions) {
    const { config } = options;
    // Refuse before any request: EDGAR blocks undeclared tools, and a block costs every worker.
    if (config.userAgent === null || config.userAgent.trim() === '') {
      throw new ConfigError(
        `EDGAR_USER_AGENT is not set: SEC fair access requires every request to declare who sends it. Set it, e.g. ${USER_AGENT_EXAMPLE}`,
      );
    }
    if (!isDeclaredUserAgent(config.userAgent.trim())) {
      throw new ConfigError(
        `EDGAR_USER_AGENT=${JSON.stringify(config.userAgent)} must be a name and an e-mail address, e.g. ${USER_AGENT_EXAMPLE}`,
      );
    }
    this.userAgent = config.userAgent.trim();
    this.origins = new Set([config.wwwUrl, config.dataUrl, config.eftsUrl].map((base) => new URL(base).origin));
    this.ownsLimiter = options.limiter === undefined;
    this.limiter = options.limiter ?? new MemoryLimiter({ maxRps: config.maxRps });
    this.cooldownMs = config.blockCooldownMs;
    const timeouts: EdgarTimeouts = {
      ...DEFAULT_TIMEOUTS,
      responseMs: config.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
      ...options.timeouts,
    };
    this.responseMs = timeouts.responseMs;
    this.maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.agent = new Agent({
      connectTimeout: timeouts.connectMs,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.hooks = options.hooks ?? {};
    this.logger = options.logger ?? silentLogger;
    this.random = options.random ?? Math.random;
  }

  async get(url: string, options: GetOptions = {}): Promise<EdgarResponse> {
    const target = this.allowed(url);
    const { signal } = options;
    let attempt = 0;
    let throttleRounds = 0;
    for (;;) {
      const grant = await this.limiter.acquire(signal).catch((error: unknown) => {
        if (signal?.aborted) throw signal.reason;
        // A limiter that cannot pace (Redis down) must not let the request through unpaced: fail it, retryably.
        const cause = error instanceof Error ? error.message : String(error);
        throw new EdgarUnavailableError(target.href, null, `${target.href}: not sent, ${cause}`, { cause: error });
      });
      attempt++;
      try {
        return await this.send(target, attempt, options, grant);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof LapsedGrantError) {
          // Not written and not an attempt: the grant was given back; a fresh one is asked for at once.
          attempt--;
          this.logger.warn(
            { url: target.href },
            'fair-access grant lapsed before the request was written, asking again',
          );
          continue;
        }
        if (!(error instanceof EdgarRequestError)) throw error;
        if (error instanceof EdgarThrottledError) {
          // Not an attempt: the request never reached a working EDGAR. Everyone waits out the block, then we go again.
          attempt--;
          throttleRounds++;
          // Read before the pause is set, not after its promise settles (later on a busy event loop): the pause runs
          // from when the limiter sets it, so this is never later than its end.
          const untilMs = Date.now() + this.cooldownMs;
          await this.limiter.pause(this.cooldownMs);
          this.notify(() => this.hooks.onPause?.({ url: target.href, untilMs, status: error.status ?? 0 }));
          this.logger.warn(
            { url: target.href, status: error.status, pausedUntil: new Date(untilMs).toISOString(), throttleRounds },
            'EDGAR rate-limit page: pausing every request',
          );
          if (throttleRounds > this.retry.maxThrottleRounds) throw error;
          continue;
        }
        if (!error.retryable || attempt >= this.retry.maxAttempts) throw error;
        const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
        const delayMs = Math.round(this.random() * ceiling);
        this.notify(() => this.hooks.onRetry?.({ url: target.href, attempt, delayMs, error }));
        this.logger.warn(
          { url: target.href, attempt, delayMs, error: error.describe() },
          'EDGAR request failed, retrying',
        );
        await sleep(delayMs, undefined, signal ? { signal } : undefined);
      }
    }
  }

  async getJson(url: string, options?: GetOptions): Promise<unknown> {
    const response = await this.get(url, options);
    try {
      return JSON.parse(response.body.toString('utf8'));
    } catch (error) {
      throw new EdgarBadResponseError(url, response.status, `${url} did not answer JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async getText(url: string, options?: GetOptions): Promise<string> {
    const response = await this.get(url, options);
    return response.body.toString('utf8');
  }

  async close(): Promise<void> {
    await this.agent.close();
    if (this.ownsLimiter) await this.limiter.close();
  }

  /** The URL if its origin is one of the configured EDGAR bases; EdgarForeignHostError otherwise. */
  private allowed(url: string): URL {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new EdgarForeignHostError(url, null, `refused ${JSON.stringify(url)}: not an absolute URL`);
    }
    if (!this.origins.has(target.origin) || target.username !== '' || target.password !== '') {
      throw new EdgarForeignHostError(
        url,
        null,
        `refused ${url}: ${target.origin} is not one of the configured EDGAR bases (${[...this.origins].join(', ')})`,
      );
    }
    return target;
  }

  /** One attempt: a response, or a typed error saying what went wrong. */
  private async send(
    target: URL,
    attempt: number,
    options: GetOptions,
    grant: FairAccessGrant,
  ): Promise<EdgarResponse> {
    const url = target.href;
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      'accept-encoding': 'gzip, deflate, br',
      accept: '*/*',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    this.notify(() => this.hooks.onRequest?.({ url, attempt }));
    const started = performance.now();
    let status: number | null = null;
    let bytes = 0;
    let code: ErrorCode | null = null;
    // One deadline for the whole attempt, headers to last byte: undici's own timeouts only bound each silence.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.responseMs);
    const onCallerAbort = () => deadline.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const failure = (error: unknown): unknown => {
      if (options.signal?.aborted) return options.signal.reason;
      if (deadline.signal.aborted && !(error instanceof EdgarRequestError)) {
        return new EdgarUnavailableError(url, status, `${url}: no complete response within ${this.responseMs} ms`, {
          cause: error,
        });
      }
      return transportError(url, status, error);
    };
    try {
      const response = await request(target, {
        method: 'GET',
        headers,
        // The limiter counts the request from when undici has written it, not from its grant.
        dispatcher: new DepartureObserver(this.agent, grant),
        signal: deadline.signal,
      }).catch((error: unknown) => {
        throw error instanceof LapsedGrantError ? error : failure(error);
      });
      status = response.statusCode;
      const responseHeaders = flattenHeaders(response.headers);
      if (status === 304) {
        await response.body.dump();
        return { url, status, headers: responseHeaders, body: Buffer.alloc(0), notModified: true };
      }
      const ok = status >= 200 && status < 300;
      if (ok && options.sink) {
        bytes = await this.stream(url, status, response.body, responseHeaders, options).catch((error: unknown) => {
          throw failure(error);
        });
        return { url, status, headers: responseHeaders, body: Buffer.alloc(0), notModified: false };
      }
      const body = await (
        ok
          ? readBody(url, status, response.body, responseHeaders, options.maxBytes ?? this.maxResponseBytes)
          : readErrorPage(response.body, responseHeaders, ERROR_BODY_LIMIT)
      ).catch((error: unknown) => {
        throw failure(error);
      });
      bytes = body.length;
      if (ok) return { url, status, headers: responseHeaders, body, notModified: false };
      throw statusError(url, status, body);
    } catch (error) {
      code = errorCode(error);
      throw error;
    } finally {
      // Never written (no connection, aborted): the grant is given back as sent now, so it is not held forever.
      grant.sent();
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
      const durationMs = performance.now() - started;
      this.notify(() => this.hooks.onResponse?.({ url, status, code, bytes, durationMs, attempt }));
    }
  }

  /** A successful body into `options.sink`, from its start: the decoded length. */
  private async stream(
    url: string,
    status: number,
    body: Parameters<typeof streamBody>[2],
    headers: Record<string, string>,
    options: GetOptions,
  ): Promise<number> {
    const sink = options.sink!;
    await sink.reset();
    const limit = options.maxBytes ?? this.maxResponseBytes;
    return streamBody(url, status, body, headers, limit, (chunk) => sink.write(chunk));
  }

  private notify(call: () => void): void {
    try {
      call();
    } catch {
      // Observers must not change the outcome of a request.
    }
  }
}

/**
 * Passes every dispatch to the agent, and ties it to its grant: right before undici writes the request (the
 * handler's `onConnect`, called with the connection open, just before the write) a grant that is no longer
 * usable aborts it unwritten (LapsedGrantError); once undici has written it (`onRequestSent`, right after the
 * write) the grant is reported sent. A request of this client has no body, so that is when it leaves.
 */
class DepartureObserver extends Dispatcher {
  private readonly inner: Dispatcher;
  private readonly grant: FairAccessGrant;

  constructor(inner: Dispatcher, grant: FairAccessGrant) {
    super();
    this.inner = inner;
    this.grant = grant;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const hooks = handler as { onConnect?: (abort: (error?: Error) => void) => void; onRequestSent?: () => void };
    const connect = hooks.onConnect?.bind(handler);
    hooks.onConnect = (abort) => {
      connect?.(abort);
      if (this.grant.usable?.() === false) abort(new LapsedGrantError());
    };
    const sent = hooks.onRequestSent?.bind(handler);
    hooks.onRequestSent = () => {
      this.grant.sent();
      sent?.();
    };
    return this.inner.dispatch(options, handler);
  }
}

/** A request aborted before it was written because its grant was no longer usable (FairAccessGrant.usable). */
class LapsedGrantError extends Error {
  constructor() {
    super('the fair-access grant lapsed before the request was written');
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Maps an HTTP error status (and the page that came with it) to its typed error. */
function statusError(url: string, status: number, body: Buffer): EdgarRequestError {
  if (status === 403 || status === 429) {
    const kind = classifyRefusalPage(body.toString('utf8'));
    if (kind === 'undeclared-tool') {
      return new EdgarUndeclaredToolError(
        url,
        status,
        `EDGAR refused ${url} as an undeclared automated tool (HTTP ${status}): check EDGAR_USER_AGENT, e.g. ${USER_AGENT_EXAMPLE}`,
      );
    }
    // A 429 is a rate limit whatever its body says; a 403 only with the rate-limit page.
    if (kind === 'rate-limited' || status === 429) {
      return new EdgarThrottledError(url, status, `EDGAR answered ${url} with its rate-limit page (HTTP ${status})`);
    }
    return new EdgarBadResponseError(url, status, `EDGAR refused ${url} (HTTP ${status})`);
  }
  if (status === 404 || status === 410) return new EdgarNotFoundError(url, status, `${url} not found (HTTP ${status})`);
  if (status >= 500) return new EdgarUnavailableError(url, status, `EDGAR answered ${url} with HTTP ${status}`);
  return new EdgarBadResponseError(url, status, `unexpected HTTP ${status} from ${url}`);
}

/** Socket errors, timeouts and truncated bodies are transient; our own typed errors pass through. */
function transportError(url: string, status: number | null, error: unknown): unknown {
  if (error instanceof EdgarRequestError) return error;
  if (error instanceof undiciErrors.InvalidArgumentError) return error;
  const code = (error as { code?: string } | null)?.code;
  const what = error instanceof Error ? error.message : String(error);
  return new EdgarUnavailableError(url, status, `${url}: ${code ? `${code} ` : ''}${what}`, { cause: error });
}
