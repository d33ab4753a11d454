/**
 * EDGAR URLs, built from the configured bases. The one place that knows EDGAR's paths: the client fetches
 * them, the replica under test/ serves them.
 */
import { accessionFolder, padCik } from '../identifiers.ts';

export interface EdgarBases {
  /** https://www.sec.gov */
  readonly wwwUrl: string;
  /** https://data.sec.gov */
  readonly dataUrl: string;
  /** https://efts.sec.gov/LATEST */
  readonly eftsUrl: string;
}

export type DailyIndexKind = 'form' | 'company' | 'master' | 'crawler';

export function createEndpoints(bases: EdgarBases) {
  const www = bases.wwwUrl.replace(/\/+$/, '');
  const data = bases.dataUrl.replace(/\/+$/, '');
  const efts = bases.eftsUrl.replace(/\/+$/, '');
  const archive = (cik: string, accession: string) => `${www}/Archives/edgar/data/${cik}/${accessionFolder(accession)}`;
  return {
    /** The main submissions JSON of a CIK: recent filings plus `filings.files` overflow pages. */
    submissions: (cik: string) => `${data}/submissions/CIK${padCik(cik)}.json`,
    /** An overflow page named in `filings.files[].name`, e.g. "CIK0001551152-submissions-001.json". */
    submissionsPage: (name: string) => `${data}/submissions/${name}`,
    /** The complete submission text: SGML header and every document. One request per filing. */
    submissionText: (cik: string, accession: string) => `${archive(cik, accession)}/${accession}.txt`,
    /** The directory listing of a filing. */
    filingIndexJson: (cik: string, accession: string) => `${archive(cik, accession)}/index.json`,
    /** The human filing index page. */
    filingIndexHtml: (cik: string, accession: string) => `${archive(cik, accession)}/${accession}-index.htm`,
    ...indexFiles(www),
    /** Ticker -> CIK map. */
    companyTickers: () => `${www}/files/company_tickers.json`,
    /** browse-edgar company feed (Atom) by CIK, optionally filtered by form type. */
    browseByCik: (cik: string, options: { type?: string; start?: number; count?: number } = {}) =>
      `${www}/cgi-bin/browse-edgar?${new URLSearchParams({
        action: 'getcompany',
        CIK: padCik(cik),
        type: options.type ?? '',
        dateb: '',
        owner: 'include',
        start: String(options.start ?? 0),
        count: String(options.count ?? 100),
        output: 'atom',
      })}`,
    /** browse-edgar by file number (Atom): the filer CIK(s) of a file number. */
    browseByFileNumber: (fileNumber: string, options: { start?: number; count?: number } = {}) =>
      `${www}/cgi-bin/browse-edgar?${new URLSearchParams({
        action: 'getcompany',
        filenum: fileNumber,
        owner: 'include',
        start: String(options.start ?? 0),
        count: String(options.count ?? 100),
        output: 'atom',
      })}`,
    /** The latest-filings feed (Atom) for one form type. */
    latestFilings: (type: string, options: { start?: number; count?: number } = {}) =>
      `${www}/cgi-bin/browse-edgar?${new URLSearchParams({
        action: 'getcurrent',
        type,
        company: '',
        dateb: '',
        owner: 'include',
        start: String(options.start ?? 0),
        count: String(options.count ?? 100),
        output: 'atom',
      })}`,
    /**
     * Full-text search for a file number as a quoted phrase: the filings whose text cites it (each hit names its
     * own file numbers and CIKs); with `forms`, only those forms (e.g. CORRESP,UPLOAD); `from` pages by hits.
     */
    fileNumberSearch: (
      fileNumber: string,
      options: { forms?: readonly string[]; from?: number; since?: string | null; until?: string | null } = {},
    ) => {
      const params = new URLSearchParams({ q: `"${fileNumber}"` });
      if (options.forms && options.forms.length > 0) params.set('forms', options.forms.join(','));
      if (options.since || options.until) {
        params.set('dateRange', 'custom');
        if (options.since) params.set('startdt', options.since);
        if (options.until) params.set('enddt', options.until);
      }
      if (options.from) params.set('from', String(options.from));
      return `${efts}/search-index?${params}`;
    },
    /** Full-text search. */
    fullTextSearch: (params: Record<string, string>) => `${efts}/search-index?${new URLSearchParams(params)}`,
  };
}

/** EDGAR's index files under Archives: what was disseminated on a day, or in a quarter. */
function indexFiles(www: string) {
  return {
    /** A daily index file, e.g. form.20230703.idx; `date` is YYYY-MM-DD. */
    dailyIndex: (kind: DailyIndexKind, date: string) => {
      const [y, m, d] = date.split('-');
      const quarter = Math.floor((Number(m) - 1) / 3) + 1;
      return `${www}/Archives/edgar/daily-index/${y}/QTR${quarter}/${kind}.${y}${m}${d}.idx`;
    },
    /** A quarterly full-index file, e.g. master.gz of 2021 QTR1: every filing disseminated in the quarter. */
    fullIndex: (year: number, quarter: number, file: string) =>
      `${www}/Archives/edgar/full-index/${year}/QTR${quarter}/${file}`,
  };
}

export type Endpoints = ReturnType<typeof createEndpoints>;
