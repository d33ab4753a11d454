import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../../../src/errors.ts';
import { parseStoreUrl } from '../../../src/store/open-document-store.ts';

describe('STORE_URL', () => {
  it('reads sqlite paths relative to the working directory, absolute, and in memory', () => {
    assert.deepEqual(parseStoreUrl('sqlite:./data/edgar-corresp.sqlite'), {
      kind: 'sqlite',
      path: resolve('data/edgar-corresp.sqlite'),
    });
    assert.deepEqual(parseStoreUrl('sqlite:/var/lib/edgar.sqlite'), { kind: 'sqlite', path: '/var/lib/edgar.sqlite' });
    assert.deepEqual(parseStoreUrl('sqlite:///var/lib/edgar.sqlite'), {
      kind: 'sqlite',
      path: '/var/lib/edgar.sqlite',
    });
    assert.deepEqual(parseStoreUrl('sqlite::memory:'), { kind: 'sqlite', path: ':memory:' });
  });

  it('takes the schema out of a PostgreSQL URL and keeps the other parameters', () => {
    assert.deepEqual(parseStoreUrl('postgres://postgres@127.0.0.1:5432/edgar?schema=crawl_1&sslmode=disable'), {
      kind: 'postgres',
      connectionString: 'postgres://postgres@127.0.0.1:5432/edgar?sslmode=disable',
      schema: 'crawl_1',
    });
    assert.deepEqual(parseStoreUrl('postgresql://u@db.internal/edgar'), {
      kind: 'postgres',
      connectionString: 'postgresql://u@db.internal/edgar',
      schema: undefined,
    });
  });

  for (const bad of ['sqlite:', 'mysql://root@127.0.0.1/edgar', './data/edgar.sqlite', 'postgres://', '']) {
    it(`refuses ${JSON.stringify(bad)} with a ConfigError showing both forms`, () => {
      assert.throws(
        () => parseStoreUrl(bad),
        (error: unknown) =>
          error instanceof ConfigError &&
          /STORE_URL=/.test(error.message) &&
          /sqlite:.*postgres:\/\//.test(error.message),
      );
    });
  }

  it('never shows the password of a refused URL', () => {
    assert.throws(
      () => parseStoreUrl('mysql://root:hunter2@127.0.0.1/edgar'),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('hunter2'),
    );
  });
});
