/**
 * FairAccessLimiter shared by every process through Redis: the pacing rule of pacing.ts (sliding log + even
 * grid) run atomically in a Lua script on Redis's own clock (`TIME`), and the pause as a key with a PX expiry
 * that every process checks first. Within one process, callers queue FIFO and only the head asks Redis, so a
 * process sends at most one script call at a time; the script answers "granted" or how long to wait, and the
 * head sleeps that long before asking again.
 *
 * The log holds when requests left, as in-process (pacing.ts): a grant enters it held HOLD_MS in the future,
 * so it counts in every window until its process says when the request left (`sent()`, SENT_LUA), however late
 * that process reads the grant or sends on it. A process starved of CPU therefore uses every grant it reads,
 * late or not: it never asks again for a grant it already has (the retries of late grants that let 4 starved
 * workers reach 1.6 requests/s), and never sends one bunched with the grants made to others meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { FairAccessGrant, FairAccessLimiter } from './limiter.ts';
import { pacingRule, type PacingRule } from './pacing.ts';

/**
 * KEYS: grants (sorted set, score = departure time in µs, or grant time + hold while not sent), next grid slot
 * (µs), pause (value = until epoch ms). ARGV: capacity, window µs, interval µs, tolerance µs, member (unique per
 * call), hold µs. Returns 0 when granted (and records the grant as `member`, held), else the wait in µs (the
 * pause's remaining time first).
 */
const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = redis.call('PTTL', KEYS[3])
if paused > 0 then return paused * 1000 end
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local interval = tonumber(ARGV[3])
local tolerance = tonumber(ARGV[4])
local hold = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local wait = 0
if count >= capacity then
  local oldest = tonumber(redis.call('ZRANGE', KEYS[1], count - capacity, count - capacity, 'WITHSCORES')[2])
  wait = oldest + window - now
  -- A held grant (not yet reported sent): its departure is due any moment, ask again an interval from now.
  if oldest > now then wait = interval end
end
local slot = tonumber(redis.call('GET', KEYS[2]) or '0')
local grid = slot - tolerance - now
if grid > wait then wait = grid end
if wait > 0 then return math.ceil(wait) end
redis.call('ZADD', KEYS[1], now + hold, ARGV[5])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(capacity + 1))
local keep = math.ceil((window + interval + hold) / 1000) + 1000
redis.call('PEXPIRE', KEYS[1], keep)
if slot < now then slot = now end
redis.call('SET', KEYS[2], string.format('%.0f', slot + interval), 'PX', keep)
return 0
`;

/**
 * KEYS: pause. ARGV: duration ms. Pauses for that long from now on Redis's clock, unless the pause already lasts
 * longer. The caller sends a duration, never a deadline of its own clock: a worker 11 minutes slow would set
 * a pause that ended long ago, one 11 minutes fast a pause 11 minutes too long. The value is the end on
 * Redis's clock, for people reading the key; every reader uses the key's remaining time (PTTL).
 */
const PAUSE_LUA = `
local ms = tonumber(ARGV[1])
if ms <= 0 then return 0 end
local t = redis.call('TIME')
local untilMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + ms
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], string.format('%.0f', untilMs), 'PX', ms) end
return ms
`;

/**
 * KEYS: grants. ARGV: member, hold µs, delay µs. The request of grant `member` left `delay` after the call that
 * granted it was sent, a duration on its process's monotonic clock: its entry moves from grant + hold to grant +
 * delay. Redis made the grant somewhere in between, so this is when it left or a little after, never before. An
 * entry already gone from the log (trimmed, expired) is left alone.
 */
const SENT_LUA = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return 0 end
redis.call('ZADD', KEYS[1], tonumber(score) - tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
return 1
`;

/** Longest single sleep: a waiting process re-reads the shared state at least this often. */
const MAX_SLEEP_MS = 5000;
/** A Redis call that has not answered after this long counts as failed (owned connections). */
const COMMAND_TIMEOUT_MS = 5000;
/** A departure reported more than this after asking counts as late (`lateGrants`; a healthy round trip is ~1 ms). */
export const LATE_GRANT_MS = 20;
/**
 * How long a grant counts as leaving "now" at the latest while its process has not said it left. Long enough
 * for any stall of a starved process (1.4 s measured at load average 17), short enough that a process killed
 * between grant and send costs one slot for a few seconds only.
 */
