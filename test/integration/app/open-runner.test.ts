/** The composition root of the commands: the runner is chosen once, from REDIS_URL, and nowhere else. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../config/env.ts';
import { openRunner } from '../../../src/app/open-runner.ts';
import { ConfigError } from '../../../src/errors.ts';
import { silentLogger } from '../../../src/log.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../distributed/support/redis.ts';

describe('openRunner', () => {
  let dir: string;
  let redisUrl: string;
  const prefix = uniquePrefix('openrunner');
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edgar-open-runner-'));
    redisUrl = await requireSharedRedis();
  });
  after(async () => {
    await deletePrefix(redisUrl, prefix);
    await rm(dir, { recursive: true, force: true });
  });
  const env = (extra: Record<string, string> = {}) =>
    loadConfig({ STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`, ARCHIVE_DIR: join(dir, 'archive'), ...extra });

  it('without REDIS_URL: the embedded runner, which has no queues to describe', async () => {
    const session = await openRunner(env(), { command: 'status', logger: silentLogger, offline: true });
    try {
      assert.equal(await session.runner.describeQueues(), null);
      assert.equal(await session.deps.store.countLetters(), 0);
    } finally {
      await session.close();
    }
  });

  it('without REDIS_URL, a command that contacts EDGAR needs the User-Agent', async () => {
    await assert.rejects(
      openRunner(env(), { command: 'crawl', logger: silentLogger }),
      (error: unknown) => error instanceof ConfigError && /EDGAR_USER_AGENT/.test(error.message),
    );
  });

  it('with REDIS_URL: the distributed runner, which describes its queues and makes no EDGAR request here', async () => {
    const config = env({ REDIS_URL: redisUrl, QUEUE_PREFIX: prefix });
    // No User-Agent: this process only follows runs; the workers make the requests.
    const session = await openRunner(config, { command: 'crawl', logger: silentLogger });
    try {
      assert.match((await session.runner.describeQueues()) ?? '', /^queues:\n {2}discover {2}waiting 0,/);
    } finally {
      await session.close();
    }
  });
});
