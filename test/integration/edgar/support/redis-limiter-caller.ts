/**
 * A process of the Redis-limiter tests: one EDGAR client paced by the shared RedisLimiter, `concurrency`
 * callers for `seconds`, then one JSON line {"done": n} on stdout. Argument: a JSON object (see Args).
 */
import { createEdgarClient } from '../../../../src/edgar/client.ts';
import { createEndpoints, type EdgarBases } from '../../../../src/edgar/endpoints.ts';
import { RedisLimiter } from '../../../../src/edgar/redis-limiter.ts';
import { TINY } from '../../../replica/tiny-dataset.ts';

interface Args {
  redisUrl: string;
  prefix: string;
  bases: EdgarBases;
  seconds: number;
  concurrency: number;
  /** EDGAR_BLOCK_COOLDOWN in ms; default 60 000. */
  cooldownMs?: number;
}

const args = JSON.parse(process.argv[2]!) as Args;
const limiter = new RedisLimiter({ maxRps: 10, prefix: args.prefix, redis: args.redisUrl });
const client = createEdgarClient({
  config: {
    userAgent: 'Redis Limiter Tests tests@example.com',
    ...args.bases,
    maxRps: 10,
    blockCooldownMs: args.cooldownMs ?? 60_000,
  },
  limiter,
  retry: { maxThrottleRounds: args.cooldownMs === undefined ? 0 : 3 },
});
const urls = createEndpoints(args.bases);
const stop = new AbortController();
const timer = setTimeout(() => stop.abort(), args.seconds * 1000);
let done = 0;
await Promise.all(
  Array.from({ length: args.concurrency }, async () => {
    while (!stop.signal.aborted) {
      try {
        await client.get(urls.submissionText(TINY.cik, TINY.correspAccession), { signal: stop.signal });
        done++;
      } catch (error) {
        if (!stop.signal.aborted) throw error;
      }
    }
  }),
);
clearTimeout(timer);
await client.close();
await limiter.close();
process.stdout.write(`${JSON.stringify({ done })}\n`);
