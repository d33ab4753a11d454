/**
 * ReviewSource answered from the stored letters: a review is derived from its thread's letters on each
 * request (review-derive.ts). Listing conversations or comments reads the letters the filter's company or file
 * number narrows to, or every letter without one, so those lists cost a scan of the store until the analytic
 * tables are stored; one review costs one indexed read by thread id.
 */
import type { Letter } from '../letter/schema.ts';
import type { DocumentStore, LetterFilter } from '../store/document-store.ts';
import { pageOf } from './cursor.ts';
import { deriveReview } from './review-derive.ts';
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
    return deriveReview(threadId, letters);
  }

  async listConversations(
    filter: ConversationFilter,
    limit: number,
    cursor: string | null,
  ): Promise<RowPage<ConversationRow>> {
    const rows = (await this.#reviews(filter))
      .map((review) => ({ review, row: review.conversation }))
      .filter(({ review, row }) => matchesConversation(row, review.comments, filter))
      .map(({ row }) => row)
      .sort((a, b) => a.firstLetterDate.localeCompare(b.firstLetterDate) || a.threadId.localeCompare(b.threadId));
    return pageOf(rows, (row) => [row.firstLetterDate, row.threadId], 2, limit, cursor);
  }

  async listComments(filter: CommentFilter, limit: number, cursor: string | null): Promise<RowPage<CommentRow>> {
    const rows = (await this.#reviews(filter))
      .flatMap((review) => review.comments)
      .filter((row) => matchesComment(row, filter))
      .sort(
        (a, b) =>
          a.letterDate.localeCompare(b.letterDate) ||
          a.threadId.localeCompare(b.threadId) ||
          a.round - b.round ||
          a.number - b.number,
      );
    return pageOf(rows, (r) => [r.letterDate, r.threadId, r.round, r.number], 4, limit, cursor);
  }

  /** The reviews touching the filter's company or file number (every review without either). */
  async #reviews(filter: { fileNumber?: string; cik?: string }): Promise<Review[]> {
    const narrow: LetterFilter = { fileNumber: filter.fileNumber, cik: filter.cik };
    const threads = new Map<string, Letter[]>();
    for await (const letter of this.#store.listLetters(narrow)) {
      if (letter.threadId === null) continue;
      const list = threads.get(letter.threadId) ?? [];
      list.push(letter);
      threads.set(letter.threadId, list);
    }
    const reviews: Review[] = [];
    for (const [threadId, found] of threads) {
      // A thread's other letters may not name the file number: the review is read whole.
      const letters = filter.fileNumber === undefined ? found : await this.#threadLetters(threadId);
      const review = deriveReview(threadId, letters);
      if (review) reviews.push(review);
    }
    return reviews;
  }

  async #threadLetters(threadId: string): Promise<Letter[]> {
    const letters: Letter[] = [];
    for await (const letter of this.#store.listLetters({ threadId })) letters.push(letter);
    return letters;
  }
}

function inRange(date: string, since?: string, until?: string): boolean {
  return (since === undefined || date >= since) && (until === undefined || date <= until);
}

export function matchesConversation(
  row: ConversationRow,
  comments: readonly CommentRow[],
  filter: ConversationFilter,
): boolean {
  return (
    inRange(row.firstLetterDate, filter.since, filter.until) &&
    (filter.status === undefined || row.status === filter.status) &&
    (filter.topic === undefined || row.topics.some((t) => t.topic === filter.topic)) &&
    (filter.authority === undefined || comments.some((c) => c.authorities.includes(filter.authority!)))
  );
}

export function matchesComment(row: CommentRow, filter: CommentFilter): boolean {
  return (
    inRange(row.letterDate, filter.since, filter.until) &&
    (filter.cik === undefined || row.cik === filter.cik) &&
    (filter.status === undefined || row.resolution === filter.status) &&
    (filter.topic === undefined || row.topics.includes(filter.topic)) &&
    (filter.authority === undefined || row.authorities.includes(filter.authority))
  );
}
