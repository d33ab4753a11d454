/** dispatchRefs: each filing goes to the queue the lifecycle names, or to none. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FilingRef } from '../../../../src/discover/filing-ref.ts';
import { dispatchRefs } from '../../../../src/pipeline/distributed/dispatch.ts';
import { PARSER_VERSION } from '../../../../src/pipeline/parser-version.ts';
import { closeQueues, openQueues } from '../../../../src/queue/queues.ts';
import { SqliteDocumentStore } from '../../../../src/store/sqlite-document-store.ts';
import { accessionFor, makeFilingRef } from '../../../fixtures/letters.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from '../../distributed/support/redis.ts';

const ARCHIVE = { sha256: 'b'.repeat(64), bytes: 100 };

describe('dispatchRefs', () => {
  it('sends each filing where the lifecycle says, and a crawl leaves failures alone', async () => {
    const url = await requireSharedRedis();
    const connection = { url, prefix: uniquePrefix('dispatch') };
    const queues = openQueues(connection);
    const store = await SqliteDocumentStore.open(':memory:');
    try {
      const ref = (n: number): FilingRef => makeFilingRef({ accessionNumber: accessionFor(n) });
      const refs = [1, 2, 3, 4, 5, 6, 7].map(ref);
      await store.recordDiscovered(refs.slice(0, 6));
      // 1 discovered; 2 fetched; 3 failed at parse, archived; 4 archive damaged; 5 oversize; 6 parsed; 7 unknown.
      for (const n of [2, 3, 4]) await store.recordFetched(accessionFor(n), ARCHIVE);
      const failed = (reason: 'corrupt-pdf' | 'archive-damaged' | 'oversize', stage: 'parse' | 'fetch') => ({
        stage,
        code: 'BAD_INPUT' as const,
        reason,
        badInputReason: reason,
      });
      await store.recordFailed(accessionFor(3), failed('corrupt-pdf', 'parse'));
      await store.recordFailed(accessionFor(4), failed('archive-damaged', 'parse'));
      await store.recordFailed(accessionFor(5), failed('oversize', 'fetch'));
      await store.recordFetched(accessionFor(6), ARCHIVE);
      await store.recordHeld(
        accessionFor(6),
        { reason: 'unnumbered', fileNumbers: [], parserVersion: PARSER_VERSION },
        'h',
      );

      const jobs = async () => ({
        fetch: (await queues.fetch.getWaiting()).map((j) => j.id).sort(),
        parse: (await queues.parse.getWaiting()).map((j) => j.id).sort(),
      });
      const backfill = { scope: { fileNumbers: ['001-35126'] }, retryFailed: true, parserVersion: PARSER_VERSION };
      assert.deepEqual(await dispatchRefs(store, queues, refs, backfill), { fetch: 3, parse: 2, done: 2 });
      assert.deepEqual(await jobs(), {
        fetch: [1, 4, 7].map((n) => accessionFor(n)),
        parse: [2, 3].map((n) => accessionFor(n)),
      });

      await queues.fetch.obliterate({ force: true });
      await queues.parse.obliterate({ force: true });
      const crawl = { scope: null, retryFailed: false, parserVersion: PARSER_VERSION };
      assert.deepEqual(await dispatchRefs(store, queues, refs, crawl), { fetch: 2, parse: 2, done: 3 });
      assert.deepEqual(await jobs(), {
        fetch: [1, 7].map((n) => accessionFor(n)),
        parse: [2, 6].map((n) => accessionFor(n)),
      });
    } finally {
      await store.close();
      await closeQueues(queues);
      await deletePrefix(url, connection.prefix);
    }
  });
});
