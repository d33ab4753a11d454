import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanEnv, runCliProcess } from './support.ts';

describe('edgar-corresp usage and configuration errors', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edgar-cli-usage-'));
    env = cleanEnv({
      EDGAR_USER_AGENT: 'Acme Research research@acme.example',
      // Never contacted: every case below stops before any request.
      EDGAR_WWW_URL: 'http://127.0.0.1:9',
      EDGAR_DATA_URL: 'http://127.0.0.1:9',
      EDGAR_EFTS_URL: 'http://127.0.0.1:9/LATEST',
      STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`,
      ARCHIVE_DIR: join(dir, 'archive'),
    });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('exits 2 when EDGAR_USER_AGENT is missing, saying what to set, with no stack trace and no file created', async () => {
    const { EDGAR_USER_AGENT: _, ...withoutAgent } = env;
    const result = await runCliProcess(['backfill', '001-35126'], withoutAgent);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /EDGAR_USER_AGENT is not set/);
    assert.match(result.stderr, /e\.g\. EDGAR_USER_AGENT="[^"]+ [^"]+@[^"]+"/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.deepEqual(await readdir(dir), []);
  });

  it('exits 2 for EDGAR_MAX_RPS=20, naming the variable and the fair-access limit', async () => {
    const result = await runCliProcess(['backfill', '001-35126'], { ...env, EDGAR_MAX_RPS: '20' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /EDGAR_MAX_RPS=20 must be at most 10/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('exits 2 for a Redis that does not answer or a store URL it cannot read, never printing their passwords', async () => {
    for (const password of ['hunter2', 'zq@xv/kw:jj']) {
      const redis = await runCliProcess(['status', '--verbose'], {
        ...env,
        REDIS_URL: `redis://:${password}@127.0.0.1:1/0`,
      });
      assert.equal(redis.code, 2, redis.stderr);
      assert.match(redis.stderr, /REDIS_URL=redis:\/\/:\*\*\*@127\.0\.0\.1:1\/0 (does not answer|has a password)/);
      const store = await runCliProcess(['status'], { ...env, STORE_URL: `postgres://edgar:${password}@` });
      assert.equal(store.code, 2, store.stderr);
      assert.match(store.stderr, /STORE_URL=postgres:\/\/edgar:\*\*\*@/);
      for (const output of [redis.stderr, store.stderr]) {
        for (const piece of password.split(/[@/:]/).filter((p) => p.length >= 2))
          assert.ok(!output.includes(piece), output);
      }
    }
  });

  it('exits 2 for a target that is not a file number, CIK or ticker', async () => {
    const result = await runCliProcess(['backfill', 'not a target!'], env);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /is not a backfill target: use a file number \(001-35126\), a CIK \(1508475\) or a ticker/,
    );
  });

  it('exits 2 for an unknown command or option, showing where to find usage', async () => {
    const unknown = await runCliProcess(['frobnicate'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
    const badOption = await runCliProcess(['export', '--format', 'xml'], env);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /--format "xml": use jsonl, csv or parquet/);
  });

  it('exits 2 for a malformed date, and shows a stack trace only with --verbose', async () => {
    const quiet = await runCliProcess(['backfill', '1508475', '--since', '2014-02-30'], env);
    assert.equal(quiet.code, 2);
    assert.match(quiet.stderr, /--since "2014-02-30" is not a date: use YYYY-MM-DD/);
    assert.doesNotMatch(quiet.stderr, /\n\s+at /);
    const verbose = await runCliProcess(['--verbose', 'backfill', '1508475', '--since', '2014-02-30'], env);
    assert.equal(verbose.code, 2);
    assert.match(verbose.stderr, /\n\s+at /);
  });

  it('lists every command of the contract in --help and exits 0', async () => {
    const result = await runCliProcess(['--help'], env);
    assert.equal(result.code, 0);
    for (const command of ['backfill', 'export', 'show', 'thread', 'search', 'status', 'reparse']) {
      assert.match(result.stdout, new RegExp(`\\n\\s+${command}\\b`));
    }
  });
});
