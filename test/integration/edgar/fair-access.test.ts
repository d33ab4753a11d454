import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEdgarClient } from '../../../src/edgar/client.ts';
import { createEndpoints } from '../../../src/edgar/endpoints.ts';
import { MemoryLimiter } from '../../../src/edgar/memory-limiter.ts';
import { raisePriority, spawnReplica, type ChildReplica } from '../../replica/spawn.ts';
import { TINY } from '../../replica/tiny-dataset.ts';

/**
 * The replica runs in its own process, so it stamps arrivals on an event loop that the 64 callers do not
 * share: it counts what EDGAR would count. Its limit is EDGAR's (10 in any sliding second, 403 beyond). It
 * also runs in a scheduler group of its own at raised priority where permitted (spawn.ts): EDGAR does not
 * share our CPU, and on a loaded 2-core machine a starved replica would stamp arrivals late and bunch them.
 * The limiter runs with its production window (PACING_WINDOW_MS).
 */
describe('fair access, counted by the replica', { timeout: 180_000 }, () => {
  let replica: ChildReplica;

  before(async () => {
    raisePriority();
    replica = await spawnReplica(['--dataset', 'tiny', '--max-rps', '10', '--block-ms', '60000']);
  });
  after(() => replica.close());

  it('keeps the peak at or under 10 in any sliding second with 64 concurrent callers, and is never refused', async () => {
    const limiter = new MemoryLimiter({ maxRps: 10 });
    const client = createEdgarClient({
      config: {
        userAgent: 'Fair Access Tests tests@example.com',
        ...replica.bases,
        maxRps: 10,
        blockCooldownMs: 60_000,
      },
      limiter,
      retry: { maxThrottleRounds: 0 },
    });
    const urls = createEndpoints(replica.bases);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), 4000);
    let done = 0;
    const caller = async (i: number) => {
      const url = i % 2 === 0 ? urls.submissionText(TINY.cik, TINY.correspAccession) : urls.submissions(TINY.cik);
      while (!stop.signal.aborted) {
        try {
          await client.get(url, { signal: stop.signal });
          done++;
        } catch (error) {
          if (!stop.signal.aborted) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 64 }, (_, i) => caller(i)));
    clearTimeout(timer);
    await client.close();
    await limiter.close();
    const stats = await replica.stats();
    assert.ok(stats.requests >= done && stats.requests <= done + 1, `${stats.requests} arrived, ${done} answered`);
    assert.equal(stats.throttled, 0, 'no rate-limit page');
    assert.ok(stats.peakInAnySecond <= 10, `peak ${stats.peakInAnySecond}`);
    assert.ok(stats.peakInAnySecond >= 8, `the budget is used, peak ${stats.peakInAnySecond}`);
    assert.ok(done >= 30, `${done} requests in about 4 s`);
  });
});
