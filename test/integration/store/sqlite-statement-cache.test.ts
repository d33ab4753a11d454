/** The SQLite connection's statement cache stays bounded, whatever SQL callers send and however long their lists. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SqliteConnection, STATEMENT_CACHE_SIZE } from '../../../src/store/sqlite-connection.ts';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { listListedFilings } from '../../../src/store/sqlite-listed-filings.ts';
import { accessionFor } from '../../fixtures/letters.ts';

const root = await mkdtemp(join(tmpdir(), 'edgar-corresp-statements-'));
after(() => rm(root, { recursive: true, force: true }));

describe('SQLite statement cache', () => {
  it('keeps at most STATEMENT_CACHE_SIZE statements after 1,000 distinct ones', () => {
    const db = new SqliteConnection(':memory:', 1000);
    try {
      for (let n = 0; n < 1000; n += 1) assert.equal(db.get(`SELECT ${n} AS n`)?.['n'], n);
      assert.ok(db.cachedStatements <= STATEMENT_CACHE_SIZE, `${db.cachedStatements} statements cached`);
      assert.equal(db.get('SELECT 999 AS n')?.['n'], 999, 'a recent statement still answers');
    } finally {
      db.close();
    }
  });

  it('lists by 1,000 accession lists of varying length with one cached statement', async () => {
    const path = join(root, 'listed.sqlite');
    const store = await SqliteDocumentStore.open(path);
    await store.close();
    const db = new SqliteConnection(path, 1000);
    try {
      for (let length = 1; length <= 1000; length += 1) {
        const asked = Array.from({ length }, (_, n) => accessionFor(n + 1));
        assert.deepEqual(listListedFilings(db, { accessionNumbers: asked }), []);
      }
      assert.equal(db.cachedStatements, 1);
    } finally {
      db.close();
    }
  });
});
