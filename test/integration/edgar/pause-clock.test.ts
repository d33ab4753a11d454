import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { createEdgarClient } from '../../../src/edgar/client.ts';
import { createEndpoints } from '../../../src/edgar/endpoints.ts';
import { RedisLimiter } from '../../../src/edgar/redis-limiter.ts';
import { startReplica, type Replica } from '../../replica/server.ts';
import { TINY, tinyDataset } from '../../replica/tiny-dataset.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

const COOLDOWN_MS = 1500;

describe('the rate-limit pause is timed on the limiter clock, not on the worker clock', { timeout: 60_000 }, () => {
  let replica: Replica;
  let redisUrl: string;
  const prefix = uniquePrefix('pause-clock');

  before(async () => {
    redisUrl = await requireSharedRedis();
    replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: null } });
  });
  after(async () => {
    await replica.close();
    await deletePrefix(redisUrl, prefix);
  });

  for (const skewMinutes of [-11, 11]) {
    it(`a worker whose clock is ${Math.abs(skewMinutes)} minutes ${skewMinutes < 0 ? 'slow' : 'fast'} pauses every process for the cooldown`, async () => {
      replica.resetTraffic();
      await deletePrefix(redisUrl, prefix);
      const worker = new RedisLimiter({ maxRps: 10, prefix, redis: redisUrl });
      const otherProcess = new RedisLimiter({ maxRps: 10, prefix, redis: redisUrl });
      const client = createEdgarClient({
        config: {
          userAgent: 'Clock Tests clock@example.com',
          ...replica.bases,
          maxRps: 10,
          blockCooldownMs: COOLDOWN_MS,
        },
        limiter: worker,
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
      });
      const realNow = Date.now.bind(Date);
      const skewed = mock.method(Date, 'now', () => realNow() + skewMinutes * 60_000);
      try {
        replica.injectFault({ path: TINY.correspAccession, kind: 'rate-limited' });
        const pauses: number[] = [];
        const pending = client.get(createEndpoints(replica.bases).submissionText(TINY.cik, TINY.correspAccession));
        // Once the refusal is in, the pause must be visible to another process, for about the cooldown.
        while (replica.log.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, 100));
        const until = await otherProcess.pausedUntil();
        pauses.push(until - Date.now());
        assert.equal((await pending).status, 200);
        assert.ok(pauses[0]! > COOLDOWN_MS - 400 && pauses[0]! <= COOLDOWN_MS, `paused for ${pauses[0]} ms more`);
        const [refusal, retried] = replica.log;
        assert.equal(refusal!.refusal, 'rate-limited');
        assert.ok(retried!.at - refusal!.at >= COOLDOWN_MS - 20, `sent again ${retried!.at - refusal!.at} ms later`);
      } finally {
        skewed.mock.restore();
        await client.close();
        await worker.close();
        await otherProcess.close();
      }
    });
  }
});
