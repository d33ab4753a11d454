/**
 * Redis for the distributed tests: the shared server on 127.0.0.1:6379 (a unique key prefix per test, removed
 * afterwards: other engineers run tests on it at the same time), or a private redis-server of the test's own on
 * a free port, which a test may kill and restart with its data lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379/0';

async function ping(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Throws a message saying what to start when the shared Redis does not answer (tests never skip). */
export async function requireSharedRedis(): Promise<string> {
  if (!(await ping(SHARED_REDIS_URL))) {
    throw new Error(
      `Redis does not answer on ${SHARED_REDIS_URL}: the distributed tests need it. Start it, e.g. ` +
        `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no (or run .ci/run)`,
    );
  }
  return SHARED_REDIS_URL;
}

/** A key prefix no other test uses. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix` (BullMQ keys are "<prefix>:<queue>:..."). */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  /** kill -9 the server and start a new one on the same port, with no data (no RDB, no AOF). */
  restartEmpty(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `redis-server --port <free> --save "" --appendonly no` bound to 127.0.0.1. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}/0`;
  let child: ChildProcess | null = null;
  const start = async () => {
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    const failed = new Promise<never>((_, reject) =>
      proc.once('error', (error) =>
        reject(
          new Error(`cannot start redis-server (is it installed? apt-get install redis-server): ${error.message}`),
        ),
      ),
    );
    child = proc;
    for (let i = 0; i < 100; i++) {
      if (await Promise.race([ping(url, 200), failed])) return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${port} did not answer within 5 s`);
  };
  const kill = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url,
    port,
    async restartEmpty() {
      await kill();
      await start();
    },
    stop: kill,
  };
}
