/**
 * Redis connection settings for BullMQ, from REDIS_URL and QUEUE_PREFIX. Workers and queues get
 * `maxRetriesPerRequest: null` (BullMQ's requirement: a blocking worker must wait through a Redis restart, not
 * fail its commands). `checkRedis` is for commands that should fail fast with a clear message instead.
 */
import { Redis } from 'ioredis';
import { ConfigError } from '../errors.ts';
import { redactUrl, redactUrlsIn } from '../redact.ts';

export interface QueueConnection {
  /** redis://host:port/db */
  readonly url: string;
  /** Key prefix of every queue (BullMQ's `prefix`). */
  readonly prefix: string;
}

/** Connection options BullMQ accepts (it builds its own ioredis clients from them). */
export function bullConnection(connection: QueueConnection): { url: string; maxRetriesPerRequest: null } {
  return { url: connection.url, maxRetriesPerRequest: null };
}

/** Resolves when Redis answers PING; ConfigError naming REDIS_URL when it does not within `timeoutMs`. */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError: Error | null = null;
  client.on('error', (error: Error) => (lastError = error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    // The socket's own error (ECONNREFUSED, ENOTFOUND) says more than ioredis's "Connection is closed."
    const cause = redactUrlsIn(
      (lastError as Error | null)?.message ?? (error instanceof Error ? error.message : String(error)),
    );
    throw new ConfigError(
      `REDIS_URL=${redactUrl(url)} does not answer (${cause}): start Redis there, or set REDIS_URL to a Redis that runs, e.g. REDIS_URL=redis://127.0.0.1:6379/0 (unset it for the embedded runner)`,
    );
  } finally {
    client.disconnect();
  }
}
