/**
 * The three BullMQ queues of the distributed runner (DESIGN.md): discover (target or crawl pass -> filing refs),
 * fetch (one filing's complete submission -> archive), parse (normalize + parse + store).
 */
import { ConfigError } from '../errors.ts';

export const QUEUE_NAMES = ['discover', 'fetch', 'parse'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Job names inside the queues: a discover job is either a backfill target or one crawl pass; a parse-queue job
 * parses a filing or rebuilds a company's threads.
 */
export const JOB_NAMES = {
  target: 'target',
  crawl: 'crawl',
  /** `enqueue --all`: discovery from the full index, then refills of the bounded fetch window. */
  all: 'all',
  fetch: 'fetch',
  parse: 'parse',
  threads: 'threads',
} as const;

/** "discover,fetch" -> ["discover", "fetch"]; ConfigError naming the unknown name and the valid ones. */
export function parseQueueList(text: string): QueueName[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new ConfigError(`--queues is empty: use e.g. --queues ${QUEUE_NAMES.join(',')}`);
  for (const name of names) {
    if (!(QUEUE_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(`--queues: unknown queue "${name}": use some of ${QUEUE_NAMES.join(',')}`);
    }
  }
  return [...new Set(names)] as QueueName[];
}
