/** The overview's counts in the PostgreSQL store: GROUP BY over the letters and analytic tables (document-store.ts). */
import type { OverviewCounts } from './document-store.ts';
import { authorityDisplay, restoreConversationRow } from './analytics-sql.ts';
import type { PostgresConnection } from './postgres-connection.ts';

type Counted = { n: string };

export async function overviewCounts(
  db: PostgresConnection,
  limits: { readonly authorities: number; readonly recent: number },
): Promise<OverviewCounts> {
  const [letters, rounds, daysOpen, topics, authorities, recent] = await Promise.all([
    db.query<Counted & { year: string; form: string }>(
      'SELECT substr(filing_date, 1, 4) AS year, form, count(*) AS n FROM letters GROUP BY 1, 2 ORDER BY 1, 2',
    ),
    db.query<Counted & { value: number }>(
      `SELECT (row->>'rounds')::int AS value, count(*) AS n FROM conversations GROUP BY 1 ORDER BY 1`,
    ),
    db.query<Counted & { value: number }>(
      `SELECT (row->>'daysOpen')::int AS value, count(*) AS n FROM conversations
       WHERE status = 'complete' GROUP BY 1 ORDER BY 1`,
    ),
    db.query<Counted & { year: string; topic: string | null }>(
      `SELECT substr(letter_date, 1, 4) AS year, NULL AS topic, count(*) AS n FROM comments GROUP BY 1
       UNION ALL
       SELECT substr(c.letter_date, 1, 4), t.value, count(*) FROM analytic_terms t
         JOIN comments c ON c.thread_id = t.thread_id AND c.position = t.position
       WHERE t.term = 'topic' GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST`,
    ),
    // Counted by the lower-cased term; shown as the first citing comment (by thread, position) spells it.
    db.query<Counted & { value: string; cited: unknown }>(
      `SELECT g.value, g.n, (SELECT c.row -> 'authorities' FROM analytic_terms t
         JOIN comments c ON c.thread_id = t.thread_id AND c.position = t.position
         WHERE t.term = 'authority' AND t.value = g.value ORDER BY t.thread_id, t.position LIMIT 1) AS cited
       FROM (SELECT value, count(*) AS n FROM analytic_terms WHERE term = 'authority'
         GROUP BY value ORDER BY n DESC, value COLLATE "C" LIMIT $1) g
       ORDER BY g.n DESC, g.value COLLATE "C"`,
      [limits.authorities],
    ),
    db.query<{ row: unknown }>(
      `SELECT row FROM conversations ORDER BY row->>'lastLetterDate' COLLATE "C" DESC, thread_id LIMIT $1`,
      [limits.recent],
    ),
  ]);
  return {
    lettersByYear: letters.rows.map((r) => ({ year: r.year, form: r.form, count: Number(r.n) })),
    rounds: rounds.rows.map((r) => ({ value: Number(r.value), count: Number(r.n) })),
    daysOpen: daysOpen.rows.map((r) => ({ value: Number(r.value), count: Number(r.n) })),
    topicsByYear: topics.rows.map((r) => ({ year: r.year, topic: r.topic, count: Number(r.n) })),
    authorities: authorities.rows.map((r) => ({ value: authorityDisplay(r.value, r.cited), count: Number(r.n) })),
    recent: recent.rows.map((r) => restoreConversationRow(r.row)),
  };
}
