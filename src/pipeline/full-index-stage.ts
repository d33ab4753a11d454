/**
 * Discovery of the whole of EDGAR from the quarterly full index: one request per quarter (master.gz), never
 * per-company listings. A quarter read is a checkpoint: every CORRESP/UPLOAD row of the quarter is recorded as
 * discovered (whatever range or forms the run asked), the rows of reviewed forms go to listed_filings per CIK,
 * and the checkpoint says whether the read was final. Later runs read only quarters without a final read (the
 * current one, the last one until its final index). A quarter EDGAR has not started (404) is not an error.
 */
import { gunzipSync } from 'node:zlib';
import { easternDate } from '../discover/crawl-plan.ts';
import type { FilingRef } from '../discover/filing-ref.ts';
import {
  isFinalRead,
  quarterKey,
  quartersForRange,
  readQuarterIndex,
  type Quarter,
  type QuarterIndex,
} from '../discover/full-index.ts';
import type { EdgarClient } from '../edgar/client.ts';
import type { Endpoints } from '../edgar/endpoints.ts';
import { EdgarBadResponseError, EdgarCorrespError, EdgarNotFoundError, EdgarUndeclaredToolError } from '../errors.ts';
import type { FilingRecord } from '../filing/filing-record.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';

export interface FullIndexDeps {
  readonly client: EdgarClient;
  readonly endpoints: Endpoints;
  readonly store: DocumentStore;
  readonly logger: Logger;
}

/** Largest decompressed quarter index accepted (real ones are about 40 MB). */
export const MAX_QUARTER_INDEX_BYTES = 512 * 1024 * 1024;

/** Checkpoint of one quarter's read. */
export const quarterCheckpoint = (q: Quarter) => `full-index:${quarterKey(q)}`;

export interface QuarterCheckpoint {
  /** YYYY-MM-DD (New York) the index was read. */
  readonly readOn: string;
  /** The index can no longer change: later runs do not read it again. */
  readonly final: boolean;
  /** Distinct letters (CORRESP and UPLOAD) it lists. */
  readonly letters: number;
  readonly reviewed: number;
}

export type QuarterOutcome = 'read' | 'checkpointed' | 'not-started' | 'failed';

export interface QuarterProgress {
  readonly quarter: string;
  readonly outcome: QuarterOutcome;
  readonly letters: number;
  /** Position among the quarters of the run, 1-based, and their count. */
  readonly index: number;
  readonly of: number;
}

export interface FullIndexDiscovery {
  readonly quarters: readonly Quarter[];
  /** Quarters read in this run (a request each). */
  readonly read: number;
  /** Quarters skipped: a final read is checkpointed. */
  readonly checkpointed: number;
  /** Quarters EDGAR answered 404 for (not started yet). */
  readonly notStarted: number;
  /** EDGAR requests made (one per quarter read or tried). */
  readonly requests: number;
  /** Quarters that could not be read (after the client's retries), with the cause: read again next run. */
  readonly failed: readonly { readonly quarter: string; readonly code: string; readonly reason: string }[];
}

export interface FullIndexOptions {
  readonly since: string | null;
  readonly now?: Date;
  readonly onQuarter?: (progress: QuarterProgress) => void;
}

async function readCheckpoint(store: DocumentStore, q: Quarter): Promise<QuarterCheckpoint | null> {
  const raw = await store.getCheckpoint(quarterCheckpoint(q));
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as QuarterCheckpoint;
  } catch {
    return null;
  }
}

