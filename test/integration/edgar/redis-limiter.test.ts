import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { getEventListeners, once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { HOLD_MS, LATE_GRANT_MS, RedisLimiter } from '../../../src/edgar/redis-limiter.ts';
import { PACING_WINDOW_MS } from '../../../src/edgar/pacing.ts';
import { raisePriority, spawnReplica, type ChildReplica } from '../../replica/spawn.ts';
import { peakInWindow } from '../../replica/traffic.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

async function runCaller(args: object): Promise<{ done: number }> {
  const child = spawn(
    process.execPath,
    [new URL('./support/redis-limiter-caller.ts', import.meta.url).pathname, JSON.stringify(args)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  assert.equal(code, 0, `caller process exited with ${String(code)}`);
  return JSON.parse(out.trim()) as { done: number };
}

describe('RedisLimiter', { timeout: 180_000 }, () => {
  let redisUrl: string;
  const prefixes: string[] = [];
  const prefix = (label: string) => {
    const made = uniquePrefix(label);
    prefixes.push(made);
    return made;
  };

  before(async () => {
    redisUrl = await requireSharedRedis();
    raisePriority();
  });
  after(async () => {
    for (const made of prefixes) await deletePrefix(redisUrl, made);
  });

  it('paces limiters on separate connections as one: no window holds more than maxRps grants', async () => {
    const shared = prefix('limiter-grants');
    const limiters = [0, 1, 2].map(() => new RedisLimiter({ maxRps: 5, prefix: shared, redis: redisUrl }));
    const grants: number[] = [];
    const deadline = performance.now() + 2500;
    await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 4 }, async () => {
          while (performance.now() < deadline) {
            const grant = await limiter.acquire();
            grants.push(performance.now());
            grant.sent();
          }
        }),
      ),
    );
    await Promise.all(limiters.map((limiter) => limiter.close()));
    grants.sort((a, b) => a - b);
    assert.ok(peakInWindow(grants, PACING_WINDOW_MS - 20) <= 5, `peak ${peakInWindow(grants, PACING_WINDOW_MS - 20)}`);
    assert.ok(grants.length >= 10, `${grants.length} grants`);
  });

  it('leaves no abort listener behind on a signal shared by many acquires', async () => {
    const limiter = new RedisLimiter({
      maxRps: 10,
      prefix: prefix('limiter-listeners'),
      redis: redisUrl,
      windowMs: 100,
    });
    const shared = new AbortController();
    for (let i = 0; i < 5; i++) (await limiter.acquire(shared.signal)).sent();
    assert.equal(getEventListeners(shared.signal, 'abort').length, 0);
    await limiter.close();
  });

  it('makes every limiter of the prefix report and wait out a pause set by one of them', async () => {
    const shared = prefix('limiter-pause');
    const [a, b] = [0, 1].map(() => new RedisLimiter({ maxRps: 10, prefix: shared, redis: redisUrl }));
    // The pause starts when Redis runs the call, somewhere between these two readings (far apart on a loaded
    // machine); the same host's clock, so no skew between them.
    const before = Date.now();
    await a!.pause(400);
    const after = Date.now();
    await a!.pause(100); // ends earlier: ignored
    const until = await b!.pausedUntil();
    assert.ok(
      until >= before + 400 - 15 && until <= after + 400 + 15,
      `paused until ${until - before} ms after asking`,
    );
    (await b!.acquire()).sent();
    assert.ok(Date.now() >= until - 15, `granted ${until - Date.now()} ms before the pause ended`);
    assert.equal(await b!.pausedUntil(), 0);
    await Promise.all([a!.close(), b!.close()]);
  });

  it('counts a grant read or sent late from when its request left: one entry in the log, held until then', async () => {
    const shared = prefix('limiter-stale');
    const limiter = new RedisLimiter({ maxRps: 10, prefix: shared, redis: redisUrl });
    const redis = new Redis(redisUrl);
    const key = `${shared}:limiter:grants`;
    try {
      await limiter.pausedUntil(); // connected: the script call below is written to the socket at once
      const [seconds, micros] = await redis.time();
      const askedUs = Number(seconds) * 1e6 + Number(micros);
      const granted = limiter.acquire();
      // A starved process: the reply arrives while the event loop is busy and is read 60 ms late.
      const busyUntil = performance.now() + LATE_GRANT_MS * 3;
      while (performance.now() < busyUntil);
      const grant = await granted;
      // Not sent yet: held in the future, so it counts in every window until it leaves.
      const held = await redis.zrange(key, 0, -1, 'WITHSCORES');
      assert.equal(held.length, 2, `one grant in the log, got ${JSON.stringify(held)}`);
      assert.ok(Number(held[1]) >= askedUs + (HOLD_MS - 100) * 1000, 'held until it is sent');
      grant.sent();
      await limiter.settled();
      assert.equal(limiter.lateGrants, 1);
      const log = await redis.zrange(key, 0, -1, 'WITHSCORES');
      assert.equal(log.length, 2, `still one grant in the log, got ${JSON.stringify(log)}`);
      const leftAfterMs = (Number(log[1]) - askedUs) / 1000;
      assert.ok(leftAfterMs >= LATE_GRANT_MS * 3, `counted ${leftAfterMs.toFixed(1)} ms after asking`);
      assert.ok(leftAfterMs < HOLD_MS - 100, 'no longer held');
    } finally {
      redis.disconnect();
      await limiter.close();
    }
  });

  it('lets a grant be written only while the log still holds it', async () => {
    const held = new RedisLimiter({ maxRps: 10, prefix: prefix('limiter-usable'), redis: redisUrl });
    const fresh = await held.acquire();
    assert.equal(fresh.usable?.(), true, 'usable right after the grant');
    fresh.sent();
    assert.equal(fresh.usable?.(), false, 'used once');
    await held.close();
    // Held 100 ms: once that has passed the log counts the grant as gone, so a request must not leave on it.
    const short = new RedisLimiter({ maxRps: 10, prefix: prefix('limiter-lapsed'), redis: redisUrl, holdMs: 100 });
    const lapsed = await short.acquire();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(lapsed.usable?.(), false, 'lapsed with its hold');
    lapsed.sent();
    await short.close();
  });

  it('fails waiting callers with a clear error when Redis cannot be reached, never letting them through', async () => {
    const limiter = new RedisLimiter({ maxRps: 10, prefix: prefix('limiter-down'), redis: 'redis://127.0.0.1:1/0' });
    await assert.rejects(limiter.acquire(), /cannot reach Redis/);
    await limiter.close();
  });

  describe('shared by several processes against the replica', () => {
    let replica: ChildReplica;
    before(async () => {
      replica = await spawnReplica(['--dataset', 'tiny', '--max-rps', '10', '--block-ms', '60000']);
    });
    after(() => replica.close());

    it('keeps every sliding second at or under 10 across three processes, and a pause from a fourth stops them all', async () => {
      const shared = prefix('limiter-processes');
      const args = {
        redisUrl,
        prefix: shared,
        bases: replica.bases,
        seconds: 6,
        concurrency: 8,
      };
      const callers = [0, 1, 2].map(() => runCaller(args));
      const pauser = new RedisLimiter({ maxRps: 10, prefix: shared, redis: redisUrl });
      // Closed even when a caller fails: its open connection would otherwise keep this file from ever ending.
      const { pausedAt, results } = await (async () => {
        try {
          await new Promise((resolve) => setTimeout(resolve, 2500));
          const at = Date.now();
          await pauser.pause(1500);
          return { pausedAt: at, results: await Promise.all(callers) };
        } finally {
          await Promise.allSettled(callers);
          await pauser.close();
        }
      })();

      const stats = (await replica.stats()) as Awaited<ReturnType<ChildReplica['stats']>> & { clockOrigin: number };
      const log = await replica.log();
      assert.equal(stats.throttled, 0, 'no rate-limit page');
      assert.ok(stats.peakInAnySecond <= 10, `peak ${stats.peakInAnySecond}`);
      assert.ok(
        results.every((result) => result.done > 0),
        JSON.stringify(results),
      );
      assert.ok(stats.requests >= 30, `${stats.requests} requests`);
      const arrivals = log.map((entry) => stats.clockOrigin + entry.at);
      // A request granted just before the pause may still be on its way; none may start inside it.
      const during = arrivals.filter((at) => at > pausedAt + 100 && at < pausedAt + 1500);
      assert.deepEqual(during, [], 'no request arrives while paused');
      assert.ok(
        arrivals.some((at) => at >= pausedAt + 1500),
        'requests resume after the pause',
      );
    });

    it('turns a rate-limit page met by one process into a pause of every process', async () => {
      await replica.reset();
      const shared = prefix('limiter-throttle');
      const cooldownMs = 1500;
      const args = { redisUrl, prefix: shared, bases: replica.bases, seconds: 5, concurrency: 4, cooldownMs };
      const callers = [0, 1, 2].map(() => runCaller(args));
      // Watches for the pause to reach Redis: on a loaded machine the process that met the page may take more
      // than 100 ms to set it, and requests granted before then are allowed to leave.
      const observer = new RedisLimiter({ maxRps: 10, prefix: shared, redis: redisUrl });
      let pauseEnd = 0;
      const watching = (async () => {
        while (pauseEnd === 0 && !(await settledWithin(callers, 10))) pauseEnd = await observer.pausedUntil();
      })();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await replica.injectFault({ path: '.txt', kind: 'rate-limited', count: 1 });
      const results = await Promise.all(callers).finally(async () => {
        await watching;
        await observer.close();
      });
      const stats = (await replica.stats()) as Awaited<ReturnType<ChildReplica['stats']>> & { clockOrigin: number };
      const log = await replica.log();
      const refusal = log.find((entry) => entry.refusal === 'rate-limited');
      assert.ok(refusal, 'one process met the rate-limit page');
      assert.equal(stats.throttled, 1);
      assert.ok(pauseEnd > 0, 'the pause was seen in Redis');
      // The observer polls every 10 ms and reads the remaining time: the pause began cooldownMs before its end,
      // give or take that poll. Requests granted before it may still land up to 100 ms later; then nothing.
      const pausedAt = pauseEnd - cooldownMs;
      const arrivals = log.map((entry) => ({ ...entry, wall: stats.clockOrigin + entry.at }));
      const during = arrivals.filter((entry) => entry.wall > pausedAt + 100 && entry.wall < pauseEnd - 20);
      assert.deepEqual(during, [], 'no process sends while paused');
      assert.ok(
        arrivals.some((entry) => entry.wall >= pauseEnd - 20 && entry.status === 200),
        'requests resume after the pause',
      );
      assert.ok(
        results.every((result) => result.done > 0),
        JSON.stringify(results),
      );
    });
  });
});

/** True when every promise has settled within `ms`; false when the time ran out first. */
async function settledWithin(promises: Array<Promise<unknown>>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = Promise.allSettled(promises).then(() => true);
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
