/**
 * EDGAR full-text search answers (`efts.sec.gov/LATEST/search-index?q=...&forms=...&from=`): an
 * Elasticsearch-shaped body, `hits.total` ({value, relation}: capped at 10,000, relation "gte" beyond) and
 * `hits.hits`, one hit per matching document, each with `_id` "adsh:filename" and `_source` carrying `ciks`
 * (10-digit strings), `file_num`, `adsh`, `form`, `root_forms`, `file_date`. The body echoes the query
 * (`query.from`, `query.size`). Read by hand: a hit that cannot be used (no accession, no CIK) is dropped with
 * a warning, a body that is not this shape is EdgarBadResponseError. Bounded: at most MAX_HITS hits a page and
 * MAX_LIST_ITEMS entries per list are read, whatever the body holds. Pure.
 */
import { EdgarBadResponseError } from '../errors.ts';
import { normalizeAccession, normalizeCik, normalizeFileNumber } from '../identifiers.ts';

/** EDGAR answers 100 hits a page; a page claiming far more is read only this far. */
export const MAX_HITS = 1000;
/** Entries read from one hit's list (ciks, file_num, root_forms): EDGAR's longest are a few dozen. */
const MAX_LIST_ITEMS = 100;
/** Full-text search refuses `from` beyond its 10,000-hit window. */
export const FULL_TEXT_WINDOW = 10_000;
/** The body of one page: about 1 KB a hit plus the aggregations; far more is not a search answer. */
export const MAX_FULL_TEXT_PAGE_BYTES = 8 * 1024 * 1024;

export interface FullTextHit {
  readonly accessionNumber: string;
  /** Every CIK the filing is listed under (filers, co-registrants, reporting owners), no leading zeros. */
  readonly ciks: readonly string[];
  /** The filing's own file numbers, EDGAR spelling. */
  readonly fileNumbers: readonly string[];
  /** "CORRESP", "UPLOAD", "10-K", "S-1/A". */
  readonly form: string;
  /** The base forms ("S-1" for "S-1/A"). */
  readonly rootForms: readonly string[];
  /** YYYY-MM-DD, or null when the hit does not say. */
  readonly filingDate: string | null;
  /** The matching document ("filename1.htm"), from `_id`. */
  readonly document: string | null;
}

export interface FullTextPage {
  readonly hits: readonly FullTextHit[];
  /** Hits of the whole search, as EDGAR counts them (at most 10,000). */
  readonly total: number;
  /** True when EDGAR says "at least" (`relation: "gte"`): more match than it counts. */
  readonly totalIsLowerBound: boolean;
  /** Offset of this page's first hit. */
  readonly from: number;
  /** `from` of the next page, or null when this page is the last one that can be asked. */
  readonly nextFrom: number | null;
  readonly warnings: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shortText = (value: unknown, max = 200): string | null =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;

/** The readable entries of a list field, each passed through `read`, deduplicated, at most MAX_LIST_ITEMS read. */
function listOf(value: unknown, read: (item: string) => string | null): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value.slice(0, MAX_LIST_ITEMS)) {
    const text = shortText(item);
    const read1 = text === null ? null : read(text);
    if (read1 !== null && !out.includes(read1)) out.push(read1);
  }
  return out;
}

const FORM = /^[A-Z0-9][A-Z0-9 ./-]{0,39}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readHit(hit: unknown): FullTextHit | string {
  if (!isRecord(hit) || !isRecord(hit['_source'])) return 'a hit without _source';
  const source = hit['_source'];
  const id = shortText(hit['_id'], 400);
  const adsh = normalizeAccession(shortText(source['adsh']) ?? id?.split(':')[0] ?? '');
  if (adsh === null) return `a hit without a valid adsh (_id ${JSON.stringify(id)})`;
  const ciks = listOf(source['ciks'], normalizeCik);
  if (ciks.length === 0) return `hit ${adsh} names no valid CIK`;
  const form = shortText(source['form'], 40) ?? shortText(source['file_type'], 40);
  if (form === null || !FORM.test(form)) return `hit ${adsh} has no valid form`;
  const date = shortText(source['file_date']);
  const colon = id?.indexOf(':') ?? -1;
  return {
    accessionNumber: adsh,
    ciks,
    fileNumbers: listOf(source['file_num'], normalizeFileNumber),
    form,
    rootForms: listOf(source['root_forms'], (f) => (FORM.test(f) ? f : null)),
    filingDate: date !== null && DATE.test(date) ? date : null,
    document: id !== null && colon > 0 && colon < id.length - 1 ? id.slice(colon + 1) : null,
  };
}

/**
 * One page of a full-text search. `askedFrom` is the `from` of the request. The next page starts after this
 * one's hits, while that is inside the total and the 10,000-hit window.
 */
export function parseFullTextSearch(json: unknown, source: string, askedFrom = 0): FullTextPage {
  const bad = (what: string) => new EdgarBadResponseError(source, null, `${source}: ${what}`);
  if (!isRecord(json)) throw bad('the full-text search answer is not a JSON object');
  const hits = json['hits'];
  if (!isRecord(hits) || !Array.isArray(hits['hits'])) throw bad('the full-text search answer has no hits.hits list');
  const totalField = hits['total'];
  // Older Elasticsearch answers carry the total as a bare number.
  const total = isRecord(totalField) ? count(totalField['value']) : count(totalField);
  if (total === null) throw bad('the full-text search answer has no hits.total');
  // Paging follows the `from` asked, never the one the body echoes: an echo stuck at 0 would page for ever.
  const query = isRecord(json['query']) ? json['query'] : {};
  const echoed = count(query['from']);
  const from = askedFrom;
  const list = hits['hits'] as unknown[];
  const warnings: string[] = [];
  if (echoed !== null && echoed !== from)
    warnings.push(`${source}: the answer echoes from=${echoed}, ${from} was asked`);
  if (list.length > MAX_HITS) warnings.push(`${source}: ${list.length} hits on one page, only ${MAX_HITS} read`);
  const read: FullTextHit[] = [];
  for (const item of list.slice(0, MAX_HITS)) {
    const hit = readHit(item);
    if (typeof hit === 'string') warnings.push(`${source}: ${hit}: dropped`);
    else read.push(hit);
  }
  // Hits past MAX_HITS are not lost: the next page starts right after the last one read.
  const next = from + Math.min(list.length, MAX_HITS);
  const end = Math.min(total, FULL_TEXT_WINDOW);
  return {
    hits: read,
    total,
    totalIsLowerBound: isRecord(totalField) && totalField['relation'] === 'gte',
    from,
    nextFrom: list.length > 0 && next < end ? next : null,
    warnings,
  };
}
