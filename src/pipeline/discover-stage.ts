/**
 * The discover stage: one backfill target -> the filer CIK(s) -> every CORRESP/UPLOAD they list, from the
 * submissions JSON and all its overflow pages. File numbers resolve through the browse-edgar `filenum` feed,
 * each candidate CIK confirmed by another form of it carrying the number; tickers through company_tickers.json.
 * Records the refs (discovered), the related forms (skipped) and the company's listing (listed_filings: every
 * filing with a file number or of a reviewed form) in the store. I/O only through deps.
 */
import { findTicker, parseCompanyTickers } from '../discover/company-tickers.ts';
import { parseBrowseFeed } from '../discover/browse-atom.ts';
import type { FilingRef } from '../discover/filing-ref.ts';
import { selectLetterFilings, type SkippedFiling } from '../discover/letter-forms.ts';
import { isKeptListing } from '../discover/reviewed-forms.ts';
import {
  parseCompanySubmissions,
  parseSubmissionsPage,
  type SubmissionsPageRef,
  type SubmissionsRow,
} from '../discover/submissions-json.ts';
import type { EdgarClient } from '../edgar/client.ts';
import { targetKey, type Target } from '../identifiers.ts';
import { EdgarNotFoundError } from '../errors.ts';
import type { LetterForm } from '../letter/schema.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

export interface DiscoverInput {
  readonly target: Target;
  /** Default both letter forms. */
  readonly forms?: readonly LetterForm[];
  /** filingDate window, inclusive, YYYY-MM-DD. */
  readonly since?: string | null;
  readonly until?: string | null;
}

export interface DiscoverOutput {
  readonly target: Target;
  readonly targetKey: string;
  /** The filer CIKs whose letters were listed. */
  readonly ciks: readonly string[];
  /** Letters to fetch, each accession once, oldest first. */
  readonly refs: readonly FilingRef[];
  /** Related forms listed and skipped (SEC STAFF LETTER, SEC STAFF ACTION, DRSLTR). */
  readonly skipped: readonly SkippedFiling[];
  /** EDGAR requests this discovery made. */
  readonly requests: number;
  readonly warnings: readonly string[];
}

/** Checkpoint holding the outcome of the last discovery of a target. */
export const discoveryCheckpoint = (key: string) => `discover:${key}`;

/** Most browse-edgar pages followed for one file number (100 companies a page). */
const MAX_FEED_PAGES = 10;

function countingClient(client: EdgarClient): { client: EdgarClient; count: () => number } {
  let requests = 0;
  const counted: EdgarClient = {
    get: (url, options) => ((requests += 1), client.get(url, options)),
    getJson: (url, options) => ((requests += 1), client.getJson(url, options)),
    getText: (url, options) => ((requests += 1), client.getText(url, options)),
    close: () => client.close(),
  };
  return { client: counted, count: () => requests };
}

const overlaps = (page: SubmissionsPageRef, since: string | null, until: string | null) =>
  !(since && page.filingTo && page.filingTo < since) && !(until && page.filingFrom && page.filingFrom > until);

interface DateWindow {
  readonly since: string | null;
  readonly until: string | null;
}

interface CompanyListing {
  readonly cik: string;
  readonly name: string;
  readonly rows: SubmissionsRow[];
  /** Overflow pages not read (outside the date window). */
  readonly unread: SubmissionsPageRef[];
}

async function loadListing(
  client: EdgarClient,
  deps: PipelineDeps,
  cik: string,
  window: DateWindow,
  warnings: string[],
): Promise<CompanyListing> {
  const url = deps.endpoints.submissions(cik);
  const company = parseCompanySubmissions(await client.getJson(url), url);
  warnings.push(...company.warnings);
  const rows = [...company.rows];
  const unread: SubmissionsPageRef[] = [];
  for (const page of company.pages) {
    if (!overlaps(page, window.since, window.until)) {
      unread.push(page);
      continue;
    }
    rows.push(...(await readPage(client, deps, page, warnings)));
  }
  return { cik: company.cik, name: company.name, rows, unread };
}

async function readPage(
  client: EdgarClient,
  deps: PipelineDeps,
  page: SubmissionsPageRef,
  warnings: string[],
): Promise<SubmissionsRow[]> {
  const url = deps.endpoints.submissionsPage(page.name);
  const parsed = parseSubmissionsPage(await client.getJson(url), url);
  warnings.push(...parsed.warnings);
  return parsed.rows;
}

/** Candidate CIKs of a file number, from every page of its browse-edgar feed. */
async function fileNumberCandidates(client: EdgarClient, deps: PipelineDeps, fileNumber: string): Promise<string[]> {
  const ciks: string[] = [];
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
  return ciks;
}

/** EDGAR writes absolute www.sec.gov links: follow them on the configured base. */
function sameBase(link: string, deps: PipelineDeps): string {
  const base = new URL(deps.endpoints.browseByFileNumber(''));
  const next = new URL(link, base);
  return `${base.origin}${next.pathname}${next.search}`;
}

