import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import type { PipelineDeps } from '../../../src/pipeline/pipeline-deps.ts';
import { rebuildThreads } from '../../../src/pipeline/thread-stage.ts';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { accessionFor, makeLetter } from '../../fixtures/letters.ts';
import { collect } from '../../contract/harness.ts';

const staffItem = (number: number, comment: string) => ({
  number,
  headings: [],
  pageRef: null,
  comment,
  response: null,
  priorComments: [],
  topics: ['non_gaap' as const],
  authorities: ['S-K 10(e)'],
});

/** A review of one company: staff comments (2), the company's response, the staff's closing letter. */
function review() {
  const common = { cik: '1999001', fileNumbers: ['333-190001'], inResponseTo: null, items: [] };
  const comment = makeLetter({
    ...common,
    accessionNumber: accessionFor(10),
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    filingDate: '2014-02-01',
    letterDate: '2014-02-01',
    acceptanceDateTime: null,
    items: [staffItem(1, 'Please revise your non-GAAP measure.'), staffItem(2, 'Explain the adjusted EBITDA.')],
  });
  const response = makeLetter({
    ...common,
    accessionNumber: accessionFor(11),
    filingDate: '2014-02-20',
    letterDate: '2014-02-20',
    inResponseTo: '2014-02-01',
    acceptanceDateTime: null,
  });
  const closing = makeLetter({
    ...common,
    accessionNumber: accessionFor(12),
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'review_complete',
    filingDate: '2014-03-05',
    letterDate: '2014-03-05',
    acceptanceDateTime: null,
  });
  return [comment, response, closing];
}

describe('thread stage: analytic rows', () => {
  it('stores the comments and conversation of every rebuilt review once, however often it is rebuilt', async () => {
    const store = await SqliteDocumentStore.open(':memory:');
    const deps = { store, logger: pino({ level: 'silent' }) } as unknown as PipelineDeps;
    try {
      for (const letter of review()) await store.upsertLetter(letter);
      const first = await rebuildThreads(deps, { ciks: ['1999001'] });
      assert.equal(first.threads, 1);
      await rebuildThreads(deps, { fileNumbers: ['333-190001'] });
      const conversations = await collect(store.streamConversations());
      assert.equal(conversations.length, 1);
      const [conversation] = conversations;
      assert.equal(conversation?.status, 'complete');
      assert.equal(conversation?.comments, 2);
      assert.equal(conversation?.closingLetter, accessionFor(12));
      const comments = await collect(store.streamComments({ topic: 'non_gaap' }));
      assert.deepEqual(
        comments.map((c) => [c.number, c.threadId, c.response?.accessionNumber ?? null]),
        [
          [1, conversation?.threadId, accessionFor(11)],
          [2, conversation?.threadId, accessionFor(11)],
        ],
      );
      assert.equal((await store.getLetter(accessionFor(10)))?.threadId, conversation?.threadId);
    } finally {
      await store.close();
    }
  });
});
