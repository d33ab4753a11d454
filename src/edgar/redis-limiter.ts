/**
 * FairAccessLimiter shared by every process through Redis: the pacing rule of pacing.ts (sliding log + even
 * grid) run atomically in a Lua script on Redis's own clock (`TIME`), and the pause as a key with a PX expiry
 * that every process checks first. Within one process, callers queue FIFO and one loop asks Redis for the
 * waiting callers' slots (a few per call, at most one call at a time); the script grants slots up to
 * RESERVE_AHEAD_MS ahead, or answers how long to wait before asking again. Each caller is handed its grant when
 * its slot comes, while the loop already asks for the next callers' slots: a slow round trip overlaps the wait.
 * A pause is published on a channel; every process gives back the slots it holds for later.
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
 * KEYS: grants (sorted set, score = departure time in µs, or slot time + hold while not sent), next grid slot
 * (µs), pause (value = until epoch ms). ARGV: capacity, window µs, interval µs, tolerance µs, member prefix
 * (unique per call), hold µs, slots wanted, reserve ahead µs. Grants up to `slots wanted` slots, each at the
 * earliest time both rules allow if that is at most `reserve ahead` from now, as members `prefix:1`, `prefix:2`,
 * held; returns {1, offset µs of each slot from now}. Else {0, wait µs} (the pause's remaining time first).
 * A slot is a departure time to come, not a departure: it is held (counts in every window) like a grant read
 * late, and its request leaves at the slot or after it, never before.
 */
