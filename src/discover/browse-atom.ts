/**
 * browse-edgar Atom feeds, read tolerantly (no sample of the filenum answer was ever captured):
 * - the company feed (`action=getcompany&CIK=` or `&filenum=`): a `<company-info>` block with `<cik>`, then
 *   filing entries (`<accession-number>`, `<filing-type>`, `<filing-date>`, `<file-number>`);
 * - the company-list feed: one entry per company, each with `<content><company-info><cik>`;
 * - the latest-filings feed (`action=getcurrent`): flat entries whose title reads "FORM - NAME (CIK) (Role)".
 * Anything that is not an Atom feed (EDGAR's HTML "no matching" pages) reads as an empty feed. Pure.
 */
import { load, type Cheerio } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { normalizeAccession, normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import { parseMarkup } from '../parse-markup.ts';

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

/**
 * The text of nodes as cheerio's `.text()` reads it (text and CDATA, not comments), without recursion: a feed
 * nesting a few hundred thousand elements would overflow the stack.
 */
function textOf(nodes: readonly AnyNode[]): string {
  let out = '';
  const stack: AnyNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') out += node.data;
    else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return out;
}

/** The first element below `root`, in document order, whose name passes `test`. */
function firstDescendant(root: AnyNode, test: (name: string) => boolean): AnyNode | null {
  const stack: AnyNode[] = 'children' in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('name' in node && test(node.name)) return node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

function childText(scope: Cheerio<AnyNode>, name: string): string | null {
  // Element names with dashes are matched by tag name, never as CSS (":" and "-" would need escaping); by a
  // walk of the tree, since cheerio's descendant search climbs the ancestors of every candidate (quadratic in
  // the depth of a deeply nested feed).
  for (const root of scope.toArray()) {
    const found = firstDescendant(root, (n) => n.toLowerCase() === name);
    if (found) return clean(textOf([found]));
  }
  return null;
}

function readCompanyInfo(info: Cheerio<AnyNode>): AtomCompany | null {
  const cik = normalizeCik(childText(info, 'cik') ?? '');
  if (cik === null) return null;
  return { cik, name: childText(info, 'conformed-name') ?? childText(info, 'name') };
}

/** Where "(digits)" of 1 to 10 digits, preceded by a space, ends at `close` (its ")"); -1 when it does not. */
function cikGroupStart(title: string, close: number): number {
  let open = close - 1;
  while (open >= 0 && title.charCodeAt(open) >= 48 && title.charCodeAt(open) <= 57) open--;
  const digits = close - open - 1;
  if (digits < 1 || digits > 10 || title[open] !== '(' || title[open - 1] !== ' ') return -1;
  return open - 1;
}

/**
 * A latest-filings entry title, "FORM - NAME (CIK)" or "FORM - NAME (CIK) (Role)", split; null when it has
 * another shape. `title` is clean (single spaces, trimmed). Read from both ends by hand: the regex this
 * replaces (`^(.+?)\s+-\s+(.*?)\s+\((\d{1,10})\)(?:\s+\(([^)]*)\))?\s*$`) was quadratic on long titles.
 * Same answers: the form ends at the first " - ", the name runs to the earlier of the two possible CIK groups.
 */
export function splitFeedTitle(title: string): { form: string; name: string; cik: string } | null {
  const last = title.length - 1;
  if (title[last] !== ')') return null;
  const dash = title.indexOf(' - ', 1);
  if (dash < 0) return null;
  // "(CIK) (Role)": the ")" of the CIK is the one before the last; the role holds no ")".
  const beforeLast = title.lastIndexOf(')', last - 1);
  const withRole = beforeLast >= 0 && title.startsWith(' (', beforeLast + 1) ? cikGroupStart(title, beforeLast) : -1;
  const withoutRole = cikGroupStart(title, last);
  const at = [withRole, withoutRole].find((p) => p >= dash + 3);
  if (at === undefined) return null;
  const close = at === withRole ? beforeLast : last;
  return { form: title.slice(0, dash), name: title.slice(dash + 3, at), cik: title.slice(at + 2, close) };
}

const ARCHIVE_CIK = /\/Archives\/edgar\/data\/(\d{1,10})\//;
const ACCESSION_IN_ID = /accession-number=(\d{10}-\d{2}-\d{6})/;
// One loop over "</b>" and spaces: a "\s*" after it backtracked quadratically over a run of spaces.
const FILED_IN_SUMMARY = /Filed:(?:<\/b>|\s)*(\d{4}-\d{2}-\d{2})/;
const ACC_IN_SUMMARY = /AccNo:(?:<\/b>|\s)*(\d{10}-\d{2}-\d{6})/;

function readFilingEntry(entry: Cheerio<AnyNode>): AtomFiling | null {
  const id = clean(textOf(entry.children('id').toArray())) ?? '';
  const summary = textOf(entry.children('summary').toArray());
  const accession = normalizeAccession(
    childText(entry, 'accession-number') ?? ACCESSION_IN_ID.exec(id)?.[1] ?? ACC_IN_SUMMARY.exec(summary)?.[1] ?? '',
  );
  if (accession === null) return null;
  const title = clean(textOf(entry.children('title').toArray())) ?? '';
  const titled = splitFeedTitle(title);
  const form =
    childText(entry, 'filing-type') ??
    clean(entry.children('category').attr('term')) ??
    (titled ? clean(titled.form) : clean(title.split(' - ')[0]));
  if (form === null) return null;
  const href = entry.children('link').attr('href') ?? childText(entry, 'filing-href') ?? '';
  const cik = normalizeCik(ARCHIVE_CIK.exec(href)?.[1] ?? titled?.cik ?? '');
  const dateText = childText(entry, 'filing-date') ?? FILED_IN_SUMMARY.exec(summary)?.[1] ?? null;
  const fileNumberText = childText(entry, 'file-number');
  return {
    accessionNumber: accession,
    form,
    filingDate: dateText !== null && /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? dateText : null,
    fileNumber: fileNumberText === null ? null : normalizeFileNumber(fileNumberText),
    cik,
    companyName: titled ? clean(titled.name) : null,
    updated: clean(textOf(entry.children('updated').toArray())),
  };
}

/** Parses any browse-edgar Atom answer into companies, filing entries and the next-page link. */
export function parseBrowseFeed(xml: string): BrowseFeed {
  if (!/<feed[\s>]/.test(xml)) return EMPTY;
  // Parsed in linear time however deeply the elements nest (parse-markup.ts), then queried with cheerio.
  const $ = load(parseMarkup(xml, { xml: true }), { xml: true });
  // The first <feed> (names are case-sensitive in XML), found by a walk rather than a selector.
  const feedNode = firstDescendant($.root()[0]!, (n) => n === 'feed');
  const feed = feedNode ? $(feedNode) : $([]);
  if (feed.length === 0) return EMPTY;
  const companies: AtomCompany[] = [];
  const addCompany = (company: AtomCompany | null) => {
    if (company !== null && !companies.some((c) => c.cik === company.cik)) companies.push(company);
  };
  const topInfo = feed.children('company-info').first();
  if (topInfo.length > 0) addCompany(readCompanyInfo(topInfo));

  const filings: AtomFiling[] = [];
  let listedCompanies = 0;
  feed.children('entry').each((_, el) => {
    const entry = $(el);
    const info = entry.children('content').children('company-info').first();
    if (info.length > 0) {
      listedCompanies += 1;
      addCompany(readCompanyInfo(info));
      return;
    }
    const filing = readFilingEntry(entry);
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
