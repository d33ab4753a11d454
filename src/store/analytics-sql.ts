/**
 * What both stores share about the analytic tables (DESIGN.md "Analytic tables"): the filter conditions in
 * SQL both speak, the searchable terms of a thread (file numbers, topics, authorities), the keyset cursor and
 * the paging loop. Rows are stored whole as JSON beside the few columns that filters and ordering need.
 */
import { CommentRowSchema, ConversationRowSchema, type CommentRow, type ConversationRow } from '../analytics/rows.ts';
import { normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import type { AnalyticsFilter, CommentFilter, ConversationFilter, Page, ThreadAnalytics } from './document-store.ts';
import type { BindParameter } from './letter-filter-sql.ts';
import { InvalidCursorError } from './store-errors.ts';

/** Rows per page when the caller gives no limit, and the most a page holds whatever the limit. */
export const DEFAULT_ANALYTICS_PAGE = 100;
export const MAX_ANALYTICS_PAGE = 1000;

/** The limit actually used: a whole number between 1 and MAX_ANALYTICS_PAGE. */
export function analyticsPageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_ANALYTICS_PAGE;
  return Math.min(MAX_ANALYTICS_PAGE, Math.max(1, Math.trunc(limit)));
}

/** Terms of a thread: `position` is the comment's index in the thread, -1 for the review's own terms. */
export interface AnalyticTerm {
  readonly position: number;
  readonly term: 'file_number' | 'topic' | 'authority';
  readonly value: string;
}

/** The review's file numbers, then each comment's topics and authorities (authorities lower-cased). */
export function threadTerms(thread: ThreadAnalytics): AnalyticTerm[] {
  const terms: AnalyticTerm[] = [];
  const fileNumbers = new Set(thread.conversation.fileNumbers.map((n) => normalizeFileNumber(n) ?? n.trim()));
  for (const value of fileNumbers) terms.push({ position: -1, term: 'file_number', value });
  thread.comments.forEach((comment, position) => {
    for (const value of new Set(comment.topics)) terms.push({ position, term: 'topic', value });
    for (const value of new Set(comment.authorities.map((a) => a.toLowerCase()))) {
      terms.push({ position, term: 'authority', value });
    }
  });
  return terms;
}

/**
 * How the overview shows an authority term (stored lower-cased, so spellings count as one): as a comment citing it
 * writes it (`ASC 606`, `S-K 303(b)`, as src/letter/authorities.ts normalises them), preferring a spelling that is
 * not all lower case; the term itself when the comment's list has no match. `cited`: that comment's authorities.
 */
export function authorityDisplay(term: string, cited: unknown): string {
  const spellings = Array.isArray(cited)
    ? cited.filter((a): a is string => typeof a === 'string' && a.toLowerCase() === term)
    : [];
  return spellings.find((a) => a !== term) ?? spellings[0] ?? term;
}

/**
 * A citation matches `--authority X` when it is X or X made more precise: "ASC 606" matches "ASC 606" and
 * "ASC 606-10-25-19", "S-K 303" matches "S-K 303(b)", "Reg G" matches "Reg G 100(b)", "SAB Topic 1" matches
 * "SAB Topic 1.M"; "ASC 60" matches none of them. Case-insensitive. `value` is an SQL expression.
 */
export function authorityMatches(value: string, authority: string, bind: BindParameter): string {
  const x = authority.trim().replace(/\s+/g, ' ').toLowerCase();
  // Bound in the order the placeholders appear: SQLite's "?" are positional.
  const whole = bind(x);
  const prefixes = ['-', '(', ' ', '.'].map((c) => bind(x + c)).join(', ');
  return `(lower(${value}) = ${whole} OR substr(lower(${value}), 1, ${x.length + 1}) IN (${prefixes}))`;
}

function termExists(term: AnalyticTerm['term'], scope: string, match: (value: string) => string): string {
  return `EXISTS (SELECT 1 FROM analytic_terms t WHERE ${scope} AND t.term = '${term}' AND ${match('t.value')})`;
}