/** Keeps the listing's rows that carry a file number or are of a reviewed form (listed_filings). */
async function saveListing(deps: PipelineDeps, listing: CompanyListing): Promise<void> {
  await deps.store.saveListedFilings(
    listing.rows.filter(isKeptListing).map((row) => ({
      accessionNumber: row.accessionNumber,
      cik: listing.cik,
      form: row.form,
      filingDate: row.filingDate,
      reportDate: row.reportDate,
      fileNumbers: row.fileNumbers,
    })),
  );
}

/** The listings of a file number's companies: those whose filings carry the number, else all candidates. */
async function fileNumberListings(
  client: EdgarClient,
  deps: PipelineDeps,
  fileNumber: string,
  window: DateWindow,
  warnings: string[],
): Promise<CompanyListing[]> {
  const candidates = await fileNumberCandidates(client, deps, fileNumber);
  if (candidates.length === 0) {
    throw new EdgarNotFoundError(
      deps.endpoints.browseByFileNumber(fileNumber),
      null,
      `no company files under file number ${fileNumber} (browse-edgar lists none)`,
    );
  }
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
  for (const listing of unconfirmed) {
    const verdict = confirmed.length > 0 ? 'dropped' : 'kept (no candidate is confirmed)';
    warnings.push(
      `CIK ${listing.cik} (${listing.name}) is listed for ${fileNumber} but none of its filings carries that number: ${verdict}`,
    );
  }
  return confirmed.length > 0 ? confirmed : unconfirmed;
}

/** The listings a target resolves to: a file number's confirmed companies, a ticker's company, a CIK. */
async function targetListings(
  client: EdgarClient,
  deps: PipelineDeps,
  target: Target,
  window: DateWindow,
  warnings: string[],
): Promise<CompanyListing[]> {
  if (target.kind === 'file-number') return fileNumberListings(client, deps, target.value, window, warnings);
  if (target.kind === 'ticker') {
    const url = deps.endpoints.companyTickers();
    const entry = findTicker(parseCompanyTickers(await client.getJson(url), url), target.value);
    if (entry === null)
      throw new EdgarNotFoundError(url, null, `ticker ${target.value} is not listed in company_tickers.json`);
    return [await loadListing(client, deps, entry.cik, window, warnings)];
  }
  return [await loadListing(client, deps, target.value, window, warnings)];
}

/** The letters and skipped related forms of the listings, each accession once, letters oldest first. */
function selectAcrossListings(
  listings: readonly CompanyListing[],
  forms: readonly LetterForm[] | undefined,
  window: DateWindow,
): { refs: FilingRef[]; skipped: SkippedFiling[] } {
  const refs: FilingRef[] = [];
  const skipped: SkippedFiling[] = [];
  const seen = new Set<string>();
  for (const listing of listings) {
    const selected = selectLetterFilings(listing.rows, listing.cik, { forms, ...window });
    // Co-registrants list the same letter: it is fetched once, from the first CIK that lists it.
    for (const ref of selected.refs) {
      if (seen.has(ref.accessionNumber)) continue;
      seen.add(ref.accessionNumber);
      refs.push(ref);
    }
    for (const skip of selected.skipped) {
      if (seen.has(skip.ref.accessionNumber)) continue;
      seen.add(skip.ref.accessionNumber);
      skipped.push(skip);
    }
  }
  refs.sort((a, b) => a.filingDate.localeCompare(b.filingDate) || a.accessionNumber.localeCompare(b.accessionNumber));
  return { refs, skipped };
}

export async function discoverTarget(deps: PipelineDeps, input: DiscoverInput): Promise<DiscoverOutput> {
  const { client, count } = countingClient(deps.client);
  const key = targetKey(input.target);
  const window: DateWindow = { since: input.since ?? null, until: input.until ?? null };
  const warnings: string[] = [];
  const listings = await targetListings(client, deps, input.target, window, warnings);
  const { refs, skipped } = selectAcrossListings(listings, input.forms, window);

  await deps.store.recordDiscovered([...refs, ...skipped.map((s) => s.ref)]);
  for (const skip of skipped) await deps.store.recordSkipped(skip.ref.accessionNumber, skip.reason);
  for (const listing of listings) await saveListing(deps, listing);
  const ciks = listings.map((l) => l.cik);
  const output: DiscoverOutput = {
    target: input.target,
    targetKey: key,
    ciks,
    refs,
    skipped,
    requests: count(),
    warnings,
  };
  await deps.store.setCheckpoint(
    discoveryCheckpoint(key),
    JSON.stringify({
      at: new Date().toISOString(),
      ciks,
      refs: refs.length,
      skipped: skipped.length,
      requests: output.requests,
    }),
  );
  return output;
}
