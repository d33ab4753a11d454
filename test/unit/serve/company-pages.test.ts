/**
 * A company's page shows its reviews a page at a time: a company of hundreds of reviews (the scale store's
 * 5,000-letter company: 555 reviews, 2 MB of HTML read in 1.3-2.3 s when shown whole) reads and renders only
 * one page of them, and the "Later reviews" links walk every review exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { REVIEWS_PER_PAGE } from '../../../src/serve/page-routes.ts';
import type { Review, ReviewSource, RowPage, ConversationRow } from '../../../src/serve/review-rows.ts';
import { startServeServer, type RunningServer } from '../../../src/serve/serve-app.ts';
import type { DocumentStore } from '../../../src/store/document-store.ts';
import { makeConversation } from '../../fixtures/analytics-rows.ts';

const REVIEWS = REVIEWS_PER_PAGE * 2 + 5;
const conversations: ConversationRow[] = Array.from({ length: REVIEWS }, (_, i) =>
  makeConversation({
    threadId: `thread-${String(i).padStart(3, '0')}`,
    cik: '1999999',
    companyName: 'Many Reviews Inc.',
    firstLetterDate: `20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`,
  }),
);

/** Conversations in their listing order, the cursor being the next row's index; getReview calls counted. */
class ManyReviews implements ReviewSource {
  reads = 0;
  async getReview(threadId: string): Promise<Review | null> {
    this.reads++;
    const conversation = conversations.find((c) => c.threadId === threadId);
    return conversation ? { conversation, letters: [], comments: [] } : null;
  }
  async listConversations(_filter: unknown, limit: number, cursor: string | null): Promise<RowPage<ConversationRow>> {
    const start = cursor === null ? 0 : Number(cursor);
    const data = conversations.slice(start, start + limit);
    return { data, next: start + limit < conversations.length ? String(start + limit) : null };
  }
  async listComments(): Promise<RowPage<never>> {
    return { data: [], next: null };
  }
}

describe('company page', () => {
  const reviews = new ManyReviews();
  let server: RunningServer;
  before(async () => {
    // The company route reads only the reviews.
    server = await startServeServer({ store: {} as DocumentStore, reviews }, { host: '127.0.0.1', port: 0 });
  });
  after(() => server?.close());

  it('shows one page of reviews at a time and links to the later ones until every review is shown once', async () => {
    const seen: string[] = [];
    let path: string | null = '/companies/1999999';
    const pages: number[] = [];
    while (path !== null) {
      reviews.reads = 0;
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 200, path);
      const body = await res.text();
      const shown = [...body.matchAll(/<section class="review" aria-labelledby="t-(thread-\d+)"/g)].map((m) => m[1]!);
      assert.ok(shown.length <= REVIEWS_PER_PAGE, `${path}: ${shown.length} reviews on one page`);
      assert.ok(reviews.reads <= REVIEWS_PER_PAGE, `${path}: ${reviews.reads} reviews read for one page`);
      seen.push(...shown);
      pages.push(shown.length);
      const next = /<a href="(\?cursor=[^"]+)" rel="next">Later reviews<\/a>/.exec(body)?.[1];
      path = next === undefined ? null : `/companies/1999999${next.replaceAll('&amp;', '&')}`;
    }
    assert.deepEqual(pages, [REVIEWS_PER_PAGE, REVIEWS_PER_PAGE, 5]);
    assert.deepEqual(
      seen,
      conversations.map((c) => c.threadId),
    );
  });

  it('answers an empty cursor with 400', async () => {
    const res = await fetch(`${server.url}/companies/1999999?cursor=`);
    assert.equal(res.status, 400);
  });
});
