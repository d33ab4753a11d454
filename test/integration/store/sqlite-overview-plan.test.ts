/**
 * The overview's queries read indexes, not rows: at 10^5 letters a scan of the letters table reads every
 * letter's text (30 s cold before migration 5), and a scan of conversations parses every review's JSON.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { OVERVIEW_SQL } from '../../../src/store/sqlite-overview.ts';

const root = await mkdtemp(join(tmpdir(), 'edgar-corresp-overview-plan-'));
after(() => rm(root, { recursive: true, force: true }));

function plan(db: DatabaseSync, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => 10);
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => String(row['detail']));
}

/** The plan's steps that read a table's rows one by one (a scan without an index). */
function rowScans(db: DatabaseSync, sql: string): string[] {
  return plan(db, sql).filter(
    (detail) => /^SCAN (letters|conversations|comments)\b/.test(detail) && !/INDEX/.test(detail),
  );
}

describe('SQLite overview queries', () => {
  it('read indexes of letters, conversations and comments, never their rows in full', async () => {
    const path = join(root, 'store.sqlite');
    await (await SqliteDocumentStore.open(path)).close();
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      for (const [name, sql] of Object.entries(OVERVIEW_SQL)) {
        assert.deepEqual(rowScans(db, sql), [], `${name} scans rows`);
      }
      assert.ok(
        plan(db, OVERVIEW_SQL.lettersByYear).some((d) => d.includes('COVERING INDEX letters_filing_date_form')),
      );
      assert.ok(plan(db, OVERVIEW_SQL.recent).some((d) => d.includes('INDEX conversations_recent')));
    } finally {
      db.close();
    }
  });
});
