/**
 * Full-text search `efts.sec.gov/LATEST/search-index?q=&forms=&ciks=&startdt=&enddt=&from=`: an
 * Elasticsearch-shaped answer, 100 hits a page, one hit per matching document, totals capped at 10,000.
 * Matching is plain: every word of `q` (or the quoted phrase) must occur in the document's text.
 */
import { padCik } from '../../../src/identifiers.ts';
import type { ReplicaCatalog } from '../catalog.ts';

const PAGE = 100;
const CAP = 10_000;

function terms(q: string): string[] {
  const phrase = /^"(.*)"$/.exec(q.trim());
  if (phrase) return [phrase[1]!.toLowerCase()];
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** `pageSize`: hits a page (EDGAR: 100; tests page sooner). */
export function renderFullTextSearch(catalog: ReplicaCatalog, params: URLSearchParams, pageSize = PAGE): string {
  const wanted = terms(params.get('q') ?? '');
  const forms = (params.get('forms') ?? '').split(',').filter((form) => form !== '');
  const ciks = (params.get('ciks') ?? '')
    .split(',')
    .filter((cik) => cik !== '')
    .map((cik) => cik.replace(/^0+/, ''));
  const start = params.get('startdt') ?? '';
  const end = params.get('enddt') ?? '';
  const from = Math.max(0, Number(params.get('from') ?? 0) || 0);
  const hits = [];
  for (const company of catalog.dataset.companies) {
    for (const filing of company.filings) {
      const filers = [company.cik, ...filing.coRegistrantCiks];
      if (forms.length > 0 && !forms.includes(filing.form)) continue;
      if (ciks.length > 0 && !filers.some((cik) => ciks.includes(cik))) continue;
      if ((start && filing.filingDate < start) || (end && filing.filingDate > end)) continue;
      for (const document of filing.documents) {
        const text = Buffer.from(document.bytes).toString('latin1').toLowerCase();
        if (!wanted.every((term) => text.includes(term))) continue;
        const names = filers.map((cik) => {
          const filer = catalog.company(cik);
          const tickers = filer && filer.tickers.length > 0 ? `  (${filer.tickers.join(', ')})` : '';
          return `${filer?.name ?? cik}${tickers}  (CIK ${padCik(cik)})`;
        });
        hits.push({
          _index: 'edgar_file',
          _id: `${filing.accessionNumber}:${document.filename}`,
          _score: 1,
          _source: {
            ciks: filers.map(padCik),
            period_ending: filing.reportDate || null,
            file_num: filing.listedFileNumber ? [filing.listedFileNumber] : [],
            display_names: names,
            xsl: null,
            sequence: document.sequence,
            root_forms: [filing.form],
            file_date: filing.filingDate,
            biz_states: [],
            sics: [company.sic],
            form: filing.form,
            adsh: filing.accessionNumber,
            film_num: [],
            biz_locations: [],
            file_type: document.type,
            file_description: document.description,
            inc_states: [company.stateOfIncorporation],
            items: [],
          },
        });
      }
    }
  }
  const formCounts = new Map<string, number>();
  for (const hit of hits) formCounts.set(hit._source.form, (formCounts.get(hit._source.form) ?? 0) + 1);
  return JSON.stringify({
    took: 1,
    timed_out: false,
    _shards: { total: 50, successful: 50, skipped: 0, failed: 0 },
    hits: {
      total: { value: Math.min(hits.length, CAP), relation: hits.length > CAP ? 'gte' : 'eq' },
      max_score: hits.length > 0 ? 1 : null,
      hits: hits.slice(from, from + pageSize),
    },
    aggregations: {
      form_filter: {
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: 0,
        buckets: [...formCounts].map(([key, count]) => ({ key, doc_count: count })),
      },
    },
    // EDGAR echoes the query it ran, with the page asked (`from`, `size`).
    query: {
      _source: { exclude: ['doc_text'] },
      query: { bool: { must: wanted.map((term) => ({ match_phrase: { doc_text: term } })), must_not: [], should: [] } },
      from,
      size: PAGE,
    },
  });
}
