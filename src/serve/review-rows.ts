/**
 * The rows the read API and viewer show, in the shapes of DESIGN.md "Analytic tables" (`comments`,
 * `conversations`). `ReviewSource` is the small port the routes and pages read them through: today it is
 * answered by `review-derive.ts` from a thread's stored letters; the analytic tables, once stored, answer it
 * from the store instead, and nothing above this port changes.
 */
import type { Letter, LetterForm, LetterKind, Topic } from '../letter/schema.ts';

export const RESOLUTIONS = ['addressed', 'followed_up', 'reissued', 'open'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const CONVERSATION_STATUSES = ['complete', 'answered', 'open'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface CommentResponse {
  readonly accessionNumber: string;
  readonly letterDate: string | null;
  readonly text: string | null;
}

/** One numbered staff comment (DESIGN.md `comments`). */
export interface CommentRow {
  readonly threadId: string;
  readonly cik: string;
  readonly companyName: string;
  readonly fileNumbers: readonly string[];
  readonly accessionNumber: string;
  readonly letterDate: string;
  readonly disseminationDate: string | null;
  readonly round: number;
  readonly number: number;
  readonly headings: readonly string[];
  readonly pageRef: string | null;
  readonly text: string;
  readonly topics: readonly Topic[];
  readonly authorities: readonly string[];
  readonly priorComments: readonly number[];
  readonly reissued: boolean;
  readonly response: CommentResponse | null;
  readonly resolution: Resolution;
}

export interface ReviewedFiling {
  readonly form: string | null;
  readonly fiscalYearEnd: string | null;
  readonly filedDate: string | null;
  readonly accessionNumber: string | null;
}

/** One review (DESIGN.md `conversations`). */
export interface ConversationRow {
  readonly threadId: string;
  readonly cik: string;
  readonly companyName: string;
  readonly fileNumbers: readonly string[];
  readonly reviewedFiling: ReviewedFiling | null;
  readonly firstLetterDate: string;
  readonly lastLetterDate: string;
  readonly firstDisseminated: string | null;
  readonly lastDisseminated: string | null;
  readonly staffLetters: number;
  readonly companyLetters: number;
  readonly rounds: number;
  readonly comments: number;
  readonly reissuedComments: number;
  readonly extensionRequests: number;
  readonly accelerationRequests: number;
  readonly status: ConversationStatus;
  readonly closingLetter: string | null;
  readonly daysOpen: number;
  readonly medianDaysToRespond: number | null;
  readonly staff: readonly string[];
  readonly office: string | null;
  readonly copied: readonly string[];
  readonly topics: ReadonlyArray<{ readonly topic: Topic; readonly comments: number }>;
}

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

export interface ConversationFilter {
  readonly fileNumber?: string;
  readonly cik?: string;
  /** firstLetterDate >= since. */
  readonly since?: string;
  readonly until?: string;
  readonly topic?: Topic;
  readonly authority?: string;
  readonly status?: ConversationStatus;
}

export interface CommentFilter {
  readonly fileNumber?: string;
  readonly cik?: string;
  /** The staff letter's letterDate >= since. */
  readonly since?: string;
  readonly until?: string;
  readonly topic?: Topic;
  readonly authority?: string;
  readonly status?: Resolution;
}

/** A page of rows after an opaque position; `next` is null on the last page. */
export interface RowPage<T> {
  readonly data: readonly T[];
  readonly next: string | null;
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
