/**
 * The replica's routes: EDGAR paths (as src/edgar/endpoints.ts builds them) to rendered resources. Pure:
 * a request path in, a resource (or null for 404) out; the server adds compression, caching and faults.
 */
import { createHash } from 'node:crypto';
import { normalizeCik, normalizeFileNumber } from '../../src/identifiers.ts';
import type { DailyIndexKind } from '../../src/edgar/endpoints.ts';
import type { ReplicaCatalog } from './catalog.ts';
import type { ReplicaStream } from './dataset.ts';
import { renderIndexJson, renderFilingIndexHtml } from './formats/archives.ts';
import { matchesType, renderCompanyFeed, renderCompanyListFeed, renderLatestFeed } from './formats/browse-atom.ts';
import { renderCompanyTickers } from './formats/company-tickers.ts';
import { renderDailyIndex } from './formats/daily-index.ts';
import { renderFullTextSearch } from './formats/efts.ts';
import { fullIndexResource } from './full-index-route.ts';
import { renderSubmissions, type SubmissionsOptions } from './formats/submissions.ts';

export interface Resource {
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Archives resources carry validators (ETag, Last-Modified); data.sec.gov ones are `no-store`. */
  readonly cache: { readonly etag: string; readonly lastModified: string } | 'no-store' | 'no-cache';
  /** Served instead of `body` (which is then empty): streamed with its size as Content-Length, never gzipped. */
  readonly stream?: ReplicaStream;
}

