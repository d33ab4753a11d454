import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError } from '../../../src/errors.ts';
import { openDocumentStore } from '../../../src/store/open-document-store.ts';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { makeLetter } from '../../fixtures/letters.ts';
import { TEST_POSTGRES_URL, dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from './postgres-test-server.ts';

await requireTestPostgres();
const root = await mkdtemp(join(tmpdir(), 'edgar-corresp-open-'));
const prefix = uniqueSchemaPrefix('store_open');
after(async () => {
  await rm(root, { recursive: true, force: true });
  await dropSchemas(prefix);
});

describe('openDocumentStore', () => {
  it('opens a migrated SQLite store from sqlite:<path>, creating the directories', async () => {
    const path = join(root, 'a', 'b', 'store.sqlite');
    const store = await openDocumentStore(`sqlite:${path}`);
    try {
      assert.ok(store instanceof SqliteDocumentStore);
      assert.ok(existsSync(path));
      assert.equal(await store.upsertLetter(makeLetter()), 'inserted');
    } finally {
      await store.close();
    }
  });

  it('refuses a SQLite path whose directory cannot be created, saying to set STORE_URL', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, 'not a directory');
    await assert.rejects(
      openDocumentStore(`sqlite:${join(blocker, 'store.sqlite')}`),
      (error: unknown) => error instanceof ConfigError && /set STORE_URL/.test(error.message),
    );
  });

  it('refuses a file that is not a SQLite database, saying to set STORE_URL', async () => {
    const path = join(root, 'garbage.sqlite');
    await writeFile(path, 'x'.repeat(4096));
    await assert.rejects(
      openDocumentStore(`sqlite:${path}`),
      (error: unknown) => error instanceof ConfigError && error.message.includes(path),
    );
  });

  it('opens PostgreSQL in the schema the URL names, creating it, and keeps stores in different schemas apart', async () => {
    const first = await openDocumentStore(`${TEST_POSTGRES_URL}?schema=${prefix}_a`);
    const second = await openDocumentStore(`${TEST_POSTGRES_URL}?schema=${prefix}_b`);
    try {
      assert.ok(first instanceof PostgresDocumentStore);
      assert.equal(first.schema, `${prefix}_a`);
      await first.upsertLetter(makeLetter());
      assert.equal(await first.countLetters(), 1);
      assert.equal(await second.countLetters(), 0);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('keeps its schema when the URL carries its own startup options', async () => {
    const options = encodeURIComponent('-c statement_timeout=60000');
    const store = await openDocumentStore(`${TEST_POSTGRES_URL}?options=${options}&schema=${prefix}_opts`);
    try {
      await store.upsertLetter(makeLetter());
      assert.equal(await store.countLetters(), 1);
    } finally {
      await store.close();
    }
  });

  it('many stores migrating one new schema at once apply each migration once', async () => {
    const url = `${TEST_POSTGRES_URL}?schema=${prefix}_race`;
    const stores = await Promise.all(Array.from({ length: 6 }, () => openDocumentStore(url, { poolSize: 1 })));
    try {
      assert.equal(await stores[0]!.upsertLetter(makeLetter()), 'inserted');
      assert.equal(await stores[5]!.countLetters(), 1);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('says which server cannot be reached and to set STORE_URL, without the password', async () => {
    await assert.rejects(
      openDocumentStore('postgres://postgres:s3cret@127.0.0.1:1/test', { connectTimeoutMs: 2_000 }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /cannot connect to PostgreSQL at postgres@127\.0\.0\.1:1\/test/.test(error.message) &&
        /set STORE_URL/.test(error.message) &&
        !error.message.includes('s3cret'),
    );
  });

  it('refuses a database that does not exist, naming it', async () => {
    await assert.rejects(
      openDocumentStore('postgres://postgres@127.0.0.1:5432/edgar_corresp_no_such_db'),
      (error: unknown) =>
        error instanceof ConfigError &&
        /edgar_corresp_no_such_db/.test(error.message) &&
        /STORE_URL/.test(error.message),
    );
  });

  it('refuses a schema name that is not a plain lower-case SQL name', async () => {
    await assert.rejects(
      openDocumentStore(`${TEST_POSTGRES_URL}?schema=${encodeURIComponent('x"; DROP SCHEMA public; --')}`),
      (error: unknown) => error instanceof ConfigError && /schema/.test(error.message),
    );
  });
});
