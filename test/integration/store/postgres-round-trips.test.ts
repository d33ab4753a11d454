/**
 * Round trips of the PostgreSQL store's ingest: every query any pg client of this process sends is counted
 * (pg.Client.prototype.query wrapped), so a letter's writes split into several statements fail the test.
 * On a loaded server each round trip waits for a core: at 10^5 letters 7 of them made the ingest crawl.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import { accessionFor, letterSeries, makeLetter } from '../../fixtures/letters.ts';
import { TEST_POSTGRES_URL, dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from './postgres-test-server.ts';

await requireTestPostgres();
const prefix = uniqueSchemaPrefix('round_trips');
after(() => dropSchemas(prefix));

/** Queries sent by every pg client while `work` runs. */
async function countQueries(work: () => Promise<void>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}

describe('postgres upsertLetter round trips', () => {
  it('stores, re-stores, changes and re-infers a letter in one round trip each', async () => {
    const store = await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema: `${prefix}_1` });
    try {
      const letters = letterSeries(5);
      const outcomes: string[] = [];
      const store5 = async () => {
        for (const letter of letters) outcomes.push(await store.upsertLetter(letter));
      };
      assert.equal(await countQueries(store5), 5, 'five new letters');
      assert.equal(await countQueries(store5), 5, 'five unchanged letters');
      assert.deepEqual(outcomes, [...Array(5).fill('inserted'), ...Array(5).fill('unchanged')]);
      const letter = letters[0]!;
      const changed = { ...letter, text: `${letter.text}\n\nAmended.`, fileNumbers: ['333-199812'] };
      assert.equal(await countQueries(async () => void (await store.upsertLetter(changed))), 1, 'a changed letter');
      const inferred = [{ fileNumber: '001-40000', via: accessionFor(9), relation: 'answers' }] as const;
      const reinfer = async () => void (await store.upsertLetter(changed, { inferredFileNumbers: inferred }));
      assert.equal(await countQueries(reinfer), 1, 'inferred numbers replaced');
      assert.equal(await store.countLetters({ fileNumber: '333-199812' }), 1);
      assert.deepEqual(await store.listInferredFileNumbers(letter.accessionNumber), inferred);
    } finally {
      await store.close();
    }
  });

  it('a letter invalid for the schema sends nothing', async () => {
    const store = await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema: `${prefix}_2` });
    try {
      const invalid = { ...makeLetter(), form: 'NOPE' } as unknown as Parameters<typeof store.upsertLetter>[0];
      const sent = await countQueries(() =>
        store.upsertLetter(invalid).then(
          () => {},
          () => {},
        ),
      );
      assert.equal(sent, 0);
    } finally {
      await store.close();
    }
  });
});
