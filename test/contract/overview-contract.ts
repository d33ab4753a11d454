/** Contract: the overview's counts, grouped by the store, equal the same counts computed from the stored rows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommentRow, ConversationRow } from '../../src/analytics/rows.ts';
import { authorityDisplay } from '../../src/store/analytics-sql.ts';
import type { DocumentStore, OverviewCounts } from '../../src/store/document-store.ts';
import { makeThread } from '../fixtures/analytics-rows.ts';
import { accessionFor, makeLetter } from '../fixtures/letters.ts';
import { collect, withStore, type DocumentStoreHarness } from './harness.ts';

const LIMITS = { authorities: 2, recent: 3 };

function tally<K>(keys: readonly K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The counts, computed row by row as the overview did before the store grouped them. */
async function countedFromRows(store: DocumentStore): Promise<OverviewCounts> {
  const letters = await store.pageLetters({}, 1000, { text: false });
  const conversations: ConversationRow[] = await collect(store.streamConversations());
  const comments: CommentRow[] = await collect(store.streamComments());
  const valueCounts = <T>(m: Map<T, number>) => [...m].map(([value, count]) => ({ value, count }));
  const lettersByYear = [...tally(letters.map((l) => `${l.filingDate.slice(0, 4)}|${l.form}`))];
  const topics = comments.flatMap((c) => [
    `${c.letterDate.slice(0, 4)}|`,
    ...[...new Set(c.topics)].map((t) => `${c.letterDate.slice(0, 4)}|${t}`),
  ]);
  const authorities = comments.flatMap((c) => [...new Set(c.authorities.map((a) => a.toLowerCase()))]);
  const spellings = comments.flatMap((c) => c.authorities);
  return {
    lettersByYear: lettersByYear
      .map(([key, count]) => ({ year: key.split('|')[0]!, form: key.split('|')[1]!, count }))
      .sort((a, b) => byKey(a.year + a.form, b.year + b.form)),
    rounds: valueCounts(tally(conversations.map((c) => c.rounds))).sort((a, b) => a.value - b.value),
    daysOpen: valueCounts(tally(conversations.filter((c) => c.status === 'complete').map((c) => c.daysOpen))).sort(
      (a, b) => a.value - b.value,
    ),
    topicsByYear: [...tally(topics)]
      .map(([key, count]) => ({ year: key.split('|')[0]!, topic: key.split('|')[1] || null, count }))
      .sort((a, b) => byKey(a.year + (a.topic ?? ''), b.year + (b.topic ?? ''))),
    authorities: valueCounts(tally(authorities))
      .sort((a, b) => b.count - a.count || byKey(a.value, b.value))
      .slice(0, LIMITS.authorities)
      .map(({ value, count }) => ({ value: authorityDisplay(value, spellings), count })),
    recent: [...conversations]
      .sort((a, b) => byKey(b.lastLetterDate, a.lastLetterDate) || byKey(a.threadId, b.threadId))
      .slice(0, LIMITS.recent),
  };
}

async function seed(store: DocumentStore): Promise<void> {
  const letters = [
    makeLetter({ accessionNumber: accessionFor(1, 13), filingDate: '2013-02-01' }),
    makeLetter({ accessionNumber: accessionFor(2, 13), filingDate: '2013-05-01', form: 'UPLOAD' }),
    makeLetter({ accessionNumber: accessionFor(3, 15), filingDate: '2015-07-01' }),
  ];
  for (const letter of letters) await store.upsertLetter(letter);
  const complete = (id: string, rounds: number, daysOpen: number, last: string) => {
    const thread = makeThread(id, { firstLetterDate: '2014-06-10', count: rounds + 1 });
    const conversation = {
      ...thread.conversation,
      status: 'complete' as const,
      rounds,
      daysOpen,
      lastLetterDate: last,
    };
    return { conversation, comments: thread.comments };
  };
  const blank = makeThread('e', { firstLetterDate: '2016-01-05', count: 1 });
  await store.replaceThreadAnalytics([
    makeThread('a', { firstLetterDate: '2013-09-27', count: 2 }),
    makeThread('b', { cik: '320193', fileNumber: '333-199812', firstLetterDate: '2015-03-02', count: 5 }),
    complete('c', 1, 30, '2014-07-10'),
    complete('d', 5, 400, '2015-08-01'),
    {
      conversation: blank.conversation,
      comments: blank.comments.map((c) => ({
        ...c,
        topics: [],
        authorities: ['asc 606-10-25-19', 'ASC 606-10-25-19'],
      })),
    },
  ]);
}

export function overviewContract(harness: DocumentStoreHarness): void {
  describe('overview counts', () => {
    it('equal the counts computed from the stored letters, conversations and comments', () =>
      withStore(harness, async ({ store }) => {
        assert.deepEqual(await store.overviewCounts(LIMITS), {
          lettersByYear: [],
          rounds: [],
          daysOpen: [],
          topicsByYear: [],
          authorities: [],
          recent: [],
        });
        await seed(store);
        const counts = await store.overviewCounts(LIMITS);
        assert.deepEqual(counts, await countedFromRows(store));
        // Review e's comment cites one authority in two spellings: it counts once, shown as normalised.
        assert.deepEqual(counts.authorities, [
          { value: 'ASC 606-10-25-19', count: 8 },
          { value: 'S-K 10(e)', count: 8 },
        ]);
      }));
  });
}
