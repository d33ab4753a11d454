/** The analytic tables of the PostgreSQL store (`comments`, `conversations`, `analytic_terms`); see analytics-sql.ts. */
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
import type { PostgresConnection } from './postgres-connection.ts';

/** Serialises analytic rewrites across workers: two rebuilds of one company would otherwise interleave. */
const ANALYTICS_LOCK = 'edgar-corresp analytics';

export async function replaceThreadAnalytics(
  db: PostgresConnection,
  threads: readonly ThreadAnalytics[],
  ciks: readonly string[],
): Promise<void> {
  const conversations = threads.map((t) => t.conversation);
  const comments = threads.flatMap((t) =>
    t.comments.map((comment, position) => ({ threadId: t.conversation.threadId, position, comment })),
  );
  const terms = threads.flatMap((t) => threadTerms(t).map((term) => ({ threadId: t.conversation.threadId, ...term })));
  await db.transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ANALYTICS_LOCK]);
    // Terms and comments go with their conversation (ON DELETE CASCADE).
    await client.query('DELETE FROM conversations WHERE cik = ANY($1::text[]) OR thread_id = ANY($2::text[])', [
      [...new Set(ciks)],
      conversations.map((c) => c.threadId),
    ]);
    await client.query(
      `INSERT INTO conversations (thread_id, cik, first_letter_date, status, row, updated_at)
       SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
      [
        conversations.map((c) => c.threadId),
        conversations.map((c) => c.cik),
        conversations.map((c) => c.firstLetterDate),
        conversations.map((c) => c.status),
        conversations.map((c) => JSON.stringify(c)),
      ],
    );
    await client.query(
      `INSERT INTO comments (thread_id, position, accession_number, number, cik, letter_date, resolution, row)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::jsonb[])`,
      [
        comments.map((c) => c.threadId),
        comments.map((c) => c.position),
        comments.map((c) => c.comment.accessionNumber),
        comments.map((c) => c.comment.number),
        comments.map((c) => c.comment.cik),
        comments.map((c) => c.comment.letterDate),
        comments.map((c) => c.comment.resolution),
        comments.map((c) => JSON.stringify({ ...c.comment, threadId: c.threadId })),
      ],
    );
    await client.query(
      `INSERT INTO analytic_terms (thread_id, position, term, value)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      [terms.map((t) => t.threadId), terms.map((t) => t.position), terms.map((t) => t.term), terms.map((t) => t.value)],
    );
  });
}

export async function listComments(
  db: PostgresConnection,
  request: PageRequest<CommentFilter>,
): Promise<Page<CommentRow>> {
  const limit = analyticsPageLimit(request.limit);
  const params: unknown[] = [];
  const bind = (value: string | number): string => `$${params.push(value)}`;
  const conditions = commentConditions(request.filter ?? {}, bind);
  if (request.cursor) {
    const [date, thread, position] = decodeCommentCursor(request.cursor);
    conditions.push(
      `(c.letter_date, c.thread_id, c.position) > (${bind(date)}, ${bind(thread)}, ${bind(position)}::int)`,
    );
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const { rows } = await db.query<{ row: CommentRow; letter_date: string; thread_id: string; position: number }>(
    `SELECT c.row, c.letter_date, c.thread_id, c.position FROM comments c ${where}
     ORDER BY c.letter_date, c.thread_id, c.position LIMIT ${limit + 1}`,
    params,
  );
  return toPage(
    rows,
    limit,
    (row) => restoreCommentRow(row.row),
    (row) => encodeCursor('comments', [row.letter_date, row.thread_id, row.position]),
  );
}

export async function listConversations(
  db: PostgresConnection,
  request: PageRequest<ConversationFilter>,
): Promise<Page<ConversationRow>> {
  const limit = analyticsPageLimit(request.limit);
  const params: unknown[] = [];
  const bind = (value: string): string => `$${params.push(value)}`;
  const conditions = conversationConditions(request.filter ?? {}, bind);
  if (request.cursor) {
    const key = decodeConversationCursor(request.cursor);
    conditions.push(`(v.first_letter_date, v.thread_id) > (${key.map(bind).join(', ')})`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const { rows } = await db.query<{ row: ConversationRow; first_letter_date: string; thread_id: string }>(
    `SELECT v.row, v.first_letter_date, v.thread_id FROM conversations v ${where}
     ORDER BY v.first_letter_date, v.thread_id LIMIT ${limit + 1}`,
    params,
  );
  return toPage(
    rows,
    limit,
    (row) => restoreConversationRow(row.row),
    (row) => encodeCursor('conversations', [row.first_letter_date, row.thread_id]),
  );
}

export async function getConversation(db: PostgresConnection, threadId: string): Promise<ConversationRow | null> {
  const { rows } = await db.query<{ row: ConversationRow }>('SELECT row FROM conversations WHERE thread_id = $1', [
    threadId,
  ]);
  return rows[0] ? restoreConversationRow(rows[0].row) : null;
}
