/** discover/browse-atom.ts before issue 9 (quadratic titles and summaries; cheerio's selectors on deep feeds), verbatim: a test oracle. */
/**
 * browse-edgar Atom feeds, read tolerantly (no sample of the filenum answer was ever captured):
 * - the company feed (`action=getcompany&CIK=` or `&filenum=`): a `<company-info>` block with `<cik>`, then
 *   filing entries (`<accession-number>`, `<filing-type>`, `<filing-date>`, `<file-number>`);
 * - the company-list feed: one entry per company, each with `<content><company-info><cik>`;
 * - the latest-filings feed (`action=getcurrent`): flat entries whose title reads "FORM - NAME (CIK) (Role)".
 * Anything that is not an Atom feed (EDGAR's HTML "no matching" pages) reads as an empty feed. Pure.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { normalizeAccession, normalizeCik, normalizeFileNumber } from '../../../src/identifiers.ts';

export interface AtomCompany {
  readonly cik: string;
  readonly name: string | null;
}

export interface AtomFiling {
  readonly accessionNumber: string;
  /** The form type ("CORRESP", "UPLOAD", "10-K", "3/A"). */
  readonly form: string;
  /** YYYY-MM-DD, or null when the entry does not say. */
  readonly filingDate: string | null;
  readonly fileNumber: string | null;
  /** The CIK of the Archives folder the entry links to, or the one in its title. */
  readonly cik: string | null;
  readonly companyName: string | null;
  /** `<updated>` as written (an ISO time with offset). */
  readonly updated: string | null;
}

export type BrowseFeedKind = 'company' | 'company-list' | 'filings' | 'empty';

export interface BrowseFeed {
  readonly kind: BrowseFeedKind;
  readonly companies: readonly AtomCompany[];
  readonly filings: readonly AtomFiling[];
  /** The `rel="next"` link, when the feed is paged. */
  readonly nextUrl: string | null;
}

const EMPTY: BrowseFeed = { kind: 'empty', companies: [], filings: [], nextUrl: null };

const clean = (value: string | undefined): string | null => {
  const t = (value ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

function childText($: CheerioAPI, scope: Cheerio<AnyNode>, name: string): string | null {
  // Element names with dashes are matched by tag name, never as CSS (":" and "-" would need escaping).
  const found = scope.find('*').filter((_, el) => 'name' in el && el.name.toLowerCase() === name);
  return clean(found.first().text());
}

function readCompanyInfo($: CheerioAPI, info: Cheerio<AnyNode>): AtomCompany | null {
  const cik = normalizeCik(childText($, info, 'cik') ?? '');
  if (cik === null) return null;
  return { cik, name: childText($, info, 'conformed-name') ?? childText($, info, 'name') };
}

const TITLE = /^(.+?)\s+-\s+(.*?)\s+\((\d{1,10})\)(?:\s+\(([^)]*)\))?\s*$/;
const ARCHIVE_CIK = /\/Archives\/edgar\/data\/(\d{1,10})\//;
const ACCESSION_IN_ID = /accession-number=(\d{10}-\d{2}-\d{6})/;
const FILED_IN_SUMMARY = /Filed:(?:<\/b>|\s)*\s*(\d{4}-\d{2}-\d{2})/;
const ACC_IN_SUMMARY = /AccNo:(?:<\/b>|\s)*\s*(\d{10}-\d{2}-\d{6})/;

function readFilingEntry($: CheerioAPI, entry: Cheerio<AnyNode>): AtomFiling | null {
  const id = clean(entry.children('id').text()) ?? '';
  const summary = entry.children('summary').text();
  const accession = normalizeAccession(
    childText($, entry, 'accession-number') ?? ACCESSION_IN_ID.exec(id)?.[1] ?? ACC_IN_SUMMARY.exec(summary)?.[1] ?? '',
  );
  if (accession === null) return null;
  const title = clean(entry.children('title').text()) ?? '';
  const titled = TITLE.exec(title);
  const form =
    childText($, entry, 'filing-type') ??
    clean(entry.children('category').attr('term')) ??
    (titled ? clean(titled[1]) : clean(title.split(' - ')[0]));
  if (form === null) return null;
  const href = entry.children('link').attr('href') ?? childText($, entry, 'filing-href') ?? '';
  const cik = normalizeCik(ARCHIVE_CIK.exec(href)?.[1] ?? titled?.[3] ?? '');
  const dateText = childText($, entry, 'filing-date') ?? FILED_IN_SUMMARY.exec(summary)?.[1] ?? null;
  const fileNumberText = childText($, entry, 'file-number');
  return {
    accessionNumber: accession,
    form,
    filingDate: dateText !== null && /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? dateText : null,
    fileNumber: fileNumberText === null ? null : normalizeFileNumber(fileNumberText),
    cik,
    companyName: titled ? clean(titled[2]) : null,
    updated: clean(entry.children('updated').text()),
  };
}

/** Parses any browse-edgar Atom answer into companies, filing entries and the next-page link. */
export function oldParseBrowseFeed(xml: string): BrowseFeed {
  if (!/<feed[\s>]/.test(xml)) return EMPTY;
  const $ = load(xml, { xml: true });
  const feed = $('feed').first();
  if (feed.length === 0) return EMPTY;
  const companies: AtomCompany[] = [];
  const addCompany = (company: AtomCompany | null) => {
    if (company !== null && !companies.some((c) => c.cik === company.cik)) companies.push(company);
  };
  const topInfo = feed.children('company-info').first();
  if (topInfo.length > 0) addCompany(readCompanyInfo($, topInfo));

  const filings: AtomFiling[] = [];
  let listedCompanies = 0;
  feed.children('entry').each((_, el) => {
    const entry = $(el);
    const info = entry.children('content').children('company-info').first();
    if (info.length > 0) {
      listedCompanies += 1;
      addCompany(readCompanyInfo($, info));
      return;
    }
    const filing = readFilingEntry($, entry);
    if (filing !== null) filings.push(filing);
  });
  let nextUrl: string | null = null;
  feed.children('link').each((_, el) => {
    if ($(el).attr('rel') === 'next') nextUrl = clean($(el).attr('href'));
  });
  const kind: BrowseFeedKind =
    topInfo.length > 0 ? 'company' : listedCompanies > 0 ? 'company-list' : filings.length > 0 ? 'filings' : 'empty';
  return { kind, companies, filings, nextUrl };
}
