import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { closeQueues, openQueues, type Queues } from '../../../src/queue/queues.ts';
import type { QueueConnection } from '../../../src/queue/redis-connection.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

const DUMMY_WORKER = fileURLToPath(new URL('./support/dummy-worker.ts', import.meta.url));

async function startDummyWorker(connection: QueueConnection): Promise<ChildProcess> {
  const child = spawn(process.execPath, [DUMMY_WORKER, connection.url, connection.prefix], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`dummy worker exited early with ${code}`)));
  });
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('worker processes', () => {
  let connection: QueueConnection;
  let queues: Queues;
  let redis: Redis;
  const children: ChildProcess[] = [];

  before(async () => {
    connection = { url: await requireSharedRedis(), prefix: uniquePrefix('lifecycle') };
    queues = openQueues(connection);
    redis = new Redis(connection.url);
  });
  after(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await closeQueues(queues);
    redis.disconnect();
    await deletePrefix(connection.url, connection.prefix);
  });

  it('finishes the running job on SIGTERM, takes no new one, closes its connections and exits 0', async () => {
    const worker = await startDummyWorker(connection);
    children.push(worker);
    await queues.fetch.add('fetch', { ms: 1500 }, { jobId: 'drain-1' });
    await waitFor('the job to start', async () => (await queues.fetch.getJobState('drain-1')) === 'active');
    await queues.fetch.add('fetch', { ms: 10 }, { jobId: 'drain-2' });
    worker.kill('SIGTERM');
    const [code] = (await once(worker, 'exit')) as [number | null];
    assert.equal(code, 0);
    assert.equal(await queues.fetch.getJobState('drain-1'), 'completed');
    assert.equal(await queues.fetch.getJobState('drain-2'), 'waiting', 'no job taken while draining');
    assert.deepEqual(await redis.lrange(`${connection.prefix}:done`, 0, -1), [`${worker.pid}:drain-1`]);
    await queues.fetch.remove('drain-2');
  });

  it('completes the job of a worker killed with kill -9 on another worker, once', async () => {
    const doomed = await startDummyWorker(connection);
    children.push(doomed);
    await queues.fetch.add('fetch', { ms: 2500 }, { jobId: 'crash-1' });
    await waitFor('the job to start', async () =>
      (await redis.lrange(`${connection.prefix}:started`, 0, -1)).includes(`${doomed.pid}:crash-1`),
    );
    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    const survivor = await startDummyWorker(connection);
    children.push(survivor);
    await waitFor(
      'the job to complete elsewhere',
      async () => (await queues.fetch.getJobState('crash-1')) === 'completed',
    );
    const done = await redis.lrange(`${connection.prefix}:done`, 0, -1);
    assert.deepEqual(
      done.filter((entry) => entry.endsWith(':crash-1')),
      [`${survivor.pid}:crash-1`],
    );
    const started = (await redis.lrange(`${connection.prefix}:started`, 0, -1)).filter((entry) =>
      entry.endsWith(':crash-1'),
    );
    assert.equal(started[0], `${doomed.pid}:crash-1`, 'the killed worker had started it');
    assert.equal(started.at(-1), `${survivor.pid}:crash-1`, 'another worker ran it again');
    survivor.kill('SIGTERM');
    assert.deepEqual(await once(survivor, 'exit'), [0, null]);
  });
});
