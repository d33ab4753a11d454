/**
 * A file number reaches its companies by two routes: browse-edgar's `filenum` feed (a legacy CGI whose real
 * answer was never captured) and EDGAR full-text search, whose hits for the quoted number name the filings
 * citing it, each with its own file numbers and CIKs. The second route is asked when the first gives nothing
 * usable; this module holds what is read from its hits and how the outcome is told. Pure.
 */
import type { FilingRef } from './filing-ref.ts';
import type { FullTextHit } from './full-text-search.ts';

export type FileNumberRoute = 'browse-edgar' | 'full-text-search';

/** What one route answered. */
export interface RouteAnswer {
  /** CIKs the route named, in its order. */
  readonly ciks: readonly string[];
  /** Why its answer was not usable (an error, an empty or unreadable feed, no CIK confirmed), else null. */
  readonly problem: string | null;
}

export interface FileNumberResolution {
  readonly fileNumber: string;
  /** The route whose companies were listed; null when neither named one (only letters found by their text). */
  readonly route: FileNumberRoute | null;
  readonly browseEdgar: RouteAnswer;
  /** null when it was not asked (browse-edgar's answer was usable). */
  readonly fullTextSearch: RouteAnswer | null;
  /** Letters only full-text search found (their text cites the number; no listed company of it lists them). */
  readonly textOnlyLetters: number;
}

/**
 * Ownership reports name their reporting owners beside the issuer and carry the issuer's file number: an
 * owner would pass for a filer of the number. The issuer's own filings (10-K, 8-K, ...) name it anyway.
 */
const OWNERSHIP_FORMS = new Set(['3', '4', '5', '144', 'SC 13D', 'SC 13G', 'SC TO-T', '13F-HR', 'SC 14D9']);
const isOwnershipReport = (hit: FullTextHit) =>
  [hit.form.replace(/\/A$/, ''), ...hit.rootForms].some((form) => OWNERSHIP_FORMS.has(form));

/**
 * The companies filing under `fileNumber` according to full-text search: the CIKs of hits whose own file
 * numbers include it (a hit that only cites the number in its text is another company's filing), ownership
 * reports left out. Most hits first, then first seen.
 */
export function filersInHits(hits: readonly FullTextHit[], fileNumber: string): string[] {
  const seen = new Map<string, number>();
  for (const hit of hits) {
    if (!hit.fileNumbers.includes(fileNumber) || isOwnershipReport(hit)) continue;
    for (const cik of hit.ciks) seen.set(cik, (seen.get(cik) ?? 0) + 1);
  }
  return [...seen].sort((a, b) => b[1] - a[1]).map(([cik]) => cik);
}

/**
 * The letters among the hits (of `forms`, filed inside the window), each accession once, listed under the
 * hit's first CIK (the filer's Archives folder). Hits without a filing date cannot be ordered nor windowed.
 */
export function lettersInHits(
  hits: readonly FullTextHit[],
  forms: readonly string[],
  window: { readonly since: string | null; readonly until: string | null },
): FilingRef[] {
  const refs = new Map<string, FilingRef>();
  for (const hit of hits) {
    const date = hit.filingDate;
    if (refs.has(hit.accessionNumber) || !forms.includes(hit.form) || date === null) continue;
    if ((window.since !== null && date < window.since) || (window.until !== null && date > window.until)) continue;
    refs.set(hit.accessionNumber, {
      accessionNumber: hit.accessionNumber,
      cik: hit.ciks[0]!,
      form: hit.form,
      filingDate: date,
      acceptanceDateTime: null,
      fileNumber: null,
      primaryDocument: null,
    });
  }
  return [...refs.values()];
}

/** CIKs only one route named, when both named some and their sets differ; else null. */
export function routeDisagreement(
  resolution: FileNumberResolution,
): { readonly onlyBrowseEdgar: string[]; readonly onlyFullTextSearch: string[] } | null {
  const browse = resolution.browseEdgar.ciks;
  const search = resolution.fullTextSearch?.ciks ?? [];
  if (browse.length === 0 || search.length === 0) return null;
  const onlyBrowseEdgar = browse.filter((cik) => !search.includes(cik));
  const onlyFullTextSearch = search.filter((cik) => !browse.includes(cik));
  return onlyBrowseEdgar.length + onlyFullTextSearch.length > 0 ? { onlyBrowseEdgar, onlyFullTextSearch } : null;
}

const ciksText = (ciks: readonly string[]) =>
  ciks.length === 0 ? 'no CIK' : `CIK${ciks.length > 1 ? 's' : ''} ${ciks.join(', ')}`;
const ROUTE_NAMES: Record<FileNumberRoute, string> = {
  'browse-edgar': 'browse-edgar',
  'full-text-search': 'full-text search',
};

/** The summary lines of a resolution: which route answered, why the other was asked, where they disagree. */
export function describeResolution(resolution: FileNumberResolution): string[] {
  const { fileNumber, route, browseEdgar, fullTextSearch } = resolution;
  const parts: string[] = [];
  if (route === null) parts.push('no route named a company');
  else {
    const answer = route === 'browse-edgar' ? browseEdgar : fullTextSearch!;
    parts.push(`resolved by ${ROUTE_NAMES[route]} (${ciksText(answer.ciks)})`);
  }
  if (browseEdgar.problem !== null) parts.push(`browse-edgar: ${browseEdgar.problem}`);
  if (fullTextSearch?.problem) parts.push(`full-text search: ${fullTextSearch.problem}`);
  if (resolution.textOnlyLetters > 0) {
    const n = resolution.textOnlyLetters;
    parts.push(`${n} letter${n > 1 ? 's' : ''} found only by ${n > 1 ? 'their' : 'its'} text`);
  }
  const lines = [`file number ${fileNumber}: ${parts.join('; ')}`];
  const disagreement = routeDisagreement(resolution);
  if (disagreement !== null) {
    const sides = [
      disagreement.onlyBrowseEdgar.length > 0 ? `${ciksText(disagreement.onlyBrowseEdgar)} only by browse-edgar` : '',
      disagreement.onlyFullTextSearch.length > 0
        ? `${ciksText(disagreement.onlyFullTextSearch)} only by full-text search`
        : '',
    ].filter((side) => side !== '');
    lines.push(`file number ${fileNumber}: the routes disagree: ${sides.join(', ')}`);
  }
  return lines;
}
