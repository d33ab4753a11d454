/**
 * PostgreSQL keeps each letter's thread id in letter_threads (migration 6), not in the letters row: a store of
 * schema 5 (thread_id column, threadId inside the letter JSON) upgrades with its threads, and assigning a thread
 * writes no letters row (its TOASTed JSON and stored search_vector stay as they are: same row version, xmin).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import type { Letter } from '../../../src/letter/schema.ts';
import { prepareLetterRecord } from '../../../src/store/letter-record.ts';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres-migrations.ts';
import { collect } from '../../contract/harness.ts';
import { accessionFor, makeLetter } from '../../fixtures/letters.ts';
import { TEST_POSTGRES_URL, dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from './postgres-test-server.ts';

await requireTestPostgres();
const prefix = uniqueSchemaPrefix('letter_threads');
after(() => dropSchemas(prefix));
let schemas = 0;

async function withClient<T>(schema: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A store of schema 5, its letters stored as that schema's upsert and assignThreads left them. */
async function schema5Store(schema: string, letters: readonly Letter[]): Promise<void> {
  await withClient(schema, async (client) => {
    await client.query(
      'CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    for (const migration of POSTGRES_MIGRATIONS.filter((m) => m.version <= 5)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_version VALUES ($1, $2, now())', [migration.version, migration.name]);
    }
    for (const input of letters) {
      const { letter, contentHash, sortKey, fileNumbers } = prepareLetterRecord(input);
      await client.query(
        `INSERT INTO letters (accession_number, cik, form, company_name, filing_date, acceptance_date_time, sort_key,
           letter_date, kind, thread_id, parser_version, content_hash, letter, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())`,
        [
          letter.accessionNumber,
          letter.cik,
          letter.form,
          letter.companyName,
          letter.filingDate,
          letter.acceptanceDateTime,
          sortKey,
          letter.letterDate,
          letter.kind,
          letter.threadId,
          letter.parserVersion,
          contentHash,
          JSON.stringify(letter),
        ],
      );
      await client.query('INSERT INTO letter_file_numbers SELECT unnest($2::text[]), $1', [
        letter.accessionNumber,
        fileNumbers,
      ]);
      await client.query(
        `INSERT INTO filings (accession_number, cik, form, filing_date, acceptance_date_time, state, parser_version, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'parsed', $6, now())`,
        [
          letter.accessionNumber,
          letter.cik,
          letter.form,
          letter.filingDate,
          letter.acceptanceDateTime,
          letter.parserVersion,
        ],
      );
    }
  });
}

/** The letters row's version (xmin): it changes when anything writes the row. */
async function rowVersion(schema: string, accessionNumber: string): Promise<string> {
  return withClient(schema, async (client) => {
    const { rows } = await client.query<{ v: string }>(
      'SELECT xmin::text AS v FROM letters WHERE accession_number = $1',
      [accessionNumber],
    );
    assert.ok(rows[0], `letter ${accessionNumber} is stored`);
    return rows[0].v;
  });
}

const ids = (letters: ReadonlyArray<{ accessionNumber: string }>) => letters.map((l) => l.accessionNumber);

describe('PostgreSQL letter threads', () => {
  it('a schema-5 store opens with the thread ids it had, read by every letter reader and filter', async () => {
    const schema = `${prefix}_${++schemas}`;
    const a = makeLetter({ accessionNumber: accessionFor(1), threadId: '001-35126/2014-1' });
    const b = makeLetter({ accessionNumber: accessionFor(2), threadId: '001-35126/2014-1' });
    const c = makeLetter({ accessionNumber: accessionFor(3), threadId: null });
    await schema5Store(schema, [a, b, c]);
    const store = await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema });
    try {
      assert.deepEqual(await store.getLetter(a.accessionNumber), a);
      assert.deepEqual(await store.getLetter(c.accessionNumber), c);
      const all = await collect(store.listLetters());
      assert.deepEqual(
        all.map((l) => [l.accessionNumber, l.threadId]),
        [a, b, c].map((l) => [l.accessionNumber, l.threadId]),
      );
      assert.deepEqual(ids(await collect(store.listLetters({ threadId: '001-35126/2014-1' }))), ids([a, b]));
      assert.equal(await store.countLetters({ threadId: '001-35126/2014-1' }), 2);
      const rows = await store.pageLetters({ threadId: '001-35126/2014-1' }, 10, { text: false });
      assert.deepEqual(
        rows.map((r) => r.threadId),
        ['001-35126/2014-1', '001-35126/2014-1'],
      );
      // Re-storing what schema 5 stored writes nothing, with its thread or without one.
      assert.equal(await store.upsertLetter(a), 'unchanged');
      assert.equal(await store.upsertLetter({ ...b, threadId: null }), 'unchanged');
      // The JSON of a letter stored before still holds its old threadId; readers take letter_threads'.
      await store.assignThreads([{ accessionNumber: a.accessionNumber, threadId: '001-35126/2015-1' }]);
      assert.equal((await store.getLetter(a.accessionNumber))?.threadId, '001-35126/2015-1');
      assert.deepEqual(ids(await collect(store.listLetters({ threadId: '001-35126/2014-1' }))), ids([b]));
      await store.migrate();
      assert.equal((await store.getLetter(b.accessionNumber))?.threadId, '001-35126/2014-1', 'migrating again');
    } finally {
      await store.close();
    }
  });

  it('assigning or changing a thread leaves the letters row as it is; a new letter is stored with its thread', async () => {
    const schema = `${prefix}_${++schemas}`;
    const store = await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema });
    try {
      const letter = makeLetter({ accessionNumber: accessionFor(1), threadId: null });
      assert.equal(await store.upsertLetter(letter), 'inserted');
      const stored = await rowVersion(schema, letter.accessionNumber);
      await store.assignThreads([{ accessionNumber: letter.accessionNumber, threadId: 'review-1' }]);
      assert.equal(await rowVersion(schema, letter.accessionNumber), stored, 'assignThreads');
      assert.equal(await store.upsertLetter({ ...letter, threadId: 'review-2' }), 'updated');
      assert.equal(await rowVersion(schema, letter.accessionNumber), stored, 'upsert with a new thread only');
      assert.equal((await store.getLetter(letter.accessionNumber))?.threadId, 'review-2');
      assert.equal(await store.upsertLetter({ ...letter, threadId: 'review-2' }), 'unchanged');

      const threaded = makeLetter({ accessionNumber: accessionFor(2), threadId: 'review-3' });
      assert.equal(await store.upsertLetter(threaded), 'inserted');
      assert.deepEqual(await store.getLetter(threaded.accessionNumber), threaded);
      // The same accession twice in one call: the last assignment wins (no "affect row a second time").
      await store.assignThreads([
        { accessionNumber: threaded.accessionNumber, threadId: 'review-4' },
        { accessionNumber: threaded.accessionNumber, threadId: 'review-5' },
      ]);
      assert.equal((await store.getLetter(threaded.accessionNumber))?.threadId, 'review-5');
    } finally {
      await store.close();
    }
  });
});
