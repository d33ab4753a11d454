/**
 * A file number to its companies, by two routes. First browse-edgar's `filenum` feed; each CIK it names is
 * confirmed by another filing of it carrying the number (submissions JSON). When that gives nothing usable (an
 * error, an empty or unreadable feed, no CIK confirmed), EDGAR full-text search is asked: the quoted number names
 * the filings citing it with their own file numbers and CIKs (the filers), and with forms=CORRESP,UPLOAD the
 * letters whose text cites it. A letter only the text search found (no listed company lists it, e.g. one filed
 * under an underwriter's or a parent's CIK) is fetched like any other and attributed by the usual rules: stored
 * when its header or Re: block names the number, otherwise held back. Every request goes through the same
 * fair-access client. I/O only through the client and endpoints.
 */
import { parseBrowseFeed } from '../discover/browse-atom.ts';
import type { FilingRef } from '../discover/filing-ref.ts';
import {
  filersInHits,
  lettersInHits,
  type FileNumberResolution,
  type RouteAnswer,
} from '../discover/file-number-routes.ts';
import { MAX_FULL_TEXT_PAGE_BYTES, parseFullTextSearch, type FullTextHit } from '../discover/full-text-search.ts';
import type { EdgarClient } from '../edgar/client.ts';
import {
  describeError,
  EdgarForeignHostError,
  EdgarNotFoundError,
  EdgarRequestError,
  EdgarThrottledError,
  EdgarUnavailableError,
  EdgarUndeclaredToolError,
} from '../errors.ts';
import { LETTER_FORMS, type LetterForm } from '../letter/schema.ts';
import { loadListing, readPage, type CompanyListing, type DateWindow } from './company-listing.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

/** Most browse-edgar pages followed for one file number (100 companies a page). */
const MAX_FEED_PAGES = 10;
/** Most full-text search pages read per query (100 hits a page): the issuer's own filings come first. */
export const MAX_SEARCH_PAGES = 20;

export interface FileNumberDiscovery {
  /** The companies whose letters are listed. */
  readonly listings: CompanyListing[];
  /** Letters only full-text search found, not listed by any of those companies. */
  readonly textOnly: FilingRef[];
  readonly resolution: FileNumberResolution;
}

/** Errors after which the other route is worth asking; a refusal (rate limit, User-Agent) stops everything. */
const isRouteFailure = (error: unknown) =>
  error instanceof EdgarRequestError &&
  !(error instanceof EdgarThrottledError) &&
  !(error instanceof EdgarUndeclaredToolError) &&
  !(error instanceof EdgarForeignHostError);

/** EDGAR writes absolute www.sec.gov links: follow them on the configured base. */
function sameBase(link: string, deps: PipelineDeps): string {
  const base = new URL(deps.endpoints.browseByFileNumber(''));
  const next = new URL(link, base);
  return `${base.origin}${next.pathname}${next.search}`;
}

/** Candidate CIKs of a file number, from every page of its browse-edgar feed. */
async function askBrowseEdgar(client: EdgarClient, deps: PipelineDeps, fileNumber: string): Promise<RouteAnswer> {
  const ciks: string[] = [];
  try {
    let url: string | null = deps.endpoints.browseByFileNumber(fileNumber);
    for (let page = 0; url !== null && page < MAX_FEED_PAGES; page += 1) {
      const feed = parseBrowseFeed(await client.getText(url));
      for (const company of feed.companies) if (!ciks.includes(company.cik)) ciks.push(company.cik);
      // A feed of filings (no company block) names its companies through each entry's Archives link.
      if (feed.kind === 'filings') {
        for (const filing of feed.filings) if (filing.cik && !ciks.includes(filing.cik)) ciks.push(filing.cik);
      }
      // Only a company list pages through more companies; a company feed's next page lists more of its filings.
      url = feed.kind === 'company-list' && feed.nextUrl ? sameBase(feed.nextUrl, deps) : null;
    }
  } catch (error) {
    if (!isRouteFailure(error)) throw error;
    return { ciks: [], problem: describeError(error) };
  }
  return { ciks, problem: ciks.length === 0 ? 'its answer names no company (empty, or not an Atom feed)' : null };
}

/** Every hit of one full-text query, page after page (at most MAX_SEARCH_PAGES). */
async function searchAll(
  client: EdgarClient,
  deps: PipelineDeps,
  fileNumber: string,
  options: { forms?: readonly string[]; since: string | null; until: string | null },
  warnings: string[],
): Promise<FullTextHit[]> {
  const hits: FullTextHit[] = [];
  let from: number | null = 0;
  for (let page = 0; from !== null && page < MAX_SEARCH_PAGES; page += 1) {
    const url = deps.endpoints.fileNumberSearch(fileNumber, { ...options, from });
    const parsed = parseFullTextSearch(await client.getJson(url, { maxBytes: MAX_FULL_TEXT_PAGE_BYTES }), url, from);
    warnings.push(...parsed.warnings);
    hits.push(...parsed.hits);
    from = parsed.nextFrom;
  }
  if (from !== null) warnings.push(`full-text search for ${fileNumber}: hits past ${from} not read`);
  return hits;
}

interface SearchOutcome {
  readonly answer: RouteAnswer;
  readonly letterHits: FullTextHit[];
  readonly failure: unknown;
}

