/**
 * What the distributed runner's jobs return (kept with the completed job a day), as zod schemas: the queue
 * boundary is where values come back from Redis, so the tracker validates them here and never casts. A value
 * that does not fit (a job of another version, a removed job) reads as "no result".
 */
import { z } from 'zod';
import { normalizeAccession, normalizeCik } from '../../identifiers.ts';
import { UPSERT_OUTCOMES } from '../../store/document-store.ts';
import { PARSE_OUTCOMES } from '../parse-stage.ts';

const accession = z.string().refine((value) => normalizeAccession(value) === value, 'accession number');
const cik = z.string().refine((value) => normalizeCik(value) === value, 'CIK without leading zeros');

const routeAnswer = z.object({ ciks: z.array(cik).readonly(), problem: z.string().nullable() });

/** discover (target or crawl pass): what it listed, for the waiting run. */
export const DiscoverResultSchema = z.object({
  accessions: z.array(accession),
  ciks: z.array(cik),
  skipped: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
  /** A file number's resolution (discover/file-number-routes.ts); absent from jobs of earlier versions. */
  resolution: z
    .object({
      fileNumber: z.string(),
      route: z.enum(['browse-edgar', 'full-text-search']).nullable(),
      browseEdgar: routeAnswer,
      fullTextSearch: routeAnswer.nullable(),
      textOnlyLetters: z.number().int().nonnegative(),
    })
    .nullable()
    .default(null),
});
export type DiscoverResult = z.infer<typeof DiscoverResultSchema>;

/** fetch: whether EDGAR was asked (false: the archive had it). */
export const FetchResultSchema = z.object({ fetched: z.boolean() });
export type FetchResult = z.infer<typeof FetchResultSchema>;

/** parse: stored or held back, and the store's upsert outcome when stored. */
export const ParseResultSchema = z.object({
  outcome: z.enum(PARSE_OUTCOMES),
  upsert: z.enum(UPSERT_OUTCOMES).nullable(),
});
export type ParseResult = z.infer<typeof ParseResultSchema>;

/** threads: the company whose threads were rebuilt. */
export const ThreadsResultSchema = z.object({ cik });
export type ThreadsResult = z.infer<typeof ThreadsResultSchema>;

/** A job's return value read through `schema`, or null when it does not fit. */
export function readJobResult<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
