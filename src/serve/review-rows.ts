/**
 * The rows the read API and viewer show, in the shapes of DESIGN.md "Analytic tables" (`comments`,
 * `conversations`, src/analytics/rows.ts). `ReviewSource` is the small port the routes and pages read them
 * through: store-review-source.ts answers it from the stored analytic tables (and derives a review the tables
 * do not hold yet from its letters).
 */
import type { CommentRow, ConversationRow } from '../analytics/rows.ts';
import type { Letter, LetterForm, LetterKind } from '../letter/schema.ts';
import type { CommentFilter, ConversationFilter, Page } from '../store/document-store.ts';

export type { CommentRow, ConversationRow, CommentFilter, ConversationFilter };
export type RowPage<T> = Page<T>;

/** A letter as a review lists it (no text, no items). */
export interface ReviewLetter {
  readonly accessionNumber: string;
  readonly form: LetterForm;
  readonly cik: string;
  readonly sender: Letter['sender'];
  readonly kind: LetterKind;
  readonly letterDate: string | null;
  readonly filingDate: string;
  readonly disseminationDate: string | null;
  /** For a company letter: the staff letter it answers; for a staff letter: the company letter it answers. */
  readonly answers: string | null;
  /** Days since the letter it answers. */
  readonly daysToAnswer: number | null;
  /** Round of a staff comment letter (1-based), else null. */
  readonly round: number | null;
}

/** `/api/conversations/{threadId}`: the review with its letters and comments. */
export interface Review {
  readonly conversation: ConversationRow;
  readonly letters: readonly ReviewLetter[];
  readonly comments: readonly CommentRow[];
}

/** The port: reviews, their comments and conversation rows. */
export interface ReviewSource {
  /** The review of this thread, or null when no stored letter carries the id. */
  getReview(threadId: string): Promise<Review | null>;
  /** Conversations matching the filter, by firstLetterDate then threadId, after `cursor`. */
  listConversations(
    filter: ConversationFilter,
    limit: number,
    cursor: string | null,
  ): Promise<RowPage<ConversationRow>>;
  /** Comments matching the filter, by the staff letter's date, thread, round and number, after `cursor`. */
  listComments(filter: CommentFilter, limit: number, cursor: string | null): Promise<RowPage<CommentRow>>;
}
