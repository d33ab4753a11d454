/**
 * The read API's response shapes as zod schemas, from which the OpenAPI document's JSON Schemas are generated
 * (openapi.ts). The Letter schema is the export schema itself; the row schemas mirror review-rows.ts, and the
 * assignments at the end fail to compile when the two drift apart.
 */
import { z } from 'zod';
import { LETTER_FORMS, LETTER_KINDS, LetterSchema, TOPICS } from '../letter/schema.ts';
import {
  CONVERSATION_STATUSES,
  RESOLUTIONS,
  type CommentRow,
  type ConversationRow,
  type Review,
} from './review-rows.ts';
import type { SearchHit } from '../store/document-store.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CommentRowSchema = z.object({
  threadId: z.string(),
  cik: z.string(),
  companyName: z.string(),
  fileNumbers: z.array(z.string()),
  accessionNumber: z.string(),
  letterDate: date,
  disseminationDate: date.nullable(),
  round: z.number().int(),
  number: z.number().int(),
  headings: z.array(z.string()),
  pageRef: z.string().nullable(),
  text: z.string(),
  topics: z.array(z.enum(TOPICS)),
  authorities: z.array(z.string()),
  priorComments: z.array(z.number().int()),
  reissued: z.boolean(),
  response: z
    .object({ accessionNumber: z.string(), letterDate: date.nullable(), text: z.string().nullable() })
    .nullable(),
  resolution: z.enum(RESOLUTIONS),
});

const count = z.number().int().nonnegative();

export const ConversationRowSchema = z.object({
  threadId: z.string(),
  cik: z.string(),
  companyName: z.string(),
  fileNumbers: z.array(z.string()),
  reviewedFiling: z
    .object({
      form: z.string().nullable(),
      fiscalYearEnd: date.nullable(),
      filedDate: date.nullable(),
      accessionNumber: z.string().nullable(),
    })
    .nullable(),
  firstLetterDate: date,
  lastLetterDate: date,
  firstDisseminated: date.nullable(),
  lastDisseminated: date.nullable(),
  staffLetters: count,
  companyLetters: count,
  rounds: count,
  comments: count,
  reissuedComments: count,
  extensionRequests: count,
  accelerationRequests: count,
  status: z.enum(CONVERSATION_STATUSES),
  closingLetter: z.string().nullable(),
  daysOpen: count,
  medianDaysToRespond: z.number().nullable(),
  staff: z.array(z.string()),
  office: z.string().nullable(),
  copied: z.array(z.string()),
  topics: z.array(z.object({ topic: z.enum(TOPICS), comments: count })),
});

export const ReviewLetterSchema = z.object({
  accessionNumber: z.string(),
  form: z.enum(LETTER_FORMS),
  cik: z.string(),
  sender: z.enum(['company', 'sec']),
  kind: z.enum(LETTER_KINDS),
  letterDate: date.nullable(),
  filingDate: date,
  disseminationDate: date.nullable(),
  answers: z.string().nullable(),
  daysToAnswer: z.number().int().nullable(),
  round: z.number().int().nullable(),
});

export const ReviewSchema = z.object({
  conversation: ConversationRowSchema,
  letters: z.array(ReviewLetterSchema),
  comments: z.array(CommentRowSchema),
});

export const SearchHitSchema = z.object({
  accessionNumber: z.string(),
  form: z.enum(LETTER_FORMS),
  companyName: z.string(),
  filingDate: date,
  letterDate: date.nullable(),
  snippet: z.string(),
  score: z.number(),
});

export const ErrorSchema = z.object({ error: z.object({ status: z.number().int(), message: z.string() }) });

export const pageSchema = (row: z.ZodType) => z.object({ data: z.array(row), next: z.string().nullable() });

export { LetterSchema };

// Compile-time drift checks: each interface must satisfy its schema's type and back.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;
export const SCHEMAS_MATCH_ROWS: [
  Same<Plain<CommentRow>, z.infer<typeof CommentRowSchema>>,
  Same<Plain<ConversationRow>, z.infer<typeof ConversationRowSchema>>,
  Same<Plain<Review>, z.infer<typeof ReviewSchema>>,
  Same<Plain<SearchHit>, z.infer<typeof SearchHitSchema>>,
] = [true, true, true, true];
