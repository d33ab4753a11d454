import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempArchiveDir } from '../distributed/support/cluster.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

const WORKERS = fileURLToPath(new URL('../../../workers/', import.meta.url));

describe('workers/*.worker.ts entry points', () => {
  let redisUrl: string;
  const prefix = uniquePrefix('entry');
  const dir = tempArchiveDir('entry');

  before(async () => {
    redisUrl = await requireSharedRedis();
  });
  after(async () => {
    await deletePrefix(redisUrl, prefix);
    dir.remove();
  });

  /** Starts an entry point and sends SIGTERM the instant its stderr shows a line matching `when`. */
  async function sigtermOn(queue: string, when: string): Promise<{ exit: unknown[]; lines: string[] }> {
    const child = spawn(process.execPath, [join(WORKERS, `${queue}.worker.ts`)], {
      env: {
        PATH: process.env.PATH,
        EDGAR_USER_AGENT: 'Entry Tests entry@example.com',
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        STORE_URL: `sqlite:${join(dir.dir, `${queue}.sqlite`)}`,
        ARCHIVE_DIR: join(dir.dir, 'archive'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = once(child, 'exit');
    const lines: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      if (line.includes(when) && lines.filter((l) => l.includes(when)).length === 1) child.kill('SIGTERM');
    });
    return { exit: await exited, lines };
  }

  // A SIGTERM that arrives while Node has no listener kills the process: the entry points listen before they
  // say anything (stop-signals.ts). Sent on the "serving" line, it used to kill about 1 worker in 4 here.
  for (const queue of ['discover', 'fetch', 'parse']) {
    it(`${queue}.worker.ts serves the ${queue} queue and drains to exit 0 on a SIGTERM sent as it says so`, async () => {
      const { exit, lines } = await sigtermOn(queue, 'worker serving queues');
      assert.deepEqual(exit, [0, null]);
      const serving = lines.find((line) => line.includes('worker serving queues'))!;
      assert.deepEqual((JSON.parse(serving) as { queues: string[] }).queues, [queue]);
      assert.ok(lines.some((line) => line.includes('drained, exiting')));
    });
  }

  it('a SIGTERM during start-up (sent on the first line a worker writes) drains it to exit 0 all the same', async () => {
    for (const queue of ['discover', 'parse']) {
      const { exit, lines } = await sigtermOn(queue, 'worker starting');
      assert.deepEqual(exit, [0, null], `${queue}: ${lines.join('\n')}`);
      assert.ok(lines.some((line) => line.includes('drained, exiting')));
    }
  });

  it('a worker entry point without REDIS_URL exits 2 with a message naming it', async () => {
    const child = spawn(process.execPath, [join(WORKERS, 'parse.worker.ts')], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(stderr, /set REDIS_URL, e\.g\. REDIS_URL=redis:\/\/127\.0\.0\.1:6379\/0/);
  });
});
