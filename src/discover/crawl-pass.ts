/**
 * One crawl pass: the daily indexes since the cursor and the latest-filings feed -> the CORRESP/UPLOAD refs not
 * yet done, recorded in the store as discovered. The caller hands them to a runner (embedded or queues) and only
 * then commits the cursor (commitCrawlCursor), so a pass cut short is read again rather than lost. Deduplicated
 * within the pass (index + feed + co-registrant listings) and across passes (the store's filing states).
 * EDGAR access goes through the EdgarClient and DocumentStore ports only.
 */
import type { EdgarClient } from '../edgar/client.ts';
import type { Endpoints } from '../edgar/endpoints.ts';
import { EdgarNotFoundError } from '../errors.ts';
import type { LetterForm } from '../letter/schema.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { parseBrowseFeed } from './browse-atom.ts';
import {
  CRAWL_CURSOR_CHECKPOINT,
  dedupeRefs,
  easternDate,
  indexDatesToRead,
  mayStillBePublished,
  refsFromFeed,
  refsFromIndex,
} from './crawl-plan.ts';
import { parseIndexFile } from './daily-index.ts';
import type { FilingRef } from './filing-ref.ts';

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
const OPEN_STATES = new Set(['discovered', 'fetched']);

export async function crawlPass(deps: CrawlDeps, options: CrawlOptions): Promise<CrawlPassResult> {
  const { client, endpoints, store, log } = deps;
  const today = easternDate(options.now ?? new Date());
  const previous = await store.getCheckpoint(CRAWL_CURSOR_CHECKPOINT);
  let requests = 0;

  // 1. Daily indexes, oldest first; the cursor stops before the first index not published yet.
  const dates = indexDatesToRead({
    cursor: previous,
    since: options.since ?? null,
    today,
    lookbackDays: options.lookbackDays,
    maxDays: options.maxIndexDays,
  });
  const fromIndexes: FilingRef[] = [];
  const read: string[] = [];
  let cursor: string | null = null;
  let pending = false;
  for (const date of dates) {
    requests += 1;
    try {
      const text = await client.getText(endpoints.dailyIndex('master', date));
      const parsed = parseIndexFile(text);
      if (parsed.rejected.length > 0) log.warn({ date, rejected: parsed.rejected.length }, 'unreadable index lines');
      fromIndexes.push(...refsFromIndex(parsed.rows, options.forms));
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

  // 2. The latest-filings feed, newest first, until a page brings nothing new.
  const known = new Set(fromIndexes.map((ref) => ref.accessionNumber));
  const fromFeed: FilingRef[] = [];
  for (const form of options.forms) {
    for (let page = 0; page < (options.maxFeedPages ?? 5); page++) {
      requests += 1;
      const xml = await client.getText(
        endpoints.latestFilings(form, { start: page * FEED_PAGE_SIZE, count: FEED_PAGE_SIZE }),
      );
      const feed = parseBrowseFeed(xml);
      const refs = refsFromFeed(feed.filings, options.forms);
      const unseen = refs.filter((ref) => !known.has(ref.accessionNumber));
      const stored = await store.listFilings({ accessionNumbers: unseen.map((ref) => ref.accessionNumber) });
      const storedIds = new Set(stored.map((filing) => filing.accessionNumber));
      for (const ref of unseen) known.add(ref.accessionNumber);
      fromFeed.push(...unseen);
      if (feed.filings.length < FEED_PAGE_SIZE || unseen.every((ref) => storedIds.has(ref.accessionNumber))) break;
    }
  }

  // 3. Deduplicate, keep what is not done, record it as discovered.
  const listed = dedupeRefs([...fromIndexes, ...fromFeed]);
  const states = new Map(
    (await store.listFilings({ accessionNumbers: listed.map((ref) => ref.accessionNumber) })).map((filing) => [
      filing.accessionNumber,
      filing.state,
    ]),
  );
  const open = listed
    .filter((ref) => {
      const state = states.get(ref.accessionNumber);
      return state === undefined || OPEN_STATES.has(state);
    })
    .sort((a, b) => a.filingDate.localeCompare(b.filingDate) || a.accessionNumber.localeCompare(b.accessionNumber));
  await store.recordDiscovered(open);
  log.info(
    { indexDays: read.length, listed: listed.length, open: open.length, cursor: cursor ?? previous },
    'crawl pass listed letters',
  );
  return {
    refs: open,
    listed: listed.length,
    alreadyDone: listed.length - open.length,
    indexDates: read,
    cursor: cursor && (previous === null || cursor > previous) ? cursor : null,
    requests,
  };
}

/** Moves the cursor once the pass's refs are in the runner's hands. */
export async function commitCrawlCursor(store: DocumentStore, result: CrawlPassResult): Promise<void> {
  if (result.cursor) await store.setCheckpoint(CRAWL_CURSOR_CHECKPOINT, result.cursor);
}