export const HOLD_MS = 5000;
/**
 * A grant may be written up to this share of its hold after asking for it (`usable()`): the rest (1 s of 5 s)
 * is a margin for a process held off the CPU between that check and the write. Written later, the request
 * could leave after the log stopped holding it, uncounted (a connection that took a SYN retransmit or two to
 * open, a process starved for seconds).
 */
const USABLE_SHARE_OF_HOLD = 0.8;
/** Failed Redis calls in a row survived (with backoff) before the waiting callers are failed. */
const MAX_REDIS_FAILURES = 5;

export interface RedisLimiterOptions {
  /** Requests per second across every process sharing `prefix` (EDGAR_MAX_RPS). */
  readonly maxRps: number;
  /** Key prefix (QUEUE_PREFIX); keys are `${prefix}:limiter:*`. */
  readonly prefix: string;
  /** A connection to use (left open on close), or a URL to open one (closed on close). */
  readonly redis: Redis | string;
  /** Sliding log window; default PACING_WINDOW_MS. Only tests change it. */
  readonly windowMs?: number;
  /** How long an unsent grant is held in the log; default HOLD_MS. Only tests change it. */
  readonly holdMs?: number;
}

type LimiterRedis = Redis & {
  edgarLimiterAcquire(
    grants: string,
    slot: string,
    pause: string,
    capacity: number,
    windowUs: number,
    intervalUs: number,
    toleranceUs: number,
    member: string,
    holdUs: number,
  ): Promise<number>;
  edgarLimiterPause(pause: string, durationMs: number): Promise<number>;
  edgarLimiterSent(grants: string, member: string, holdUs: number, delayUs: number): Promise<number>;
};

interface Waiter {
  resolve: (grant: FairAccessGrant) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
}

export class RedisLimiter implements FairAccessLimiter {
  readonly rule: PacingRule;
  private readonly redis: LimiterRedis;
  private readonly ownsConnection: boolean;
  private readonly keys: { grants: string; slot: string; pause: string };
  private readonly id = randomBytes(6).toString('hex');
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private closed = false;
  private readonly stop = new AbortController();
  private sequence = 0;
  private lateCount = 0;
  private pendingSent = new Set<Promise<unknown>>();
  private readonly holdMs: number;

  constructor(options: RedisLimiterOptions) {
    this.rule = pacingRule(options.maxRps, options.windowMs);
    this.holdMs = options.holdMs ?? HOLD_MS;
    this.ownsConnection = typeof options.redis === 'string';
    const redis =
      typeof options.redis === 'string'
        ? new Redis(options.redis, { commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 })
        : options.redis;
    // Connection errors surface as failed calls in pump(); the event itself needs a listener or Node throws it.
    if (this.ownsConnection) redis.on('error', () => undefined);
    redis.defineCommand('edgarLimiterAcquire', { numberOfKeys: 3, lua: ACQUIRE_LUA });
    redis.defineCommand('edgarLimiterPause', { numberOfKeys: 1, lua: PAUSE_LUA });
    redis.defineCommand('edgarLimiterSent', { numberOfKeys: 1, lua: SENT_LUA });
    this.redis = redis as LimiterRedis;
    const base = `${options.prefix}:limiter`;
    this.keys = { grants: `${base}:grants`, slot: `${base}:slot`, pause: `${base}:pause` };
  }

