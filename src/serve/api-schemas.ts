/**
 * The read API's response shapes as zod schemas, from which the OpenAPI document's JSON Schemas are generated
 * (openapi.ts). The Letter schema is the export schema itself and the rows are src/analytics' schemas; the
 * review and search hit mirror their interfaces, and the assignments at the end fail to compile on drift.
 */
import { z } from 'zod';
import { CommentRowSchema, ConversationRowSchema } from '../analytics/rows.ts';
import { LETTER_FORMS, LETTER_KINDS, LetterSchema } from '../letter/schema.ts';
import type { Review } from './review-rows.ts';
import type { LetterRow, SearchHit } from '../store/document-store.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

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

/** A row of /api/letters: the letter without its full text, unless `include=text`. */
export const LetterRowSchema = LetterSchema.omit({ text: true }).extend({ text: z.string().optional() });

export const ErrorSchema = z.object({ error: z.object({ status: z.number().int(), message: z.string() }) });

export const pageSchema = (row: z.ZodType) => z.object({ data: z.array(row), next: z.string().nullable() });

export { CommentRowSchema, ConversationRowSchema, LetterSchema };

// Compile-time drift checks: each interface must satisfy its schema's type and back.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;
export const SCHEMAS_MATCH_ROWS: [
  Same<Plain<Review>, z.infer<typeof ReviewSchema>>,
  Same<Plain<SearchHit>, z.infer<typeof SearchHitSchema>>,
  Same<Plain<LetterRow>, z.infer<typeof LetterRowSchema>>,
] = [true, true, true];
