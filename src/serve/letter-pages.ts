/**
 * Pages of letters and of search hits for the read API and the viewer. Letters are paged by their position in
 * the listing order (keyset, so page 1000 costs what page 1 costs); search hits by their rank (an offset into
 * the best matches the stores rank). Every filter, topic and authority included, is applied by the store.
 */
import type { DocumentStore, LetterFilter, LetterRow, SearchHit } from '../store/document-store.ts';
import { letterSortKey } from '../store/letter-record.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { ParsedQuery } from './query-filters.ts';
import type { RowPage } from './review-rows.ts';

/**
 * A page of letters as list rows: metadata and items, the full `text` only with `include=text` (the full
 * letter is at /api/letters/{accession}); one store query of limit + 1 rows tells whether a next page exists.
 */
export async function loadLetterPage(store: DocumentStore, query: ParsedQuery<'letters'>): Promise<RowPage<LetterRow>> {
  const filter: LetterFilter = { ...query.filter, after: afterOf(query.cursor) };
  const rows = await store.pageLetters(filter, query.limit + 1, { text: query.includeText === true });
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  const next =
    rows.length > query.limit && last
      ? encodeCursor([letterSortKey(last.acceptanceDateTime, last.filingDate), last.filingDate, last.accessionNumber])
      : null;
  return { data, next };
}

function afterOf(cursor: string | null): LetterFilter['after'] {
  if (cursor === null) return undefined;
  const [sortKey, filingDate, accessionNumber] = decodeCursor(cursor, 3).map(String);
  return { sortKey: sortKey!, filingDate: filingDate!, accessionNumber: accessionNumber! };
}

/** Past this rank a search answers no further page (the stores rank at most this many). */
const SEARCH_DEPTH = 1000;

export async function loadSearchPage(
  store: DocumentStore,
  query: ParsedQuery<'search'> & { q: string },
): Promise<RowPage<SearchHit>> {
  const offset = query.cursor === null ? 0 : Number(decodeCursor(query.cursor, 1)[0]);
  if (!Number.isInteger(offset) || offset < 0 || offset >= SEARCH_DEPTH) return { data: [], next: null };
  const hits = await store.searchLetters(query.q, { limit: query.limit + 1, offset, filter: query.filter });
  const data = hits.slice(0, query.limit);
  const more = hits.length > query.limit && offset + query.limit < SEARCH_DEPTH;
  return { data, next: more ? encodeCursor([offset + query.limit]) : null };
}
