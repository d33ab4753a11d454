/**
 * FairAccessLimiter shared by every process through Redis: the pacing rule of pacing.ts (sliding log of
 * grant times + even grid) run atomically in a Lua script on Redis's own clock (`TIME`), and the pause as
 * a key with a PX expiry that every process checks first. Within one process, callers queue FIFO and only
 * the head asks Redis, so a process sends at most one script call at a time; the script answers "granted"
 * or how long to wait, and the head sleeps that long before asking again.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { FairAccessGrant, FairAccessLimiter } from './limiter.ts';
import { pacingRule, type PacingRule } from './pacing.ts';

/**
 * KEYS: grants (sorted set, score = grant time in µs), next grid slot (µs), pause (value = until epoch ms).
 * ARGV: capacity, window µs, interval µs, tolerance µs, member (unique per call), replaced member or ''.
 * Returns 0 when granted (and records the grant as `member`), else the wait in µs (the pause's remaining time
 * first). With a replaced member (a grant this process read too late to send on time), a grant moves that
 * member's entry to now instead of adding one: the sliding log is checked without it, the even grid not at all
 * (its slot was taken when it was first granted); if it must wait, the entry stays where it was.
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
local replaced = ARGV[6]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local held = false
if replaced ~= '' then held = redis.call('ZSCORE', KEYS[1], replaced) end
if held then redis.call('ZREM', KEYS[1], replaced) end
local count = redis.call('ZCARD', KEYS[1])
local wait = 0
if count >= capacity then
  local oldest = redis.call('ZRANGE', KEYS[1], count - capacity, count - capacity, 'WITHSCORES')
  wait = tonumber(oldest[2]) + window - now
end
local slot = tonumber(redis.call('GET', KEYS[2]) or '0')
if replaced == '' then
  local grid = slot - tolerance - now
  if grid > wait then wait = grid end
end
if wait > 0 then
  if held then redis.call('ZADD', KEYS[1], held, replaced) end
  return math.ceil(wait)
end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(capacity + 1))
local keep = math.ceil((window + interval) / 1000) + 1000
redis.call('PEXPIRE', KEYS[1], keep)
if replaced == '' then
  if slot < now then slot = now end
  redis.call('SET', KEYS[2], string.format('%.0f', slot + interval), 'PX', keep)
end
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
 * KEYS: grants. ARGV: member, shift µs. A granted request that left later than LATE_GRANT_MS after its grant
 * was read (the process was held off the CPU, or opened a connection first) moves its entry in the log by that
 * delay, a duration on this process's monotonic clock: the log then holds about when it left. A member already
 * gone from the log is left alone.
 */
const SHIFT_LUA = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return 0 end
redis.call('ZADD', KEYS[1], tonumber(score) + tonumber(ARGV[2]), ARGV[1])
return 1
`;

/** Longest single sleep: a waiting process re-reads the shared state at least this often. */
const MAX_SLEEP_MS = 5000;
/** A Redis call that has not answered after this long counts as failed (owned connections). */
const COMMAND_TIMEOUT_MS = 5000;
/**
 * A grant whose answer took longer than this to reach us (from sending the script call to reading its reply)
 * is not used as it is. Redis stamps the grant with its own clock; a process starved of CPU (other work on the
 * machine) reads the reply late and would send late, bunched with grants made to other processes since, so
 * more than the limit could arrive at EDGAR within one second. Instead the process asks Redis to move that
 * grant to now (see ACQUIRE_LUA): no slot is lost, and every request leaves within this margin of its entry in
 * the log; the pacing window's 40 ms beyond one second covers this plus the network's jitter. A healthy round
 * trip takes about a millisecond.
 */
export const LATE_GRANT_MS = 20;
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
    replaced: string,
  ): Promise<number>;
  edgarLimiterPause(pause: string, durationMs: number): Promise<number>;
  edgarLimiterShift(grants: string, member: string, shiftUs: number): Promise<number>;
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
  private lateSentCount = 0;

  constructor(options: RedisLimiterOptions) {
    this.rule = pacingRule(options.maxRps, options.windowMs);
    this.ownsConnection = typeof options.redis === 'string';
    const redis =
      typeof options.redis === 'string'
        ? new Redis(options.redis, { commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 })
        : options.redis;
    // Connection errors surface as failed calls in pump(); the event itself needs a listener or Node throws it.
    if (this.ownsConnection) redis.on('error', () => undefined);
    redis.defineCommand('edgarLimiterAcquire', { numberOfKeys: 3, lua: ACQUIRE_LUA });
    redis.defineCommand('edgarLimiterPause', { numberOfKeys: 1, lua: PAUSE_LUA });
    redis.defineCommand('edgarLimiterShift', { numberOfKeys: 1, lua: SHIFT_LUA });
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

  /** Grants whose answer reached this process too late to send on time, and were moved (LATE_GRANT_MS). */
  get lateGrants(): number {
    return this.lateCount;
  }

  /** Granted requests that left more than LATE_GRANT_MS after their grant was read, and were moved in the log. */
  get lateDepartures(): number {
    return this.lateSentCount;
  }

  /** The grant `member`, read at `readAt`: a late departure moves its entry by the delay (SHIFT_LUA). */
  private grant(member: string, readAt: number): FairAccessGrant {
    let done = false;
    return {
      sent: () => {
        if (done) return;
        done = true;
        const delay = performance.now() - readAt;
        if (delay <= LATE_GRANT_MS || this.closed) return;
        this.lateSentCount++;
        // Not awaited: the request has left; a failed call leaves the entry at its grant, as before.
        this.redis.edgarLimiterShift(this.keys.grants, member, Math.round(delay * 1000)).catch(() => undefined);
      },
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
    if (this.ownsConnection) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** One loop per process: the head of the queue asks Redis, sleeps the answer, asks again. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    let failures = 0;
    /** The member of a grant read too late, to be moved to the time of the next answer. */
    let late: string | null = null;
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
            late ?? '',
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
          // Read too late to send on time: have Redis move this grant to now before using it (LATE_GRANT_MS).
          if (performance.now() - askedAt > LATE_GRANT_MS) {
            this.lateCount++;
            late = member;
            continue;
          }
          late = null;
          const waiter = this.queue.shift();
          // Granted while the head aborted: the grant is spent, the next caller gets the next one.
          waiter?.resolve(this.grant(member, performance.now()));
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
