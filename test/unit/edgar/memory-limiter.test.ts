import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryLimiter } from '../../../src/edgar/memory-limiter.ts';
import { PACING_WINDOW_MS } from '../../../src/edgar/pacing.ts';
import { peakInWindow } from '../../replica/traffic.ts';

describe('MemoryLimiter', () => {
  it('lets 25 callers waiting at once proceed no more than maxRps in any second, in arrival order', async () => {
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
    // Measured where callers proceed, i.e. a little after each grant is made: EDGAR's one second, not the
    // limiter's 1040 ms window, whose edge such a measurement cannot hold exactly (grants 10 apart are 1040.2 ms
    // apart at the least; callers proceed 0.1 to 0.5 ms after their grant, more under load). The rule on the
    // grant times themselves is proven by pacing.test.ts.
    assert.ok(peakInWindow(grants, 1000) <= 10, `${peakInWindow(grants, 1000)} proceeded within 1 s`);
    assert.ok(grants.at(-1)! - grants[0]! >= 2 * PACING_WINDOW_MS - 50, 'paced over more than two windows');
  });

  it('lets no more than maxRps callers proceed in any second when the caller keeps the event loop busy after asking', async () => {
    const limiter = new MemoryLimiter({ maxRps: 10 });
    const proceeded: number[] = [];
    const callers = Array.from({ length: 11 }, () => limiter.acquire().then(() => proceeded.push(performance.now())));
    // The caller's own synchronous work right after asking (or a starved process): nobody proceeds meanwhile,
    // so a grant stamped before it would leave late and bunch with the grants made after it.
    const busyUntil = performance.now() + 300;
    while (performance.now() < busyUntil);
    await Promise.all(callers);
    await limiter.close();
    assert.ok(peakInWindow(proceeded, 1000) <= 10, `${peakInWindow(proceeded, 1000)} callers proceeded within 1 s`);
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
