import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { loadConfig } from '../../config/env.ts';
import { ConfigError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { checkRedis } from '../../src/queue/redis-connection.ts';
import { redactUrl, redactUrlsIn } from '../../src/redact.ts';
import { parseStoreUrl } from '../../src/store/open-document-store.ts';

/** Passwords as people type them: every character that breaks URL parsing, and one percent-encoded. */
const NASTY = [
  'hunter2',
  'zqx@vkw/jjy:rrt',
  'abq/dgf@ghk',
  'qwe?rty#uio',
  'xxq@yyy@zzz',
  'p%40sss%2Fwordy',
  'ünïq:cødé',
];

/** No piece of the password of 3+ characters (between the characters URLs split on) shows in `text`. */
function assertHidden(text: string, password: string): void {
  for (const piece of password.split(/[@/:?#%]/).filter((p) => p.length >= 3)) {
    assert.ok(!text.includes(piece), `${JSON.stringify(piece)} of ${JSON.stringify(password)} shows in ${text}`);
  }
}

describe('secrets out of printed and logged URLs', () => {
  it('hides the password of store and Redis URLs, however it is spelled, and keeps the rest readable', () => {
    for (const password of NASTY) {
      for (const url of [
        `postgres://edgar:${password}@db.internal:5432/edgar?schema=corresp`,
        `postgresql://edgar:${password}@db.internal/edgar`,
        `redis://:${password}@cache.internal:6379/0`,
        `rediss://default:${password}@cache.internal:6380`,
      ]) {
        const shown = redactUrl(url);
        assertHidden(shown, password);
        assert.match(shown, /:\*\*\*@/);
        assert.match(shown, /(db|cache)\.internal/);
      }
    }
    assert.equal(
      redactUrl('postgres://edgar:p@ss/w:rd@db.internal:5432/edgar?schema=corresp'),
      'postgres://edgar:***@db.internal:5432/edgar?schema=corresp',
    );
    assert.equal(redactUrl('postgres://postgres@127.0.0.1:5432/edgar'), 'postgres://postgres@127.0.0.1:5432/edgar');
    assert.equal(redactUrl('sqlite:./data/edgar-corresp.sqlite'), 'sqlite:./data/edgar-corresp.sqlite');
  });

  it('hides secrets passed as query parameters', () => {
    assert.equal(
      redactUrl('redis://cache:6379/0?password=hunter2&family=6'),
      'redis://cache:6379/0?password=***&family=6',
    );
    assert.equal(
      redactUrl('postgres://db/edgar?sslpassword=hunter2&application_name=x'),
      'postgres://db/edgar?sslpassword=***&application_name=x',
    );
  });

  it('hides every URL password inside free text', () => {
    const text = 'connect to postgres://u:hunter2@db/x failed; retry redis://:s3cr3t@cache:6379 later';
    const shown = redactUrlsIn(text);
    assert.equal(shown, 'connect to postgres://u:***@db/x failed; retry redis://:***@cache:6379 later');
  });

  it('never repeats a password in the message for an invalid STORE_URL or REDIS_URL', () => {
    for (const password of NASTY) {
      for (const env of [
        { STORE_URL: `mysql://root:${password}@db/x` },
        { REDIS_URL: `http://:${password}@cache:6379` },
      ]) {
        assert.throws(
          () => loadConfig(env),
          (error: unknown) => {
            assert.ok(error instanceof ConfigError);
            assert.match(error.message, /(STORE|REDIS)_URL=\S+:\*\*\*@/);
            assertHidden(error.message, password);
            return true;
          },
        );
      }
      for (const url of [`postgres://edgar:${password}@db.internal/edgar`, `postgres://edgar:${password}@`]) {
        try {
          parseStoreUrl(url);
        } catch (error) {
          assert.ok(error instanceof ConfigError);
          assertHidden(error.message, password);
        }
      }
    }
  });

  it('refuses a store or Redis URL whose password needs percent-encoding, saying so', () => {
    for (const env of [
      { STORE_URL: 'postgres://edgar:p@ss/w:rd@db.internal/edgar' },
      { REDIS_URL: 'redis://:a/b@cache:6379/0' },
    ]) {
      assert.throws(() => loadConfig(env), /unescaped: percent-encode them \("\/" as %2F, "@" as %40/);
    }
    assert.throws(() => parseStoreUrl('postgres://edgar:p@ss/w:rd@'), /percent-encode them/);
    assert.equal(loadConfig({ STORE_URL: 'postgres://edgar:p%40ss%2Fw@db/edgar' }).storeUrl.length > 0, true);
  });

  it('never echoes REDIS_URL with its password when Redis does not answer', async () => {
    for (const password of ['hunter2', 'p@ss/w:rd']) {
      await assert.rejects(checkRedis(`redis://:${password}@127.0.0.1:1/0`, 1000), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /REDIS_URL=redis:\/\/:\*\*\*@127\.0\.0\.1:1\/0 does not answer/);
        assertHidden(error.message, password);
        return true;
      });
    }
  });

  it('keeps passwords out of log lines: messages, fields, bindings and errors', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination })
      .child({ job: 1 })
      .child({ store: 'postgres://u:p@ss/1@db/x' });
    logger.info({ redisUrl: 'redis://:hunter2@cache:6379', nested: { list: ['rediss://a:s3cr3t@h'] } }, 'opened');
    logger.warn('cannot reach redis://:hunter2@cache:6379 (%s)', 'postgres://u:hunter2@db/x');
    logger.error({ err: new Error('ECONNREFUSED postgres://edgar:hunter2@db/x') }, 'store down');
    logger.error(new Error('lost redis://:hunter2@cache'));
    const text = lines.join('');
    assert.equal(lines.length, 4, text);
    for (const secret of ['hunter2', 's3cr3t', 'p@ss/1']) assert.ok(!text.includes(secret), text);
    assert.match(text, /redis:\/\/:\*\*\*@cache:6379/);
    assert.match(text, /"store":"postgres:\/\/u:\*\*\*@db\/x"/);
  });
});
