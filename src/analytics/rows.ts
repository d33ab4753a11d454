/**
 * The analytic tables (../DESIGN.md "Analytic tables"): one `CommentRow` per numbered staff comment and one
 * `ConversationRow` per review (thread). Field names are the contract: add fields, never rename or drop one.
 */
import { z } from 'zod';
import { TOPICS } from '../letter/schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');
const accession = z.string().regex(/^\d{10}-\d{2}-\d{6}$/, 'accession number 0000000000-00-000000');

export const RESOLUTIONS = ['addressed', 'followed_up', 'reissued', 'open'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const CONVERSATION_STATUSES = ['complete', 'answered', 'open'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** The company letter answering a staff comment: its accession, date and the response text for that number. */
export const CommentResponseSchema = z.object({
  accessionNumber: accession,
  letterDate: isoDate.nullable(),
  text: z.string().nullable(),
});
export type CommentResponse = z.infer<typeof CommentResponseSchema>;

export const CommentRowSchema = z.object({
  threadId: z.string(),
  cik: z.string(),
  companyName: z.string(),
  fileNumbers: z.array(z.string()),
  /** The staff letter holding the comment. */
  accessionNumber: accession,
  /** The staff letter's date (its filing date when the letter states none). */
  letterDate: isoDate,
  disseminationDate: isoDate.nullable(),
  /** 1 = the review's first staff letter with comments. */
  round: z.number().int().positive(),
  number: z.number().int(),
  headings: z.array(z.string()),
  pageRef: z.string().nullable(),
  text: z.string(),
  topics: z.array(z.enum(TOPICS)),
  authorities: z.array(z.string()),
  /** Comment numbers of the previous staff letter this one follows up. */
  priorComments: z.array(z.number().int()),
  reissued: z.boolean(),
  response: CommentResponseSchema.nullable(),
  resolution: z.enum(RESOLUTIONS),
});
export type CommentRow = z.infer<typeof CommentRowSchema>;

export const ReviewedFilingSchema = z.object({
  form: z.string().nullable(),
  fiscalYearEnd: isoDate.nullable(),
  filedDate: isoDate.nullable(),
  /** Resolved from the company's listed filings; null when not resolvable. */
  accessionNumber: accession.nullable(),
});
export type ReviewedFiling = z.infer<typeof ReviewedFilingSchema>;

export const TopicCountSchema = z.object({ topic: z.enum(TOPICS), comments: z.number().int().nonnegative() });
export type TopicCount = z.infer<typeof TopicCountSchema>;

const count = z.number().int().nonnegative();

export const ConversationRowSchema = z.object({
  threadId: z.string(),
  cik: z.string(),
  companyName: z.string(),
  fileNumbers: z.array(z.string()),
  /** The filing under review, or null when no letter names one. */
  reviewedFiling: ReviewedFilingSchema.nullable(),
  firstLetterDate: isoDate,
  lastLetterDate: isoDate,
  firstDisseminated: isoDate.nullable(),
  lastDisseminated: isoDate.nullable(),
  staffLetters: count,
  companyLetters: count,
  rounds: count,
  comments: count,
  reissuedComments: count,
  extensionRequests: count,
  accelerationRequests: count,
  status: z.enum(CONVERSATION_STATUSES),
  /** The review_complete letter's accession, or null. */
  closingLetter: accession.nullable(),
  daysOpen: count,
  /** Median days from a staff letter with comments to the company letter answering it; null without pairs. */
  medianDaysToRespond: z.number().nonnegative().nullable(),
  staff: z.array(z.string()),
  office: z.string().nullable(),
  /** Firms and people copied or signing for the company. */
  copied: z.array(z.string()),
  topics: z.array(TopicCountSchema),
});
export type ConversationRow = z.infer<typeof ConversationRowSchema>;
