/**
 * ReviewSource over the store: conversations and comments from the stored analytic tables (keyset pages,
 * filters in SQL), a review's letters from the letters table. A review whose rows are not stored yet (a store
 * filled before the analytic tables existed, until its next backfill or reparse) is derived from its letters.
 */
import type { Letter } from '../letter/schema.ts';
import type { DocumentStore, LetterFilter, LetterRow, PageRequest } from '../store/document-store.ts';
import { letterSortKey } from '../store/letter-record.ts';
import { InvalidCursorError } from '../store/store-errors.ts';
import { badRequest } from './http-error.ts';
import { deriveReview, reviewLetters } from './review-derive.ts';
import type {
  CommentFilter,
  CommentRow,
  ConversationFilter,
  ConversationRow,
  Review,
  ReviewSource,
  RowPage,
} from './review-rows.ts';

/** Letters per store read when a review's letters are listed. */
const LETTERS_PER_READ = 500;

export class StoreReviewSource implements ReviewSource {
  readonly #store: DocumentStore;

  constructor(store: DocumentStore) {
    this.#store = store;
  }

  async getReview(threadId: string): Promise<Review | null> {
    const conversation = await this.#store.getConversation(threadId);
    if (conversation === null) {
      const letters: Letter[] = [];
      for await (const letter of this.#store.listLetters({ threadId })) letters.push(letter);
      return deriveReview(threadId, letters);
    }
    // A review lists its letters without their text: the letters' full text is neither returned nor read.
    const letters = await lettersWithoutText(this.#store, threadId);
    if (letters.length === 0) return null;
    const comments: CommentRow[] = [];
    for await (const comment of this.#store.streamComments({ threadId })) comments.push(comment);
    return { conversation, comments, letters: reviewLetters(letters) };
  }

  listConversations(
    filter: ConversationFilter,
    limit: number,
    cursor: string | null,
  ): Promise<RowPage<ConversationRow>> {
    return pageOrBadCursor(() => this.#store.listConversations(request(filter, limit, cursor)));
  }

  listComments(filter: CommentFilter, limit: number, cursor: string | null): Promise<RowPage<CommentRow>> {
    return pageOrBadCursor(() => this.#store.listComments(request(filter, limit, cursor)));
  }
}

/** The letters of a thread as list rows (no `text` column read), page by page in the listing order. */
async function lettersWithoutText(store: DocumentStore, threadId: string): Promise<LetterRow[]> {
  const letters: LetterRow[] = [];
  let after: LetterFilter['after'];
  while (true) {
    const page = await store.pageLetters({ threadId, after }, LETTERS_PER_READ, { text: false });
    letters.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < LETTERS_PER_READ) return letters;
    after = {
      sortKey: letterSortKey(last.acceptanceDateTime, last.filingDate),
      filingDate: last.filingDate,
      accessionNumber: last.accessionNumber,
    };
  }
}

function request<F>(filter: F, limit: number, cursor: string | null): PageRequest<F> {
  return { filter, limit, cursor };
}

/** A cursor the store did not issue is the caller's mistake: 400, not 500. */
async function pageOrBadCursor<T>(read: () => Promise<RowPage<T>>): Promise<RowPage<T>> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(error.message);
    throw error;
  }
}
