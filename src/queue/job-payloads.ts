/**
 * Job payload schemas (zod). Producers build payloads through these types; processors validate what they read
 * back from Redis before touching a stage, and a payload that does not fit is bad input (BAD_INPUT, no retry).
 * What jobs return is validated the same way (src/pipeline/distributed/job-results.ts).
 */
import { z } from 'zod';
import type { Scope } from '../filing/scope.ts';
import { normalizeAccession, normalizeCik, normalizeFileNumber, parseTarget } from '../identifiers.ts';
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

/** The run's Scope (src/filing/scope.ts): null = every letter; file numbers = a file-number backfill. */
export const ScopeSchema: z.ZodType<Scope> = z.object({ fileNumbers: z.array(fileNumber).min(1) }).nullable();

/** discover/target: list the filings of one backfill target. */
export const DiscoverTargetPayloadSchema = z.object({
  target: TargetSchema,
  forms: z.array(z.enum(LETTER_FORMS)).min(1),
  since: isoDate.nullable(),
  until: isoDate.nullable(),
});

/** discover/crawl: one crawl pass over the daily indexes and the latest-filings feed. */
export const CrawlPayloadSchema = z.object({
  forms: z.array(z.enum(LETTER_FORMS)).min(1),
  /** Read the daily indexes from this date instead of after the cursor (`crawl --once --since`). */
  since: isoDate.nullable().default(null),
});

/**
 * discover/all: one step of a whole-EDGAR backfill. Step 0 reads the quarterly full index; every step tops the
 * fetch queue up to `window` letters, then enqueues the next step after `refillMs`, until no letter is left.
 */
export const AllEdgarPayloadSchema = z.object({
  runId: z.string().regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes'),
  step: z.number().int().min(0),
  forms: z.array(z.enum(LETTER_FORMS)).min(1),
  since: isoDate.nullable(),
  until: isoDate.nullable(),
  window: z.number().int().min(1),
  refillMs: z.number().int().min(0).default(2000),
});
export type AllEdgarPayload = z.infer<typeof AllEdgarPayloadSchema>;

/** fetch: one GET of the complete submission, archived. */
export const FetchPayloadSchema = z.object({ ref: FilingRefSchema, scope: ScopeSchema });

/** parse: normalize + parse the archived submission and store the letter. */
export const ParsePayloadSchema = z.object({ ref: FilingRefSchema, scope: ScopeSchema });

/** parse/threads: rebuild the review threads of one company. */
export const ThreadsPayloadSchema = z.object({ cik });
