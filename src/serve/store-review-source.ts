/**
 * ReviewSource over the store: conversations and comments from the stored analytic tables (keyset pages,
 * filters in SQL), a review's letters from the letters table. A review whose rows are not stored yet (a store
 * filled before the analytic tables existed, until its next backfill or reparse) is derived from its letters.
 */
import type { Letter } from '../letter/schema.ts';
import type { DocumentStore, PageRequest } from '../store/document-store.ts';
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

export class StoreReviewSource implements ReviewSource {
  readonly #store: DocumentStore;

  constructor(store: DocumentStore) {
    this.#store = store;
  }

  async getReview(threadId: string): Promise<Review | null> {
    const letters: Letter[] = [];
    for await (const letter of this.#store.listLetters({ threadId })) letters.push(letter);
    if (letters.length === 0) return null;
    const conversation = await this.#store.getConversation(threadId);
    if (conversation === null) return deriveReview(threadId, letters);
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