/** master.gz as served; a body that is not gzip (a proxy that decoded it) is read as the text itself. */
function decodeIndex(body: Buffer, url: string): string {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return body.toString('latin1');
  try {
    return gunzipSync(body, { maxOutputLength: MAX_QUARTER_INDEX_BYTES }).toString('latin1');
  } catch (error) {
    throw new EdgarBadResponseError(url, 200, `unreadable full index ${url}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Reads one quarter (one request) and records it; null when EDGAR has not started it. */
async function readQuarter(deps: FullIndexDeps, q: Quarter, today: string): Promise<QuarterIndex | null> {
  const url = deps.endpoints.fullIndex(q.year, q.quarter, 'master.gz');
  let body: Buffer;
  try {
    body = (await deps.client.get(url)).body;
  } catch (error) {
    if (error instanceof EdgarNotFoundError) return null;
    throw error;
  }
  const index = readQuarterIndex(decodeIndex(body, url));
  if (index.rejected > 0)
    deps.logger.warn({ quarter: quarterKey(q), rejected: index.rejected }, 'unreadable index lines');
  await deps.store.recordDiscovered(index.letters);
  await deps.store.saveListedFilings(
    index.reviewed.map((row) => ({ ...row, reportDate: null, fileNumbers: [] as string[] })),
    { keepExisting: true },
  );
  const checkpoint: QuarterCheckpoint = {
    readOn: today,
    final: isFinalRead(q, today),
    letters: index.letters.length,
    reviewed: index.reviewed.length,
  };
  await deps.store.setCheckpoint(quarterCheckpoint(q), JSON.stringify(checkpoint));
  return index;
}

/** Reads every quarter a filing-date range needs that has no final read yet; oldest first. */
export async function discoverFullIndex(deps: FullIndexDeps, options: FullIndexOptions): Promise<FullIndexDiscovery> {
  const today = easternDate(options.now ?? new Date());
  const quarters = quartersForRange(options.since, today);
  let read = 0;
  let checkpointed = 0;
  let notStarted = 0;
  const failed: { quarter: string; code: string; reason: string }[] = [];
  for (const [i, q] of quarters.entries()) {
    const done = await readCheckpoint(deps.store, q);
    const report = (outcome: QuarterOutcome, letters: number) =>
      options.onQuarter?.({ quarter: quarterKey(q), outcome, letters, index: i + 1, of: quarters.length });
    if (done?.final) {
      checkpointed += 1;
      report('checkpointed', done.letters);
      continue;
    }
    read += 1;
    let index: QuarterIndex | null;
    try {
      index = await readQuarter(deps, q, today);
    } catch (error) {
      // EDGAR refusing the User-Agent stops everything; any other cause fails this quarter only.
      if (error instanceof EdgarUndeclaredToolError || !(error instanceof EdgarCorrespError)) throw error;
      failed.push({ quarter: quarterKey(q), code: error.code, reason: error.message });
      deps.logger.warn({ quarter: quarterKey(q), code: error.code, reason: error.message }, 'full index unreadable');
      report('failed', 0);
      continue;
    }
    if (index === null) {
      notStarted += 1;
      report('not-started', 0);
    } else {
      deps.logger.info({ quarter: quarterKey(q), letters: index.letters.length }, 'full index read');
      report('read', index.letters.length);
    }
  }
  return { quarters, read, checkpointed, notStarted, requests: read, failed };
}

/** The stored filing as a ref to fetch (its listing's facts). */
export const refOfRecord = (record: FilingRecord): FilingRef => ({
  accessionNumber: record.accessionNumber,
  cik: record.cik,
  form: record.form,
  filingDate: record.filingDate,
  acceptanceDateTime: record.acceptanceDateTime,
  fileNumber: record.listedFileNumber,
  primaryDocument: null,
});

/** Calendar-year slices of a filing-date range (bounded reads of the store), oldest first. */
export function yearSlices(since: string | null, until: string | null, today: string): { from: string; to: string }[] {
  const from = since ?? '1994-01-01';
  const to = until ?? today;
  const slices: { from: string; to: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    const start = `${year}-01-01` < from ? from : `${year}-01-01`;
    const end = `${year}-12-31` > to ? to : `${year}-12-31`;
    if (start <= end) slices.push({ from: start, to: end });
  }
  return slices;
}

export interface FullIndexProgress {
  /** Quarters from 2004 QTR3 to the current one. */
  readonly quarters: number;
  /** Of those, read at least once. */
  readonly read: number;
  /** Of those, read with a final index (never read again). */
  readonly final: number;
  /** Letters listed and not stored yet: to fetch (discovered, failed) and archived to parse (fetched). */
  readonly toFetch: number;
  readonly toParse: number;
}

/** How far the whole-EDGAR backfill is, for `status` and the metrics; null before any quarter was read. */
export async function fullIndexProgress(store: DocumentStore, now = new Date()): Promise<FullIndexProgress | null> {
  const quarters = quartersForRange(null, easternDate(now));
  let read = 0;
  let final = 0;
  for (const q of quarters) {
    const checkpoint = await readCheckpoint(store, q);
    if (checkpoint === null) continue;
    read += 1;
    if (checkpoint.final) final += 1;
  }
  if (read === 0) return null;
  const counts = await store.countFilingsByState();
  return {
    quarters: quarters.length,
    read,
    final,
    toFetch: counts.discovered + counts.failed,
    toParse: counts.fetched,
  };
}
