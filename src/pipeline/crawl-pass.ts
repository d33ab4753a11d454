/**
 * One crawl pass: the daily indexes since the cursor and the latest-filings feed -> the CORRESP/UPLOAD refs not
 * yet done, recorded in the store as discovered. The caller hands them to a runner (embedded or queues) and only
 * then commits the cursor (commitCrawlCursor), so a pass cut short is read again rather than lost. Deduplicated
 * within the pass (index + feed + co-registrant listings) and across passes: the filing lifecycle, asked with
 * the crawl's run context, says which letters are still to do. EDGAR access goes through the EdgarClient and
 * DocumentStore ports only.
 */
import { parseBrowseFeed } from '../discover/browse-atom.ts';
import {
  CRAWL_CURSOR_CHECKPOINT,
  dedupeRefs,
  easternDate,
  indexDatesToRead,
  mayStillBePublished,
  refsFromFeed,
  refsFromIndex,
} from '../discover/crawl-plan.ts';
import { parseIndexFile } from '../discover/daily-index.ts';
import type { FilingRef } from '../discover/filing-ref.ts';
import type { EdgarClient } from '../edgar/client.ts';
import type { Endpoints } from '../edgar/endpoints.ts';
import { EdgarNotFoundError } from '../errors.ts';
import { nextStep, type FilingStep, type RunContext } from '../filing/lifecycle.ts';
import type { LetterForm } from '../letter/schema.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { PARSER_VERSION } from './parser-version.ts';

export interface CrawlDeps {
  readonly client: EdgarClient;
  readonly endpoints: Endpoints;
  readonly store: DocumentStore;
  readonly log: Logger;
}

export interface CrawlOptions {
  readonly forms: readonly LetterForm[];
  /** Clock; default the current time. */
  readonly now?: Date;
  /** Read the daily indexes from this date (YYYY-MM-DD) instead of after the cursor. */
  readonly since?: string | null;
  readonly lookbackDays?: number;
  readonly maxIndexDays?: number;
  /** Pages of 100 entries read per form from the latest-filings feed; default 5. */
  readonly maxFeedPages?: number;
}

export interface CrawlPassResult {
  /** Letters found and not done yet (absent, discovered or fetched in the store), oldest filing first. */
  readonly refs: FilingRef[];
  /** Distinct letters listed by the sources read. */
  readonly listed: number;
  /** Of those, already done (parsed, skipped or failed) before this pass. */
  readonly alreadyDone: number;
  /** Daily-index dates read (found or confirmed absent). */
  readonly indexDates: string[];
  /** The cursor to commit once the refs are handed over, or null to leave it. */
  readonly cursor: string | null;
  /** EDGAR requests made. */
  readonly requests: number;
}

const FEED_PAGE_SIZE = 100;

/** A crawl stores every letter and leaves failed ones to `status` and a later backfill. */
export const CRAWL_RUN: RunContext = { scope: null, retryFailed: false, parserVersion: PARSER_VERSION };

interface IndexRead {
  readonly refs: FilingRef[];
  /** Dates read (found or confirmed absent). */
  readonly read: string[];
  /** The last date before the first index not published yet. */
  readonly cursor: string | null;
  /** Index requests made. */
  readonly requests: number;
}

/** 1. Daily indexes, oldest first; the cursor stops before the first index not published yet. */
async function readDailyIndexes(
  deps: CrawlDeps,
  options: CrawlOptions,
  previous: string | null,
  today: string,
): Promise<IndexRead> {
  const { client, endpoints, log } = deps;
  const dates = indexDatesToRead({
    cursor: previous,
    since: options.since ?? null,
    today,
    lookbackDays: options.lookbackDays,
    maxDays: options.maxIndexDays,
  });
  const refs: FilingRef[] = [];
  const read: string[] = [];
  let cursor: string | null = null;
  let pending = false;
  for (const date of dates) {
    try {
      const parsed = parseIndexFile(await client.getText(endpoints.dailyIndex('master', date)));
      if (parsed.rejected.length > 0) log.warn({ date, rejected: parsed.rejected.length }, 'unreadable index lines');
      refs.push(...refsFromIndex(parsed.rows, options.forms));
    } catch (error) {
      if (!(error instanceof EdgarNotFoundError)) throw error;
      if (mayStillBePublished(date, today)) {
        pending = true;
        continue;
      }
      log.debug({ date }, 'no daily index (holiday)');
    }
    read.push(date);
    if (!pending) cursor = date;
  }
  return { refs, read, cursor, requests: dates.length };
}

