/**
 * serve over PostgreSQL: the demo letters copied into a schema of the test server answer the same routes
 * (letters page, one review, search with a filter, the review page) as over SQLite.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Letter } from '../../../src/letter/schema.ts';
import { startServeServer, type RunningServer } from '../../../src/serve/serve-app.ts';
import { StoreReviewSource } from '../../../src/serve/store-review-source.ts';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import {
  TEST_POSTGRES_URL,
  dropSchemas,
  requireTestPostgres,
  uniqueSchemaPrefix,
} from '../store/postgres-test-server.ts';
import { REVIEW_ID, openDemoStore } from './demo-store.ts';

const prefix = uniqueSchemaPrefix('serve');
let store: PostgresDocumentStore;
let server: RunningServer;

before(async () => {
  await requireTestPostgres();
  const demo = await openDemoStore();
  const letters: Letter[] = [];
  try {
    for await (const letter of demo.store.listLetters()) letters.push(letter);
  } finally {
    await demo.close();
  }
  store = await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema: `${prefix}_a` });
  for (const letter of letters) await store.upsertLetter(letter);
  await store.assignThreads(
    letters.flatMap((l) => (l.threadId ? [{ accessionNumber: l.accessionNumber, threadId: l.threadId }] : [])),
  );
  server = await startServeServer({ store, reviews: new StoreReviewSource(store) }, { host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server?.close();
  await store?.close();
  await dropSchemas(prefix);
});

describe('serve over PostgreSQL', () => {
  it('answers letters, a review, a filtered search and the review page', async () => {
    const letters = (await (await fetch(`${server.url}/api/letters?limit=5`)).json()) as {
      data: unknown[];
      next: string | null;
    };
    assert.equal(letters.data.length, 5);
    const rest = await fetch(`${server.url}/api/letters?limit=5&cursor=${encodeURIComponent(letters.next!)}`);
    assert.equal(rest.status, 200);
    const review = (await (await fetch(`${server.url}/api/conversations/${encodeURIComponent(REVIEW_ID)}`)).json()) as {
      conversation: { rounds: number };
    };
    assert.equal(review.conversation.rounds, 2);
    const hits = (await (await fetch(`${server.url}/api/search?q=revenue&form=UPLOAD&limit=2`)).json()) as {
      data: Array<{ form: string }>;
    };
    assert.ok(hits.data.length > 0 && hits.data.every((h) => h.form === 'UPLOAD'));
    const page = await fetch(`${server.url}/reviews/${encodeURIComponent(REVIEW_ID)}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /id="r1-c1"/);
  });
});