function commonConditions(
  filter: AnalyticsFilter,
  alias: string,
  dateColumn: string,
  termScope: string,
  bind: BindParameter,
): string[] {
  const conditions: string[] = [];
  if (filter.fileNumber !== undefined) {
    const fileNumber = normalizeFileNumber(filter.fileNumber) ?? filter.fileNumber.trim();
    conditions.push(
      termExists(
        'file_number',
        `t.thread_id = ${alias}.thread_id AND t.position = -1`,
        (v) => `${v} = ${bind(fileNumber)}`,
      ),
    );
  }
  if (filter.cik !== undefined)
    conditions.push(`${alias}.cik = ${bind(normalizeCik(filter.cik) ?? filter.cik.trim())}`);
  if (filter.since !== undefined) conditions.push(`${alias}.${dateColumn} >= ${bind(filter.since)}`);
  if (filter.until !== undefined) conditions.push(`${alias}.${dateColumn} <= ${bind(filter.until)}`);
  if (filter.topic !== undefined) {
    const topic = filter.topic;
    conditions.push(termExists('topic', termScope, (v) => `${v} = ${bind(topic)}`));
  }
  if (filter.authority !== undefined) {
    const authority = filter.authority;
    conditions.push(termExists('authority', termScope, (v) => authorityMatches(v, authority, bind)));
  }
  return conditions;
}

/** Conditions over `comments c`: the comment's own topics and authorities, its review's file numbers. */
export function commentConditions(filter: CommentFilter, bind: BindParameter): string[] {
  const scope = 't.thread_id = c.thread_id AND t.position = c.position';
  const conditions = commonConditions(filter, 'c', 'letter_date', scope, bind);
  if (filter.status !== undefined) conditions.push(`c.resolution = ${bind(filter.status)}`);
  if (filter.threadId !== undefined) conditions.push(`c.thread_id = ${bind(filter.threadId)}`);
  return conditions;
}

/** Conditions over `conversations v`: topics and authorities of any of its comments. */
export function conversationConditions(filter: ConversationFilter, bind: BindParameter): string[] {
  const scope = 't.thread_id = v.thread_id AND t.position >= 0';
  const conditions = commonConditions(filter, 'v', 'first_letter_date', scope, bind);
  if (filter.status !== undefined) conditions.push(`v.status = ${bind(filter.status)}`);
  return conditions;
}

/** Keyset of the comments' order (letter date, thread, position) and the conversations' (first date, thread). */
export type CommentKey = readonly [letterDate: string, threadId: string, position: number];
export type ConversationKey = readonly [firstLetterDate: string, threadId: string];

/** An opaque cursor: the last row's key as base64url JSON, tagged with its table. */
export function encodeCursor(table: 'comments' | 'conversations', key: CommentKey | ConversationKey): string {
  return Buffer.from(JSON.stringify([table, ...key])).toString('base64url');
}

export function decodeCommentCursor(cursor: string): CommentKey {
  const value = decode(cursor, 'comments');
  const [date, thread, position] = value;
  if (value.length !== 3 || typeof date !== 'string' || typeof thread !== 'string' || !Number.isInteger(position)) {
    throw new InvalidCursorError(cursor);
  }
  return [date, thread, position as number];
}

export function decodeConversationCursor(cursor: string): ConversationKey {
  const value = decode(cursor, 'conversations');
  const [date, thread] = value;
  if (value.length !== 2 || typeof date !== 'string' || typeof thread !== 'string')
    throw new InvalidCursorError(cursor);
  return [date, thread];
}

function decode(cursor: string, table: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (!Array.isArray(value) || value[0] !== table) throw new InvalidCursorError(cursor);
  return value.slice(1);
}

/** Every row matching a filter, page after page (each page one short query: no snapshot held open). */
export async function* streamPages<T, F>(
  list: (request: { filter: F; limit: number; cursor: string | null }) => Promise<Page<T>>,
  filter: F,
): AsyncIterable<T> {
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list({ filter, limit: MAX_ANALYTICS_PAGE, cursor });
    yield* page.data;
    cursor = page.next;
  } while (cursor !== null);
}

/** The page and its cursor from `limit + 1` rows fetched. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  toRow: (row: R) => T,
  key: (row: R) => string,
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { data: kept.map(toRow), next: more ? key(kept.at(-1)!) : null };
}

/**
 * A stored row in the schema's key order at every level (JSONB keeps no key order; zod rebuilds objects from
 * the schema). A row stored by an older schema that no longer validates is returned as stored.
 */
export function restoreCommentRow(stored: unknown): CommentRow {
  const parsed = CommentRowSchema.safeParse(stored);
  return parsed.success ? parsed.data : (stored as CommentRow);
}

export function restoreConversationRow(stored: unknown): ConversationRow {
  const parsed = ConversationRowSchema.safeParse(stored);
  return parsed.success ? parsed.data : (stored as ConversationRow);
}
