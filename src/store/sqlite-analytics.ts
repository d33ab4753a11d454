/** The analytic tables of the SQLite store (`comments`, `conversations`, `analytic_terms`); see analytics-sql.ts. */
import type { SQLInputValue } from 'node:sqlite';
import type { CommentRow, ConversationRow } from '../analytics/rows.ts';
import {
  analyticsPageLimit,
  commentConditions,
  conversationConditions,
  decodeCommentCursor,
  decodeConversationCursor,
  encodeCursor,
  restoreCommentRow,
  restoreConversationRow,
  threadTerms,
  toPage,
} from './analytics-sql.ts';
import type { CommentFilter, ConversationFilter, Page, PageRequest, ThreadAnalytics } from './document-store.ts';
import type { SqliteConnection, SqliteRow } from './sqlite-connection.ts';

export function replaceThreadAnalytics(
  db: SqliteConnection,
  threads: readonly ThreadAnalytics[],
  ciks: readonly string[],
): void {
  const now = new Date().toISOString();
  db.write(() => {
    // Terms and comments go with their conversation (ON DELETE CASCADE).
    for (const cik of new Set(ciks)) db.run('DELETE FROM conversations WHERE cik = ?', cik);
    for (const { conversation } of threads) {
      db.run('DELETE FROM conversations WHERE thread_id = ?', conversation.threadId);
    }
    for (const thread of threads) insertThread(db, thread, now);
  });
}

function insertThread(db: SqliteConnection, thread: ThreadAnalytics, now: string): void {
  const { conversation } = thread;
  db.run(
    `INSERT INTO conversations (thread_id, cik, first_letter_date, status, row_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    conversation.threadId,
    conversation.cik,
    conversation.firstLetterDate,
    conversation.status,
    JSON.stringify(conversation),
    now,
  );
  thread.comments.forEach((comment, position) => {
    db.run(
      `INSERT INTO comments (thread_id, position, accession_number, number, cik, letter_date, resolution, row_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      conversation.threadId,
      position,
      comment.accessionNumber,
      comment.number,
      comment.cik,
      comment.letterDate,
      comment.resolution,
      JSON.stringify({ ...comment, threadId: conversation.threadId }),
    );
  });
  for (const { position, term, value } of threadTerms(thread)) {
    db.run(
      'INSERT OR IGNORE INTO analytic_terms (thread_id, position, term, value) VALUES (?, ?, ?, ?)',
      conversation.threadId,
      position,
      term,
      value,
    );
  }
}

export function listComments(db: SqliteConnection, request: PageRequest<CommentFilter>): Page<CommentRow> {
  const limit = analyticsPageLimit(request.limit);
  const params: SQLInputValue[] = [];
  const bind = (value: string | number): string => (params.push(value), '?');
  const conditions = commentConditions(request.filter ?? {}, bind);
  if (request.cursor) {
    const key = decodeCommentCursor(request.cursor);
    conditions.push(`(c.letter_date, c.thread_id, c.position) > (${key.map(bind).join(', ')})`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db.all(
    `SELECT c.row_json, c.letter_date, c.thread_id, c.position FROM comments c ${where}
     ORDER BY c.letter_date, c.thread_id, c.position LIMIT ${limit + 1}`,
    ...params,
  );
  return toPage(
    rows,
    limit,
    (row) => restoreCommentRow(parseRow(row)),
    (row) => encodeCursor('comments', [String(row['letter_date']), String(row['thread_id']), Number(row['position'])]),
  );
}

export function listConversations(
  db: SqliteConnection,
  request: PageRequest<ConversationFilter>,
): Page<ConversationRow> {
  const limit = analyticsPageLimit(request.limit);
  const params: SQLInputValue[] = [];
  const bind = (value: string): string => (params.push(value), '?');
  const conditions = conversationConditions(request.filter ?? {}, bind);
  if (request.cursor) {
    const key = decodeConversationCursor(request.cursor);
    conditions.push(`(v.first_letter_date, v.thread_id) > (${key.map(bind).join(', ')})`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db.all(
    `SELECT v.row_json, v.first_letter_date, v.thread_id FROM conversations v ${where}
     ORDER BY v.first_letter_date, v.thread_id LIMIT ${limit + 1}`,
    ...params,
  );
  return toPage(
    rows,
    limit,
    (row) => restoreConversationRow(parseRow(row)),
    (row) => encodeCursor('conversations', [String(row['first_letter_date']), String(row['thread_id'])]),
  );
}

export function getConversation(db: SqliteConnection, threadId: string): ConversationRow | null {
  const row = db.get('SELECT row_json FROM conversations WHERE thread_id = ?', threadId);
  return row ? restoreConversationRow(parseRow(row)) : null;
}

function parseRow(row: SqliteRow): unknown {
  return JSON.parse(String(row['row_json']));
}
