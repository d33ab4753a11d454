/** The overview's counts in the SQLite store: GROUP BY over the letters and analytic tables (document-store.ts). */
import type { OverviewCounts } from './document-store.ts';
import { authorityDisplay, restoreConversationRow } from './analytics-sql.ts';
import type { SqliteConnection } from './sqlite-connection.ts';

/**
 * The overview's queries. Each reads an index (migration 5 and the analytic tables' own), not the letters' or
 * conversations' rows: at 10^5 letters a scan of the letters table alone reads their whole text.
 */
export const OVERVIEW_SQL = {
  lettersByYear: `SELECT substr(filing_date, 1, 4) AS year, form, count(*) AS n FROM letters GROUP BY 1, 2 ORDER BY 1, 2`,
  rounds: `SELECT json_extract(row_json, '$.rounds') AS value, count(*) AS n FROM conversations GROUP BY 1 ORDER BY 1`,
  daysOpen: `SELECT json_extract(row_json, '$.daysOpen') AS value, count(*) AS n FROM conversations
    WHERE status = 'complete' GROUP BY 1 ORDER BY 1`,
  // From the topic terms (a small index), not by joining every comment: the comments scan only their year index.
  topicsByYear: `SELECT substr(letter_date, 1, 4) AS year, NULL AS topic, count(*) AS n FROM comments GROUP BY 1
    UNION ALL
    SELECT substr(c.letter_date, 1, 4), t.value, count(*) FROM analytic_terms t
      JOIN comments c ON c.thread_id = t.thread_id AND c.position = t.position
    WHERE t.term = 'topic' GROUP BY 1, 2 ORDER BY 1, 2`,
  // Counted by the lower-cased term; shown as the first citing comment (by thread, position) spells it.
  authorities: `SELECT g.value, g.n, (SELECT json_extract(c.row_json, '$.authorities') FROM analytic_terms t
      JOIN comments c ON c.thread_id = t.thread_id AND c.position = t.position
      WHERE t.term = 'authority' AND t.value = g.value ORDER BY t.thread_id, t.position LIMIT 1) AS cited
    FROM (SELECT value, count(*) AS n FROM analytic_terms WHERE term = 'authority'
      GROUP BY value ORDER BY n DESC, value LIMIT ?) g
    ORDER BY g.n DESC, g.value`,
  recent: `SELECT row_json FROM conversations
    ORDER BY json_extract(row_json, '$.lastLetterDate') DESC, thread_id LIMIT ?`,
} as const;

export function overviewCounts(
  db: SqliteConnection,
  limits: { readonly authorities: number; readonly recent: number },
): OverviewCounts {
  const valueCounts = (sql: string) => db.all(sql).map((r) => ({ value: Number(r['value']), count: Number(r['n']) }));
  return {
    lettersByYear: db
      .all(OVERVIEW_SQL.lettersByYear)
      .map((r) => ({ year: String(r['year']), form: String(r['form']), count: Number(r['n']) })),
    rounds: valueCounts(OVERVIEW_SQL.rounds),
    daysOpen: valueCounts(OVERVIEW_SQL.daysOpen),
    topicsByYear: db.all(OVERVIEW_SQL.topicsByYear).map((r) => ({
      year: String(r['year']),
      topic: r['topic'] === null ? null : String(r['topic']),
      count: Number(r['n']),
    })),
    authorities: db.all(OVERVIEW_SQL.authorities, limits.authorities).map((r) => ({
      value: authorityDisplay(String(r['value']), JSON.parse(String(r['cited'] ?? 'null'))),
      count: Number(r['n']),
    })),
    recent: db
      .all(OVERVIEW_SQL.recent, limits.recent)
      .map((r) => restoreConversationRow(JSON.parse(String(r['row_json'])))),
  };
}