/** The filers full-text search names (all dates: a filer files under its number for years) and the letters citing it. */
async function askFullTextSearch(
  client: EdgarClient,
  deps: PipelineDeps,
  fileNumber: string,
  window: DateWindow,
  warnings: string[],
): Promise<SearchOutcome> {
  let answer: RouteAnswer;
  let failure: unknown = null;
  try {
    const ciks = filersInHits(
      await searchAll(client, deps, fileNumber, { since: null, until: null }, warnings),
      fileNumber,
    );
    answer = { ciks, problem: ciks.length === 0 ? 'no filing carrying the number cites it' : null };
  } catch (error) {
    if (!isRouteFailure(error)) throw error;
    answer = { ciks: [], problem: describeError(error) };
    failure = error;
  }
  let letterHits: FullTextHit[] = [];
  try {
    letterHits = await searchAll(client, deps, fileNumber, { forms: LETTER_FORMS, ...window }, warnings);
  } catch (error) {
    if (!isRouteFailure(error)) throw error;
    warnings.push(`full-text search for letters citing ${fileNumber}: ${describeError(error)}`);
    failure ??= error;
  }
  return { answer, letterHits, failure };
}

/** Loads each candidate's listing and sorts it by whether one of its filings carries the number. */
async function confirmCandidates(
  client: EdgarClient,
  deps: PipelineDeps,
  candidates: readonly string[],
  fileNumber: string,
  window: DateWindow,
  warnings: string[],
): Promise<{ confirmed: CompanyListing[]; unconfirmed: CompanyListing[] }> {
  const confirmed: CompanyListing[] = [];
  const unconfirmed: CompanyListing[] = [];
  for (const cik of candidates) {
    const listing = await loadListing(client, deps, cik, window, warnings);
    let carries = listing.rows.some((row) => row.fileNumbers.includes(fileNumber));
    // Confirmation may need the older pages the date window left unread.
    for (const page of listing.unread) {
      if (carries) break;
      const rows = await readPage(client, deps, page, warnings);
      carries = rows.some((row) => row.fileNumbers.includes(fileNumber));
    }
    (carries ? confirmed : unconfirmed).push(listing);
  }
  return { confirmed, unconfirmed };
}

function warnUnconfirmed(
  unconfirmed: readonly CompanyListing[],
  kept: boolean,
  fileNumber: string,
  warnings: string[],
) {
  for (const listing of unconfirmed) {
    warnings.push(
      `CIK ${listing.cik} (${listing.name}) is listed for ${fileNumber} but none of its filings carries that number: ${kept ? 'kept (no candidate is confirmed)' : 'dropped'}`,
    );
  }
}

/** The companies (and text-only letters) of a file number, and which route named them. */
export async function discoverFileNumber(
  client: EdgarClient,
  deps: PipelineDeps,
  input: {
    readonly fileNumber: string;
    readonly forms: readonly LetterForm[] | undefined;
    readonly window: DateWindow;
  },
  warnings: string[],
): Promise<FileNumberDiscovery> {
  const { fileNumber, window } = input;
  const browse = await askBrowseEdgar(client, deps, fileNumber);
  const first = await confirmCandidates(client, deps, browse.ciks, fileNumber, window, warnings);
  if (first.confirmed.length > 0) {
    warnUnconfirmed(first.unconfirmed, false, fileNumber, warnings);
    const resolution: FileNumberResolution = {
      fileNumber,
      route: 'browse-edgar',
      browseEdgar: browse,
      fullTextSearch: null,
      textOnlyLetters: 0,
    };
    return { listings: first.confirmed, textOnly: [], resolution };
  }
  const browseEdgar: RouteAnswer =
    browse.ciks.length > 0 ? { ...browse, problem: 'no CIK it names has a filing carrying the number' } : browse;
  const search = await askFullTextSearch(client, deps, fileNumber, window, warnings);
  const fresh = search.answer.ciks.filter((cik) => !browse.ciks.includes(cik));
  const second = await confirmCandidates(client, deps, fresh, fileNumber, window, warnings);
  const unconfirmed = [...first.unconfirmed, ...second.unconfirmed];
  const listings = second.confirmed.length > 0 ? second.confirmed : unconfirmed;
  warnUnconfirmed(unconfirmed, second.confirmed.length === 0, fileNumber, warnings);
  const listed = new Set(listings.flatMap((listing) => listing.rows.map((row) => row.accessionNumber)));
  const textOnly = lettersInHits(search.letterHits, input.forms ?? LETTER_FORMS, window).filter(
    (ref) => !listed.has(ref.accessionNumber),
  );
  if (listings.length === 0 && textOnly.length === 0) {
    if (search.failure instanceof EdgarUnavailableError) throw search.failure;
    throw new EdgarNotFoundError(
      deps.endpoints.fileNumberSearch(fileNumber),
      null,
      `no company files under file number ${fileNumber} (browse-edgar: ${browseEdgar.problem}; full-text search: ${search.answer.problem})`,
    );
  }
  const route =
    second.confirmed.length > 0 || (listings.length > 0 && browse.ciks.length === 0)
      ? 'full-text-search'
      : listings.length > 0
        ? 'browse-edgar'
        : null;
  const resolution: FileNumberResolution = {
    fileNumber,
    route,
    browseEdgar,
    fullTextSearch: search.answer,
    textOnlyLetters: textOnly.length,
  };
  return { listings, textOnly, resolution };
}
