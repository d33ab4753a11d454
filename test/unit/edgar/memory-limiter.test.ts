import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryLimiter } from '../../../src/edgar/memory-limiter.ts';
import { PACING_WINDOW_MS } from '../../../src/edgar/pacing.ts';
import { peakInWindow } from '../../replica/traffic.ts';

describe('MemoryLimiter', () => {
  it('grants 25 callers waiting at once no more than maxRps in any sliding window, in arrival order', async () => {
    const limiter = new MemoryLimiter({ maxRps: 10 });
    const grants: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        limiter.acquire().then(() => {
          grants.push(performance.now());
          order.push(i);
        }),
      ),
    );
    await limiter.close();
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    assert.ok(peakInWindow(grants, PACING_WINDOW_MS) <= 10);
    assert.ok(peakInWindow(grants, 1000) <= 10);
  });

  it('makes every caller wait out a pause, and a later deadline extends it', async () => {
    const limiter = new MemoryLimiter({ maxRps: 10 });
    const until = Date.now() + 150;
    await limiter.pause(150);
    await limiter.pause(50); // ends earlier: ignored
    assert.ok(Math.abs((await limiter.pausedUntil()) - until) <= 5);
    await limiter.pause(250);
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    assert.ok(Date.now() >= until + 100 - 1);
    assert.equal(await limiter.pausedUntil(), 0);
    await limiter.close();
  });

  it('rejects a waiting caller whose signal aborts, and serves the others', async () => {
    const limiter = new MemoryLimiter({ maxRps: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('stop'));
    await assert.rejects(aborted, /stop/);
    await next;
    await limiter.close();
  });

  it('rejects waiting callers when closed', async () => {
    const limiter = new MemoryLimiter({ maxRps: 1 });
    await limiter.acquire();
    const waiting = limiter.acquire();
    await limiter.close();
    await assert.rejects(waiting, /closed/);
    await assert.rejects(limiter.acquire(), /closed/);
  });
});