/** 2. The latest-filings feed, newest first, per form until a page brings nothing new; returns its requests. */
async function readLatestFeed(
  deps: CrawlDeps,
  options: CrawlOptions,
  known: Set<string>,
  into: FilingRef[],
): Promise<number> {
  const { client, endpoints, store } = deps;
  let requests = 0;
  for (const form of options.forms) {
    for (let page = 0; page < (options.maxFeedPages ?? 5); page++) {
      requests += 1;
      const xml = await client.getText(
        endpoints.latestFilings(form, { start: page * FEED_PAGE_SIZE, count: FEED_PAGE_SIZE }),
      );
      const feed = parseBrowseFeed(xml);
      const unseen = refsFromFeed(feed.filings, options.forms).filter((ref) => !known.has(ref.accessionNumber));
      const stored = await store.listFilings({ accessionNumbers: unseen.map((ref) => ref.accessionNumber) });
      const storedIds = new Set(stored.map((filing) => filing.accessionNumber));
      for (const ref of unseen) known.add(ref.accessionNumber);
      into.push(...unseen);
      if (feed.filings.length < FEED_PAGE_SIZE || unseen.every((ref) => storedIds.has(ref.accessionNumber))) break;
    }
  }
  return requests;
}

export async function crawlPass(deps: CrawlDeps, options: CrawlOptions): Promise<CrawlPassResult> {
  const { store, log } = deps;
  const today = easternDate(options.now ?? new Date());
  const previous = await store.getCheckpoint(CRAWL_CURSOR_CHECKPOINT);
  const indexes = await readDailyIndexes(deps, options, previous, today);
  const fromFeed: FilingRef[] = [];
  const known = new Set(indexes.refs.map((ref) => ref.accessionNumber));
  const feedRequests = await readLatestFeed(deps, options, known, fromFeed);

  // 3. Deduplicate, keep what the lifecycle says a crawl still has to do, record it as discovered.
  const listed = dedupeRefs([...indexes.refs, ...fromFeed]);
  const records = new Map(
    (await store.listFilings({ accessionNumbers: listed.map((ref) => ref.accessionNumber) })).map((filing) => [
      filing.accessionNumber,
      filing,
    ]),
  );
  const open = listed
    .filter((ref) => isOpen(nextStep(records.get(ref.accessionNumber) ?? null, CRAWL_RUN)))
    .sort((a, b) => a.filingDate.localeCompare(b.filingDate) || a.accessionNumber.localeCompare(b.accessionNumber));
  await store.recordDiscovered(open);
  const cursor = indexes.cursor;
  log.info(
    { indexDays: indexes.read.length, listed: listed.length, open: open.length, cursor: cursor ?? previous },
    'crawl pass listed letters',
  );
  return {
    refs: open,
    listed: listed.length,
    alreadyDone: listed.length - open.length,
    indexDates: indexes.read,
    cursor: cursor && (previous === null || cursor > previous) ? cursor : null,
    requests: indexes.requests + feedRequests,
  };
}

/** A letter still to do for a crawl: one to fetch or parse (held letters are parsed: a crawl stores everything). */
const isOpen = (step: FilingStep) => step === 'fetch' || step === 'parse';

/** Moves the cursor once the pass's refs are in the runner's hands. */
export async function commitCrawlCursor(store: DocumentStore, result: CrawlPassResult): Promise<void> {
  if (result.cursor) await store.setCheckpoint(CRAWL_CURSOR_CHECKPOINT, result.cursor);
}
