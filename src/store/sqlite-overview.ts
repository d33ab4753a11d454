/** The overview's counts in the SQLite store: GROUP BY over the letters and analytic tables (document-store.ts). */
import type { OverviewCounts } from './document-store.ts';
import { authorityDisplay, restoreConversationRow } from './analytics-sql.ts';
import type { SqliteConnection } from './sqlite-connection.ts';

export function overviewCounts(
  db: SqliteConnection,
  limits: { readonly authorities: number; readonly recent: number },
): OverviewCounts {
  const valueCounts = <T>(sql: string, value: (v: unknown) => T, ...params: number[]) =>
    db.all(sql, ...params).map((r) => ({ value: value(r['value']), count: Number(r['n']) }));
  return {
    lettersByYear: db
      .all('SELECT substr(filing_date, 1, 4) AS year, form, count(*) AS n FROM letters GROUP BY 1, 2 ORDER BY 1, 2')
      .map((r) => ({ year: String(r['year']), form: String(r['form']), count: Number(r['n']) })),
    rounds: valueCounts(
      `SELECT json_extract(row_json, '$.rounds') AS value, count(*) AS n FROM conversations GROUP BY 1 ORDER BY 1`,
      Number,
    ),
    daysOpen: valueCounts(
      `SELECT json_extract(row_json, '$.daysOpen') AS value, count(*) AS n FROM conversations
       WHERE status = 'complete' GROUP BY 1 ORDER BY 1`,
      Number,
    ),
    // From the topic terms (a small index), not by joining every comment: the comments scan only their year index.
    topicsByYear: db
      .all(
        `SELECT substr(letter_date, 1, 4) AS year, NULL AS topic, count(*) AS n FROM comments GROUP BY 1
         UNION ALL
         SELECT substr(c.letter_date, 1, 4), t.value, count(*) FROM analytic_terms t
           JOIN comments c ON c.thread_id = t.thread_id AND c.position = t.position
         WHERE t.term = 'topic' GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .map((r) => ({
        year: String(r['year']),
        topic: r['topic'] === null ? null : String(r['topic']),
        count: Number(r['n']),
      })),
    // Counted by the lower-cased term; shown as the first citing comment (by thread, position) spells it.
    authorities: db
      .all(
        `SELECT g.value, g.n, (SELECT json_extract(c.row_json, '$.authorities') FROM analytic_terms t
           JOIN comments c ON c.thread_id = t.thread_id AND c.position = t.position
           WHERE t.term = 'authority' AND t.value = g.value ORDER BY t.thread_id, t.position LIMIT 1) AS cited
         FROM (SELECT value, count(*) AS n FROM analytic_terms WHERE term = 'authority'
           GROUP BY value ORDER BY n DESC, value LIMIT ?) g
         ORDER BY g.n DESC, g.value`,
        limits.authorities,
      )
      .map((r) => ({
        value: authorityDisplay(String(r['value']), JSON.parse(String(r['cited'] ?? 'null'))),
        count: Number(r['n']),
      })),
    recent: db
      .all(
        `SELECT row_json FROM conversations
         ORDER BY json_extract(row_json, '$.lastLetterDate') DESC, thread_id LIMIT ?`,
        limits.recent,
      )
      .map((r) => restoreConversationRow(JSON.parse(String(r['row_json'])))),
  };
}
