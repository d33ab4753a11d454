/**
 * A worker process with a dummy stage, for lifecycle tests: serves the fetch queue of `<redis-url> <prefix>`;
 * each job sleeps `data.ms` then appends "<pid>:<jobId>" to the Redis list "<prefix>:done". Listens for the
 * stop signals before it says "ready" and exits through serveUntilStopped, like the real workers.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { listenForStop } from '../../../../src/app/stop-signals.ts';
import { createLogger } from '../../../../src/log.ts';
import { createJobProcessor } from '../../../../src/queue/job-processor.ts';
import { serveUntilStopped, startWorkerPool } from '../../../../src/queue/worker-pool.ts';

const signals = listenForStop();

const [url, prefix] = process.argv.slice(2) as [string, string];
const log = createLogger({ level: 'warn', pretty: false });
const redis = new Redis(url);
const pool = startWorkerPool({
  connection: { url, prefix },
  log,
  lockDurationMs: 4000,
  stalledIntervalMs: 500,
  processors: {
    fetch: createJobProcessor({
      queue: 'fetch',
      schema: z.object({ ms: z.number() }),
      log,
      run: async ({ ms }, { job }) => {
        await redis.rpush(`${prefix}:started`, `${process.pid}:${job.id}`);
        await sleep(ms);
        await redis.rpush(`${prefix}:done`, `${process.pid}:${job.id}`);
        return 'ok';
      },
    }),
  },
});
await Promise.all(pool.workers.map((worker) => worker.waitUntilReady()));
process.stdout.write('ready\n');
process.exitCode = await serveUntilStopped({
  pool,
  log,
  stop: signals.stop,
  force: signals.force,
  closeResources: async () => void (await redis.quit()),
});
signals.dispose();