  acquire(signal?: AbortSignal): Promise<FairAccessGrant> {
    if (this.closed) return Promise.reject(new Error('the fair-access limiter is closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<FairAccessGrant>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
          this.queue.splice(index, 1);
          reject(signal!.reason);
        }
      };
      // Callers often share one long-lived signal: drop the listener as soon as this wait ends.
      const settle = (error: unknown, grant?: FairAccessGrant) => {
        signal?.removeEventListener('abort', onAbort);
        if (error === null) resolve(grant!);
        else reject(error);
      };
      const waiter: Waiter = { resolve: (grant) => settle(null, grant), reject: settle, signal };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Granted requests that left more than LATE_GRANT_MS after the call that granted them was sent. */
  get lateGrants(): number {
    return this.lateCount;
  }

  /** Resolves once Redis has recorded every departure reported so far (tests; close waits for them too). */
  async settled(): Promise<void> {
    await Promise.all([...this.pendingSent]);
  }

  /**
   * The grant `member`, asked for at `askedAt`: `sent()` moves its held entry to when the request left;
   * `usable()` while its hold lasts, with a margin, on a clock read at the call (not the event loop's).
   */
  private grant(member: string, askedAt: number): FairAccessGrant {
    let done = false;
    const usableMs = this.holdMs * USABLE_SHARE_OF_HOLD;
    return {
      sent: () => {
        if (done) return;
        done = true;
        const delay = performance.now() - askedAt;
        if (delay > LATE_GRANT_MS) this.lateCount++;
        // Not awaited: the request has left. If the call fails the entry stays held until HOLD_MS: safe, slower.
        const call = this.redis
          .edgarLimiterSent(this.keys.grants, member, this.holdMs * 1000, Math.round(delay * 1000))
          .catch(() => undefined)
          .finally(() => this.pendingSent.delete(call));
        this.pendingSent.add(call);
      },
      usable: () => !done && performance.now() - askedAt < usableMs,
    };
  }

  async pause(durationMs: number): Promise<void> {
    await this.redis.edgarLimiterPause(this.keys.pause, Math.ceil(durationMs));
  }

  async pausedUntil(): Promise<number> {
    // The remaining time, a duration, turned into this process's epoch: its clock may differ from Redis's.
    const ttl = await this.redis.pttl(this.keys.pause);
    return ttl > 0 ? Date.now() + ttl : 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    const error = new Error('the fair-access limiter was closed while waiting');
    for (const waiter of this.queue.splice(0)) waiter.reject(error);
    // Departures reported before closing still reach Redis, otherwise their slots stay held for HOLD_MS; but a
    // Redis that does not answer must not hold up a worker's shutdown.
    await Promise.race([this.settled(), sleep(1000, undefined, { ref: false })]);
    if (this.ownsConnection) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** One loop per process: the head of the queue asks Redis, sleeps the answer, asks again. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    let failures = 0;
    try {
      while (this.queue.length > 0 && !this.closed) {
        let waitUs: number;
        const member = `${this.id}:${this.sequence++}`;
        const askedAt = performance.now();
        try {
          waitUs = await this.redis.edgarLimiterAcquire(
            this.keys.grants,
            this.keys.slot,
            this.keys.pause,
            Math.max(1, Math.floor(this.rule.maxRps)),
            Math.round(this.rule.windowMs * 1000),
            Math.round(this.rule.intervalMs * 1000),
            Math.round(this.rule.toleranceMs * 1000),
            member,
            this.holdMs * 1000,
          );
          failures = 0;
        } catch (error) {
          if (this.closed) return;
          // Redis unreachable for good: the callers cannot be paced, so they fail rather than send unpaced.
          if (++failures >= MAX_REDIS_FAILURES) {
            const cause = error instanceof Error ? error.message : String(error);
            const failure = new Error(`the Redis fair-access limiter cannot reach Redis: ${cause}`, { cause: error });
            for (const waiter of this.queue.splice(0)) waiter.reject(failure);
            return;
          }
          await sleep(100 * 2 ** failures, undefined, { signal: this.stop.signal }).catch(() => undefined);
          continue;
        }
        if (waitUs === 0) {
          const waiter = this.queue.shift();
          const grant = this.grant(member, askedAt);
          // Granted while the head aborted: never sent, so its entry moves to now; the next caller asks again.
          if (waiter) waiter.resolve(grant);
          else grant.sent();
          continue;
        }
        await sleep(Math.min(MAX_SLEEP_MS, Math.max(1, Math.ceil(waitUs / 1000))), undefined, {
          signal: this.stop.signal,
        }).catch(() => undefined);
      }
    } finally {
      this.pumping = false;
    }
  }
}

export function createRedisLimiter(options: RedisLimiterOptions): RedisLimiter {
  return new RedisLimiter(options);
}
