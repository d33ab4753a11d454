/**
 * Job payload schemas (zod). Producers build payloads through these types; processors validate what they read
 * back from Redis before touching a stage, and a payload that does not fit is bad input (BAD_INPUT, no retry).
 */
import { z } from 'zod';
import { normalizeAccession, normalizeCik, normalizeFileNumber, parseTarget } from '../edgar/identifiers.ts';
import { LETTER_FORMS } from '../letter/schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');
const accession = z
  .string()
  .refine((value) => normalizeAccession(value) === value, 'accession number like 0001193125-14-000946');
const cik = z.string().refine((value) => normalizeCik(value) === value, 'CIK without leading zeros');
const fileNumber = z
  .string()
  .refine((value) => normalizeFileNumber(value) === value, 'file number in EDGAR spelling, e.g. 001-35126');

export const TargetSchema = z
  .object({ kind: z.enum(['file-number', 'cik', 'ticker']), value: z.string().min(1) })
  .refine((target) => {
    const parsed = parseTarget(target.value);
    return parsed !== null && parsed.kind === target.kind && parsed.value === target.value;
  }, 'a target as parseTarget() spells it');

export const FilingRefSchema = z.object({
  accessionNumber: accession,
  cik,
  form: z.string().min(1),
  filingDate: isoDate,
  acceptanceDateTime: z.string().nullable(),
  fileNumber: z.string().nullable(),
  primaryDocument: z.string().nullable(),
});

/**
 * Which letters get stored (the parse stage's ParseScope): null = every letter (CIK and ticker backfills,
 * crawling); file numbers = a file-number backfill (a letter attributed only to other numbers is archived, not stored).
 */
export const ScopeSchema = z.object({ fileNumbers: z.array(fileNumber).min(1) }).nullable();
export type Scope = z.infer<typeof ScopeSchema>;

/** discover/target: list the filings of one backfill target. */
export const DiscoverTargetPayloadSchema = z.object({
  target: TargetSchema,
  forms: z.array(z.enum(LETTER_FORMS)).min(1),
  since: isoDate.nullable(),
  until: isoDate.nullable(),
});
export type DiscoverTargetPayload = z.infer<typeof DiscoverTargetPayloadSchema>;

/** discover/crawl: one crawl pass over the daily indexes and the latest-filings feed. */
export const CrawlPayloadSchema = z.object({
  forms: z.array(z.enum(LETTER_FORMS)).min(1),
  /** Read the daily indexes from this date instead of after the cursor (`crawl --once --since`). */
  since: isoDate.nullable().default(null),
});
export type CrawlPayload = z.infer<typeof CrawlPayloadSchema>;

/** fetch: one GET of the complete submission, archived. */
export const FetchPayloadSchema = z.object({ ref: FilingRefSchema, scope: ScopeSchema });
export type FetchPayload = z.infer<typeof FetchPayloadSchema>;

/** parse: normalize + parse the archived submission and store the letter. */
export const ParsePayloadSchema = z.object({ ref: FilingRefSchema, scope: ScopeSchema });
export type ParsePayload = z.infer<typeof ParsePayloadSchema>;

/** What a discover job returns (kept with the completed job a day): what it listed, for the waiting backfill. */
export const DiscoverResultSchema = z.object({
  accessions: z.array(accession),
  ciks: z.array(cik),
  skipped: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
});
export type DiscoverResult = z.infer<typeof DiscoverResultSchema>;