export interface RouteOptions extends SubmissionsOptions {
  /** The base URL links in feeds point at (the replica's own). */
  readonly www: string;
  /** `filenum=` queries always answer as the company-list feed (default: like a CIK query when one company matches). */
  readonly fileNumberAsList?: boolean;
  /** EDGAR's today (YYYY-MM-DD): full-index quarters after it answer 404. Default the clock (New York). */
  readonly today?: string;
  /** `filenum=` answers naming these CIKs for a file number, right or not (a stale index); default the data's. */
  readonly fileNumberCiks?: Readonly<Record<string, readonly string[]>>;
  /** Full-text search hits a page; default 100 (EDGAR's). */
  readonly eftsPageSize?: number;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const latin1 = (text: string) => Buffer.from(text, 'latin1');

export function archived(body: Uint8Array, contentType: string, acceptance: string): Resource {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  return { body, contentType, cache: { etag, lastModified: new Date(acceptance).toUTCString() } };
}

const SUBMISSIONS = /^\/submissions\/CIK(\d{10})(?:-submissions-(\d{3}))?\.json$/;
const ARCHIVE = /^\/Archives\/edgar\/data\/(\d{1,10})\/(\d{18})\/([^/]+)$/;
const DAILY =
  /^\/Archives\/edgar\/daily-index\/(\d{4})\/QTR([1-4])\/(form|company|master|crawler)\.(\d{4})(\d{2})(\d{2})\.idx$/;

export function route(catalog: ReplicaCatalog, pathAndQuery: string, options: RouteOptions): Resource | null {
  const url = new URL(pathAndQuery, 'http://replica.invalid');
  const path = url.pathname;

  const submissions = SUBMISSIONS.exec(path);
  if (submissions) {
    const cik = normalizeCik(submissions[1]!);
    const company = cik ? catalog.company(cik) : undefined;
    if (!company) return null;
    const rendered = renderSubmissions(company, catalog.filingsOf(company.cik), options);
    const body = submissions[2] ? rendered.pages.get(path.slice('/submissions/'.length)) : rendered.main;
    return body === undefined ? null : { body: utf8(body), contentType: 'application/json', cache: 'no-store' };
  }

  const archive = ARCHIVE.exec(path);
  if (archive) return archiveResource(catalog, archive[1]!, archive[2]!, archive[3]!);

  const daily = DAILY.exec(path);
  if (daily) {
    const [, year, quarter, kind, y, m, d] = daily;
    const date = `${y}-${m}-${d}`;
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (y !== year || Math.floor((Number(m) - 1) / 3) + 1 !== Number(quarter) || weekday === 0 || weekday === 6) {
      return null;
    }
    const text = renderDailyIndex(kind as DailyIndexKind, date, catalog.disseminatedOn(date), options.www);
    const body = latin1(text);
    return archived(body, 'text/plain', `${date}T22:00:00-05:00`);
  }

  if (path.startsWith('/Archives/edgar/full-index/')) return fullIndexResource(catalog, path, options.today);

  if (path === '/files/company_tickers.json') {
    return { body: utf8(renderCompanyTickers(catalog.dataset)), contentType: 'application/json', cache: 'no-cache' };
  }

  if (path === '/cgi-bin/browse-edgar') return browse(catalog, url.searchParams, options);
  if (path === '/LATEST/search-index') {
    const body = utf8(renderFullTextSearch(catalog, url.searchParams, options.eftsPageSize));
    return { body, contentType: 'application/json', cache: 'no-store' };
  }
  return null;
}

function archiveResource(catalog: ReplicaCatalog, cikText: string, folder: string, name: string): Resource | null {
  const accession = `${folder.slice(0, 10)}-${folder.slice(10, 12)}-${folder.slice(12)}`;
  const listed = catalog.filing(accession);
  const cik = normalizeCik(cikText);
  if (!listed || !cik || !catalog.isFilerOf(cik, listed.filing, listed.company)) return null;
  const { filing } = listed;
  const company = catalog.company(cik) ?? listed.company;
  const at = filing.acceptanceDateTime;
  if (name === `${accession}.txt`) {
    const stream = filing.submissionStream;
    if (!stream) return archived(filing.submissionText, 'text/plain', at);
    const etag = `"${createHash('sha1').update(`${accession}:${stream.size}`).digest('hex').slice(0, 16)}"`;
    const lastModified = new Date(at).toUTCString();
    return { body: new Uint8Array(0), contentType: 'text/plain', cache: { etag, lastModified }, stream };
  }
  if (name === 'index.json') return archived(utf8(renderIndexJson(cik, filing)), 'application/json', at);
  if (name === `${accession}-index.htm` || name === `${accession}-index.html`) {
    return archived(utf8(renderFilingIndexHtml(company, cik, filing)), 'text/html', at);
  }
  const document = filing.documents.find((doc) => doc.filename === name);
  if (!document) return null;
  const type = /\.pdf$/i.test(name)
    ? 'application/pdf'
    : /\.html?$/i.test(name)
      ? 'text/html'
      : /\.(jpg|jpeg)$/i.test(name)
        ? 'image/jpeg'
        : 'text/plain';
  return archived(document.bytes, type, at);
}

function browse(catalog: ReplicaCatalog, params: URLSearchParams, options: RouteOptions): Resource | null {
  const action = params.get('action') ?? '';
  const start = Math.max(0, Number(params.get('start') ?? 0) || 0);
  const count = Math.min(100, Math.max(1, Number(params.get('count') ?? 40) || 40));
  const type = params.get('type') ?? '';
  const atom = (text: string): Resource => ({
    body: latin1(text),
    contentType: 'application/atom+xml',
    cache: 'no-cache',
  });
  if (action === 'getcurrent') {
    const listed = catalog.latest().filter(({ filing }) => matchesType(filing.form, type));
    return atom(renderLatestFeed(options.www, listed.slice(start, start + count), type));
  }
  if (action !== 'getcompany') return null;
  const cikParam = params.get('CIK') ?? params.get('cik');
  if (cikParam) {
    const cik = normalizeCik(cikParam);
    const company = cik ? catalog.company(cik) : catalog.companyByTicker(cikParam);
    if (!company) return null;
    const filings = catalog.filingsOf(company.cik).filter((filing) => matchesType(filing.form, type));
    return atom(renderCompanyFeed({ www: options.www, company, filings, type, start, count }));
  }
  const filenum = params.get('filenum');
  if (filenum) {
    const fileNumber = normalizeFileNumber(filenum);
    const named = fileNumber ? options.fileNumberCiks?.[fileNumber] : undefined;
    const companies = named
      ? named.flatMap((cik) => catalog.company(cik) ?? [])
      : fileNumber
        ? catalog.companiesWithFileNumber(fileNumber)
        : [];
    if (companies.length === 1 && !options.fileNumberAsList) {
      const company = companies[0]!;
      const filings = catalog
        .filingsOf(company.cik)
        .filter((filing) => filing.listedFileNumber === fileNumber && matchesType(filing.form, type));
      return atom(renderCompanyFeed({ www: options.www, company, filings, type, start, count }));
    }
    return atom(renderCompanyListFeed(options.www, companies, `filenum=${filenum}&owner=include&count=${count}`));
  }
  return null;
}