const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = redis.call('PTTL', KEYS[3])
if paused > 0 then return {0, paused * 1000} end
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local interval = tonumber(ARGV[3])
local tolerance = tonumber(ARGV[4])
local hold = tonumber(ARGV[6])
local wanted = tonumber(ARGV[7])
local ahead = tonumber(ARGV[8])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local slot = tonumber(redis.call('GET', KEYS[2]) or '0')
local granted = {1}
local wait = 0
for i = 1, wanted do
  local at = now
  local count = redis.call('ZCARD', KEYS[1])
  if count >= capacity then
    local oldest = tonumber(redis.call('ZRANGE', KEYS[1], count - capacity, count - capacity, 'WITHSCORES')[2])
    -- A held grant (not yet reported sent): its departure is due any moment, ask again an interval from now.
    if oldest > now then
      wait = interval
      break
    end
    at = oldest + window
  end
  if slot - tolerance > at then at = slot - tolerance end
  if at - now > ahead then
    wait = at - now - ahead
    break
  end
  redis.call('ZADD', KEYS[1], at + hold, ARGV[5] .. ':' .. i)
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(capacity + 1))
  if slot < at then slot = at end
  slot = slot + interval
  granted[#granted + 1] = math.ceil(at - now)
end
if #granted == 1 then return {0, math.ceil(wait)} end
local keep = math.ceil((window + interval + hold + ahead) / 1000) + 1000
redis.call('PEXPIRE', KEYS[1], keep)
redis.call('SET', KEYS[2], string.format('%.0f', slot), 'PX', keep)
return granted
`;

/**
 * KEYS: pause, pause channel. ARGV: duration ms. Pauses for that long from now on Redis's clock, unless the pause
 * already lasts longer, and tells every limiter on the channel, which gives back the slots it holds for later.
 * The caller sends a duration, never a deadline of its own clock: a worker 11 minutes slow would set a pause that
 * ended long ago, one 11 minutes fast a pause 11 minutes too long. The value is the end on Redis's clock, for
 * people reading the key; every reader uses the key's remaining time (PTTL).
 */
const PAUSE_LUA = `
local ms = tonumber(ARGV[1])
if ms <= 0 then return 0 end
local t = redis.call('TIME')
local untilMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + ms
if redis.call('PTTL', KEYS[1]) < ms then
  redis.call('SET', KEYS[1], string.format('%.0f', untilMs), 'PX', ms)
  redis.call('PUBLISH', KEYS[2], ms)
end
return ms
`;

/**
 * KEYS: grants. ARGV: member, hold µs, delay µs, offset µs. The request of grant `member` left `delay` after the
 * call that granted it was sent, a duration on its process's monotonic clock; its slot was `offset` after Redis
 * made the grant. Redis made it somewhere in between, so grant time + delay is when it left or a little after,
 * never before; so is now (this call is sent after the request left): the entry moves to the earlier of the two.
 * An entry already gone from the log (trimmed, expired, given back) is left alone.
 */
const SENT_LUA = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local at = tonumber(score) - tonumber(ARGV[2]) - tonumber(ARGV[4]) + tonumber(ARGV[3])
if at > now then at = now end
redis.call('ZADD', KEYS[1], at, ARGV[1])
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
/** Failed Redis calls in a row survived (with backoff) before the waiting callers are failed. */
const MAX_REDIS_FAILURES = 5;
/**
 * How far ahead a slot may be granted. A process asks for its next slot while it waits for (or sends on) the
 * current one, so a slow round trip overlaps the wait instead of adding to the gap between requests: with Redis
 * starved of CPU (round trips p50 41 ms, p90 219 ms) each grant asked at its slot came a round trip late, and
 * the even grid moved on from there (4 workers 7.2 requests/s). Longer than such round trips; short, since a
 * held slot counts in every window until its request leaves.
 */
export const RESERVE_AHEAD_MS = 300;
/** Most slots granted in one call: the process's waiting callers, up to this. */
const MAX_SLOTS_PER_CALL = 3;

export interface RedisLimiterOptions {
  /** Requests per second across every process sharing `prefix` (EDGAR_MAX_RPS). */
  readonly maxRps: number;
  /** Key prefix (QUEUE_PREFIX); keys are `${prefix}:limiter:*`. */
  readonly prefix: string;
  /** A connection to use (left open on close), or a URL to open one (closed on close). */
  readonly redis: Redis | string;
  /** Sliding log window; default PACING_WINDOW_MS. Only tests change it. */
  readonly windowMs?: number;
  /** How far ahead a slot may be granted; default RESERVE_AHEAD_MS. Only tests change it. */
  readonly reserveAheadMs?: number;
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
    memberPrefix: string,
    holdUs: number,
    wanted: number,
    aheadUs: number,
  ): Promise<number[]>;
  edgarLimiterPause(pause: string, channel: string, durationMs: number): Promise<number>;
  edgarLimiterSent(grants: string, member: string, holdUs: number, delayUs: number, offsetUs: number): Promise<number>;
};

interface Waiter {
  resolve: (grant: FairAccessGrant) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
}

/** A slot granted ahead to a waiter: its timer hands the grant over when the slot comes. */
interface Reservation {
  waiter: Waiter;
  member: string;
  timer: NodeJS.Timeout;
}

export class RedisLimiter implements FairAccessLimiter {
  readonly rule: PacingRule;
  private readonly redis: LimiterRedis;
  private readonly subscriber: Redis;
  private readonly ownsConnection: boolean;
  private readonly keys: { grants: string; slot: string; pause: string; paused: string };
  private readonly aheadMs: number;
  private readonly id = randomBytes(6).toString('hex');
  private readonly queue: Waiter[] = [];
  private readonly reserved = new Set<Reservation>();
  private pumping = false;
  private closed = false;
  private readonly stop = new AbortController();
  private sequence = 0;
  /** Pause notices received: a call answered after one may carry slots granted before the pause. */
  private pauseNotices = 0;
  private lateCount = 0;
  private pendingSent = new Set<Promise<unknown>>();

  constructor(options: RedisLimiterOptions) {
    this.rule = pacingRule(options.maxRps, options.windowMs);
    this.aheadMs = options.reserveAheadMs ?? RESERVE_AHEAD_MS;
    this.ownsConnection = typeof options.redis === 'string';
    const redis =
      typeof options.redis === 'string'
        ? new Redis(options.redis, { commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 })
        : options.redis;
    // Connection errors surface as failed calls in pump(); the event itself needs a listener or Node throws it.
    if (this.ownsConnection) redis.on('error', () => undefined);
    redis.defineCommand('edgarLimiterAcquire', { numberOfKeys: 3, lua: ACQUIRE_LUA });
    redis.defineCommand('edgarLimiterPause', { numberOfKeys: 2, lua: PAUSE_LUA });
    redis.defineCommand('edgarLimiterSent', { numberOfKeys: 1, lua: SENT_LUA });
    this.redis = redis as LimiterRedis;
    const base = `${options.prefix}:limiter`;
    this.keys = { grants: `${base}:grants`, slot: `${base}:slot`, pause: `${base}:pause`, paused: `${base}:paused` };
    // A pause set anywhere gives back the slots this process holds for later. If this connection is down the
    // slots still go out, at most RESERVE_AHEAD_MS into the pause, like requests already on their way.
    this.subscriber = redis.duplicate({ maxRetriesPerRequest: 1 });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => this.giveBackReservations());
    this.subscriber.subscribe(this.keys.paused).catch(() => undefined);
  }

  acquire(signal?: AbortSignal): Promise<FairAccessGrant> {
    if (this.closed) return Promise.reject(new Error('the fair-access limiter is closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<FairAccessGrant>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        const reservation = [...this.reserved].find((held) => held.waiter === waiter);
        if (reservation) this.release(reservation);
        if (index >= 0 || reservation) reject(signal!.reason);
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

  /** Granted requests that left more than LATE_GRANT_MS after their slot (or the call granting it, if later). */
  get lateGrants(): number {
    return this.lateCount;
  }

  /** Slots granted ahead whose time has not come yet (tests). */
  get reservedSlots(): number {
    return this.reserved.size;
  }

  /** Resolves once Redis has recorded every departure reported so far (tests; close waits for them too). */
  async settled(): Promise<void> {
    await Promise.all([...this.pendingSent]);
  }

  /**
   * The grant `member`, asked for at `askedAt`, its slot `offsetMs` after Redis granted it: `sent()` moves its
   * held entry to when the request left.
   */
  private grant(member: string, askedAt: number, offsetMs: number): FairAccessGrant {
    let done = false;
    return {
      sent: () => {
        if (done) return;
        done = true;
        const delay = performance.now() - askedAt;
        if (delay - offsetMs > LATE_GRANT_MS) this.lateCount++;
        // Not awaited: the request has left. If the call fails the entry stays held until HOLD_MS: safe, slower.
        this.track(
          this.redis.edgarLimiterSent(
            this.keys.grants,
            member,
            HOLD_MS * 1000,
            Math.round(delay * 1000),
            Math.round(offsetMs * 1000),
          ),
        );
      },
    };
  }

  private track(call: Promise<unknown>): void {
    const tracked = call.catch(() => undefined).finally(() => this.pendingSent.delete(tracked));
    this.pendingSent.add(tracked);
  }

  /** A slot granted ahead whose request will never leave: out of the log, so it holds no window. */
  private release(reservation: Reservation): void {
    clearTimeout(reservation.timer);
    this.reserved.delete(reservation);
    this.track(this.redis.zrem(this.keys.grants, reservation.member));
  }

  /** Paused: every slot held for later is given back and its caller queued again (in order) to wait the pause out. */
  private giveBackReservations(): void {
    this.pauseNotices++;
    if (this.closed || this.reserved.size === 0) return;
    const waiters = [...this.reserved].map((reservation) => {
      this.release(reservation);
      return reservation.waiter;
    });
    this.queue.unshift(...waiters);
    void this.pump();
  }

  async pause(durationMs: number): Promise<void> {
    await this.redis.edgarLimiterPause(this.keys.pause, this.keys.paused, Math.ceil(durationMs));
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
    for (const reservation of [...this.reserved]) {
      this.release(reservation);
      reservation.waiter.reject(error);
    }
    for (const waiter of this.queue.splice(0)) waiter.reject(error);
    // Departures reported before closing still reach Redis, otherwise their slots stay held for HOLD_MS; but a
    // Redis that does not answer must not hold up a worker's shutdown.
    await Promise.race([this.settled(), sleep(1000, undefined, { ref: false })]);
    this.subscriber.disconnect();
    if (this.ownsConnection) await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /**
   * One loop per process: asks Redis for a slot for each waiting caller (a few per call), hands each caller its
   * grant when its slot comes, and meanwhile asks for the next callers' slots; when none is free, sleeps the
   * answer and asks again.
   */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    let failures = 0;
    try {
      while (this.queue.length > 0 && !this.closed) {
        let answer: number[];
        const call = `${this.id}:${this.sequence++}`;
        const askedAt = performance.now();
        const notices = this.pauseNotices;
        try {
          answer = await this.askSlots(call, Math.min(MAX_SLOTS_PER_CALL, this.queue.length));
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
        if (answer[0] === 1) {
          this.handOut(call, askedAt, answer.slice(1), notices !== this.pauseNotices);
          continue;
        }
        await sleep(Math.min(MAX_SLEEP_MS, Math.max(1, Math.ceil(answer[1]! / 1000))), undefined, {
          signal: this.stop.signal,
        }).catch(() => undefined);
      }
    } finally {
      this.pumping = false;
    }
  }

  private askSlots(call: string, wanted: number): Promise<number[]> {
    return this.redis.edgarLimiterAcquire(
      this.keys.grants,
      this.keys.slot,
      this.keys.pause,
      Math.max(1, Math.floor(this.rule.maxRps)),
      Math.round(this.rule.windowMs * 1000),
      Math.round(this.rule.intervalMs * 1000),
      Math.round(this.rule.toleranceMs * 1000),
      call,
      HOLD_MS * 1000,
      wanted,
      Math.round(this.aheadMs * 1000),
    );
  }

  /**
   * Slots granted by call `call`, each `offsetsUs` after Redis granted them: the head waiter gets the first. A
   * slot's timer starts when the answer is read, after Redis made the grant, so the request leaves at the slot
   * or later on Redis's clock, never earlier, whatever the two clocks read. `paused`: a pause notice came while
   * the call was out (the answer may have been overtaken), so slots still to come are given back.
   */
  private handOut(call: string, askedAt: number, offsetsUs: number[], paused: boolean): void {
    offsetsUs.forEach((offsetUs, index) => {
      const member = `${call}:${index + 1}`;
      const offsetMs = offsetUs / 1000;
      if (paused && offsetMs > 0) return void this.track(this.redis.zrem(this.keys.grants, member));
      const waiter = this.queue.shift();
      // Granted while its caller aborted: no request will leave on it.
      if (!waiter) return void this.track(this.redis.zrem(this.keys.grants, member));
      if (offsetMs <= 0) return waiter.resolve(this.grant(member, askedAt, offsetMs));
      // A timer counts from the event loop's cached clock, which may be tens of milliseconds behind when the
      // process was held off the CPU after the loop last read it: the timer could then fire before the slot. So
      // the slot is timed from this reading of the real clock, after Redis granted it, and the timer re-armed
      // until that time has passed.
      const due = performance.now() + offsetMs;
      const fire = () => {
        const left = due - performance.now();
        if (left > 0) return void (reservation.timer = setTimeout(fire, Math.ceil(left) + 1));
        this.reserved.delete(reservation);
        waiter.resolve(this.grant(member, askedAt, offsetMs));
      };
      const reservation: Reservation = { waiter, member, timer: setTimeout(fire, Math.ceil(offsetMs) + 1) };
      this.reserved.add(reservation);
    });
  }
}

export function createRedisLimiter(options: RedisLimiterOptions): RedisLimiter {
  return new RedisLimiter(options);
}
