/**
 * The discover stage: one backfill target -> the filer CIK(s) -> every CORRESP/UPLOAD they list, from the
 * submissions JSON and all its overflow pages. File numbers resolve through browse-edgar's `filenum` feed, or
 * full-text search when that gives nothing usable (file-number-discovery.ts); tickers through company_tickers.json.
 * Records the refs (discovered), the related forms (skipped) and the company's listing (listed_filings: every
 * filing with a file number or of a reviewed form) in the store. I/O only through deps.
 */
import { findTicker, parseCompanyTickers } from '../discover/company-tickers.ts';
import type { FileNumberResolution } from '../discover/file-number-routes.ts';
import type { FilingRef } from '../discover/filing-ref.ts';
import { selectLetterFilings, type SkippedFiling } from '../discover/letter-forms.ts';
import { isKeptListing } from '../discover/reviewed-forms.ts';
import type { EdgarClient } from '../edgar/client.ts';
import { targetKey, type Target } from '../identifiers.ts';
import { EdgarNotFoundError } from '../errors.ts';
import type { LetterForm } from '../letter/schema.ts';
import { loadListing, type CompanyListing, type DateWindow } from './company-listing.ts';
import { discoverFileNumber } from './file-number-discovery.ts';
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
  /** For a file number: which route named its companies, and where the routes disagree; else null. */
  readonly resolution: FileNumberResolution | null;
}

/** Checkpoint holding the outcome of the last discovery of a target. */
export const discoveryCheckpoint = (key: string) => `discover:${key}`;

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

interface TargetListings {
  readonly listings: CompanyListing[];
  /** A file number's letters only full-text search found (none for a CIK or ticker). */
  readonly textOnly: readonly FilingRef[];
  readonly resolution: FileNumberResolution | null;
}

/** The listings a target resolves to: a file number's confirmed companies, a ticker's company, a CIK. */
async function targetListings(
  client: EdgarClient,
  deps: PipelineDeps,
  input: DiscoverInput,
  window: DateWindow,
  warnings: string[],
): Promise<TargetListings> {
  const { target } = input;
  if (target.kind === 'file-number') {
    return discoverFileNumber(client, deps, { fileNumber: target.value, forms: input.forms, window }, warnings);
  }
  let cik = target.value;
  if (target.kind === 'ticker') {
    const url = deps.endpoints.companyTickers();
    const entry = findTicker(parseCompanyTickers(await client.getJson(url), url), target.value);
    if (entry === null)
      throw new EdgarNotFoundError(url, null, `ticker ${target.value} is not listed in company_tickers.json`);
    cik = entry.cik;
  }
  return { listings: [await loadListing(client, deps, cik, window, warnings)], textOnly: [], resolution: null };
}

/** The letters and skipped related forms of the listings, each accession once, letters oldest first. */
function selectAcrossListings(
  listings: readonly CompanyListing[],
  forms: readonly LetterForm[] | undefined,
  window: DateWindow,
  textOnly: readonly FilingRef[],
): { refs: FilingRef[]; skipped: SkippedFiling[] } {
  const refs: FilingRef[] = [...textOnly];
  const skipped: SkippedFiling[] = [];
  const seen = new Set<string>(textOnly.map((ref) => ref.accessionNumber));
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
  const { listings, textOnly, resolution } = await targetListings(client, deps, input, window, warnings);
  const { refs, skipped } = selectAcrossListings(listings, input.forms, window, textOnly);

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
    resolution,
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
