/** Contract: the analytic tables `comments` and `conversations`: replaced per review, filtered, paged by cursor. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommentRow, ConversationRow } from '../../src/analytics/rows.ts';
import type { DocumentStore } from '../../src/store/document-store.ts';
import { InvalidCursorError } from '../../src/store/store-errors.ts';
import { makeLetter } from '../fixtures/letters.ts';
import { makeThread } from '../fixtures/analytics-rows.ts';
import { collect, withStore, type DocumentStoreHarness } from './harness.ts';

const threadIds = (rows: readonly ConversationRow[]): string[] => rows.map((r) => r.threadId);
const commentKeys = (rows: readonly CommentRow[]): string[] => rows.map((r) => `${r.threadId}#${r.number}`);

/** Three reviews: two of company 1 (file 001-35126), one of company 2 (file 333-199812). */
async function seed(store: DocumentStore): Promise<void> {
  await store.replaceThreadAnalytics([
    makeThread('a', { firstLetterDate: '2013-09-27', count: 2 }),
    makeThread('b', { firstLetterDate: '2015-03-02', count: 4 }),
    makeThread('c', { cik: '320193', fileNumber: '333-199812', firstLetterDate: '2014-06-10', count: 3 }),
  ]);
}

export function analyticsContract(harness: DocumentStoreHarness): void {
  describe('analytic tables', () => {
    it('returns each row as stored, fields in schema order, and a review by its threadId', () =>
      withStore(harness, async ({ store }) => {
        const thread = makeThread('1508475/001-35126 2013', { count: 3 });
        await store.replaceThreadAnalytics([thread]);
        const conversation = await store.getConversation('1508475/001-35126 2013');
        assert.equal(JSON.stringify(conversation), JSON.stringify(thread.conversation));
        assert.equal(await store.getConversation('missing'), null);
        const { data, next } = await store.listComments({ filter: { threadId: '1508475/001-35126 2013' } });
        assert.equal(JSON.stringify(data), JSON.stringify(thread.comments));
        assert.equal(next, null);
      }));

    it('replacing a review stores its rows once; a rebuild of the company drops the reviews it no longer has', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        await store.replaceThreadAnalytics([makeThread('a', { count: 5 })]);
        assert.equal((await collect(store.streamComments({ threadId: 'a' }))).length, 5);
        assert.deepEqual(threadIds(await collect(store.streamConversations())), ['a', 'c', 'b']);
        // Company 1 rebuilt: its reviews a and b merged into a2.
        await store.replaceThreadAnalytics([makeThread('a2', { count: 1 })], { ciks: ['1508475'] });
        assert.deepEqual(threadIds(await collect(store.streamConversations())), ['a2', 'c']);
        assert.deepEqual(commentKeys(await collect(store.streamComments({ cik: '1508475' }))), ['a2#1']);
      }));

    it('filters comments by file number, CIK, letter date, topic, authority (prefix) and resolution', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        const keys = async (filter: Parameters<DocumentStore['streamComments']>[0]) =>
          commentKeys(await collect(store.streamComments(filter))).sort();
        assert.deepEqual(await keys({ fileNumber: '333-199812' }), ['c#1', 'c#2', 'c#3']);
        assert.deepEqual(await keys({ cik: '0000320193' }), ['c#1', 'c#2', 'c#3']);
        assert.deepEqual(await keys({ since: '2014-06-28', until: '2015-03-02' }), ['b#1', 'b#2', 'c#3']);
        assert.deepEqual(await keys({ topic: 'revenue', cik: '1508475' }), ['a#2', 'b#2', 'b#4']);
        assert.deepEqual(await keys({ authority: 'asc 606', fileNumber: '333-199812' }), ['c#2']);
        assert.deepEqual(await keys({ authority: 'S-K 10', cik: '320193' }), ['c#1', 'c#3']);
        assert.deepEqual(await keys({ authority: 'ASC 60' }), []);
        assert.deepEqual(await keys({ status: 'open', cik: '1508475' }), ['a#2', 'b#3', 'b#4']);
      }));

    it('filters conversations by file number, CIK, first letter date, any comment topic or authority, status', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        const ids = async (filter: Parameters<DocumentStore['streamConversations']>[0]) =>
          threadIds(await collect(store.streamConversations(filter)));
        assert.deepEqual(await ids({ fileNumber: '001-35126' }), ['a', 'b']);
        assert.deepEqual(await ids({ since: '2014-01-01' }), ['c', 'b']);
        assert.deepEqual(await ids({ until: '2014-06-10' }), ['a', 'c']);
        assert.deepEqual(await ids({ topic: 'non_gaap' }), ['a', 'c', 'b']);
        assert.deepEqual(await ids({ authority: 'ASC 606-10-25-19', cik: '320193' }), ['c']);
        assert.deepEqual(await ids({ status: 'answered' }), ['a', 'c', 'b']);
        assert.deepEqual(await ids({ status: 'complete' }), []);
      }));

    it('pages by cursor: every row once, in order, the last page saying next null; a foreign cursor is refused', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        const all = commentKeys(await collect(store.streamComments()));
        assert.equal(all.length, 9);
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<DocumentStore['listComments']>> = await store.listComments({
            limit: 2,
            cursor,
          });
          assert.ok(page.data.length <= 2);
          paged.push(...commentKeys(page.data));
          cursor = page.next;
        } while (cursor !== null);
        assert.deepEqual(paged, all);
        const first = await store.listConversations({ limit: 2 });
        assert.deepEqual(threadIds(first.data), ['a', 'c']);
        const second = await store.listConversations({ limit: 2, cursor: first.next });
        assert.deepEqual(threadIds(second.data), ['b']);
        assert.equal(second.next, null);
        await assert.rejects(store.listComments({ cursor: first.next }), InvalidCursorError);
        await assert.rejects(store.listConversations({ cursor: 'not a cursor' }), InvalidCursorError);
      }));

    it('filters letters and search hits by an item topic or authority', () =>
      withStore(harness, async ({ store }) => {
        const base = makeLetter();
        const item = { ...base.items[0]!, topics: ['revenue' as const], authorities: ['ASC 606-10-25-19'] };
        const tagged = makeLetter({ accessionNumber: '0001193125-14-000111', items: [item] });
        const other = makeLetter({ accessionNumber: '0001193125-14-000222', items: [] });
        await store.upsertLetter(tagged);
        await store.upsertLetter(other);
        const ids = async (filter: Parameters<DocumentStore['listLetters']>[0]) =>
          (await collect(store.listLetters(filter))).map((l) => l.accessionNumber);
        assert.deepEqual(await ids({ topic: 'revenue' }), [tagged.accessionNumber]);
        assert.deepEqual(await ids({ authority: 'ASC 606' }), [tagged.accessionNumber]);
        assert.deepEqual(await ids({ topic: 'tax' }), []);
        assert.equal(await store.countLetters({ authority: 'asc 606-10' }), 1);
        const hits = await store.searchLetters('bundled hosting', { filter: { topic: 'revenue' } });
        assert.deepEqual(
          hits.map((h) => h.accessionNumber),
          [tagged.accessionNumber],
        );
      }));
  });
}
