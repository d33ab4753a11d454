/**
 * Pages of letters and of search hits for the read API and the viewer. Letters are paged by their position in
 * the listing order (keyset, so page 1000 costs what page 1 costs); search hits by their rank (offset). Topic
 * and authority filters look inside the items, which the stores do not index: letters are read past the
 * non-matching ones, so a rare topic costs a longer scan.
 */
import type { Letter } from '../letter/schema.ts';
import type { DocumentStore, LetterFilter, SearchHit } from '../store/document-store.ts';
import { letterSortKey } from '../store/letter-record.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { ParsedQuery } from './query-filters.ts';
import type { RowPage } from './review-rows.ts';

/** The store filter of a parsed query (without topic and authority, which `matchesItems` applies). */
export function letterFilterOf(query: ParsedQuery): LetterFilter {
  return {
    fileNumber: query.fileNumber,
    cik: query.cik,
    since: query.since,
    until: query.until,
    forms: query.forms,
    kinds: query.kinds,
  };
}

/** Whether any item of the letter carries the query's topic and authority. */
export function matchesItems(letter: Letter, query: ParsedQuery): boolean {
  if (query.topic === undefined && query.authority === undefined) return true;
  return letter.items.some(
    (item) =>
      (query.topic === undefined || item.topics.includes(query.topic)) &&
      (query.authority === undefined || item.authorities.includes(query.authority)),
  );
}

export async function loadLetterPage(store: DocumentStore, query: ParsedQuery): Promise<RowPage<Letter>> {
  const filter: LetterFilter = { ...letterFilterOf(query), after: afterOf(query.cursor) };
  const data: Letter[] = [];
  let more = false;
  for await (const letter of store.listLetters(filter)) {
    if (!matchesItems(letter, query)) continue;
    if (data.length === query.limit) {
      more = true;
      break;
    }
    data.push(letter);
  }
  const last = data.at(-1);
  const next =
    more && last
      ? encodeCursor([letterSortKey(last.acceptanceDateTime, last.filingDate), last.filingDate, last.accessionNumber])
      : null;
  return { data, next };
}

function afterOf(cursor: string | null): LetterFilter['after'] {
  if (cursor === null) return undefined;
  const [sortKey, filingDate, accessionNumber] = decodeCursor(cursor, 3).map(String);
  return { sortKey: sortKey!, filingDate: filingDate!, accessionNumber: accessionNumber! };
}

/** Search hits are scanned this many at a time when topic or authority filters drop some. */
const SEARCH_BATCH = 100;
/** Past this rank a search answers no further page (the stores rank at most this many). */
const SEARCH_DEPTH = 1000;

export async function loadSearchPage(
  store: DocumentStore,
  query: ParsedQuery & { q: string },
): Promise<RowPage<SearchHit>> {
  let offset = query.cursor === null ? 0 : Number(decodeCursor(query.cursor, 1)[0]);
  const filter = letterFilterOf(query);
  const needsItems = query.topic !== undefined || query.authority !== undefined;
  const data: SearchHit[] = [];
  while (offset < SEARCH_DEPTH) {
    const batch = needsItems ? SEARCH_BATCH : query.limit + 1;
    const hits = await store.searchLetters(query.q, { limit: batch, offset, filter });
    for (const hit of hits) {
      if (data.length === query.limit) return { data, next: encodeCursor([offset]) };
      offset += 1;
      if (needsItems) {
        const letter = await store.getLetter(hit.accessionNumber);
        if (!letter || !matchesItems(letter, query)) continue;
      }
      data.push(hit);
    }
    if (hits.length < batch) break;
  }
  return { data, next: null };
}
