import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { makeThread } from '../../fixtures/analytics-rows.ts';
import { accessionFor, makeLetter } from '../../fixtures/letters.ts';
import { cleanEnv, runCliProcess } from './support.ts';

/** Reads a Parquet file with DuckDB (an independent reader): the column types and the rows as JSON. */
async function readParquet(path: string, select = '*') {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const types = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
    const rows = await connection.runAndReadAll(`SELECT ${select} FROM read_parquet('${path}')`);
    const typeOf = Object.fromEntries(types.getRowObjectsJson().map((r) => [r['column_name'], r['column_type']]));
    return { typeOf, rows: rows.getRowObjectsJson() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('export --table comments|conversations|letters', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edgar-export-tables-'));
    const store = await SqliteDocumentStore.open(join(dir, 'store.sqlite'));
    await store.replaceThreadAnalytics([
      makeThread('a', { count: 2 }),
      makeThread('b', { cik: '320193', fileNumber: '333-199812', firstLetterDate: '2015-03-02', count: 3 }),
    ]);
    await store.upsertLetter(makeLetter({ companyName: '=HYPERLINK("x")' }));
    await store.upsertLetter(makeLetter({ accessionNumber: accessionFor(2), items: [] }));
    await store.close();
    env = cleanEnv({ STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`, ARCHIVE_DIR: join(dir, 'archive') });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes comments as JSONL with the filters of the table', async () => {
    const result = await runCliProcess(['export', '--table', 'comments', '--topic', 'revenue', '--cik', '320193'], env);
    assert.equal(result.code, 0, result.stderr);
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      rows.map((r) => [r['threadId'], r['number']]),
      [['b', 2]],
    );
  });

  it('refuses a filter that does not apply to the table, with exit 2 and the filters it takes', async () => {
    for (const [table, flag, value] of [
      ['conversations', '--kind', 'comment'],
      ['comments', '--form', 'UPLOAD'],
      ['letters', '--status', 'open'],
    ] as const) {
      const result = await runCliProcess(['export', '--table', table, flag, value], env);
      assert.equal(result.code, 2, `${table} ${flag}: ${result.stderr}`);
      assert.match(result.stderr, new RegExp(`${flag} does not apply to ${table}: its filters are`));
    }
    const badStatus = await runCliProcess(['export', '--table', 'conversations', '--status', 'addressed'], env);
    assert.equal(badStatus.code, 2);
    assert.match(badStatus.stderr, /--status "addressed": use one of complete, answered, open/);
    const noOut = await runCliProcess(['export', '--format', 'parquet'], env);
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /add --out FILE/);
  });

  it('writes conversations as CSV with dotted struct columns and neutralised formulas', async () => {
    const out = join(dir, 'conversations.csv');
    const result = await runCliProcess(['export', '--table', 'conversations', '--format', 'csv', '--out', out], env);
    assert.equal(result.code, 0, result.stderr);
    const [header, first] = (await readFile(out, 'utf8')).split('\r\n');
    assert.match(header!, /^threadId,cik,companyName,fileNumbers,reviewedFiling\.form,reviewedFiling\.fiscalYearEnd,/);
    assert.match(first!, /^a,1508475,/);
    const letters = await runCliProcess(['export', '--format', 'csv'], env);
    assert.match(letters.stdout, /,"'=HYPERLINK\(""x""\)",/);
  });

  it('writes Parquet that DuckDB reads back with real types: DATE, LIST, STRUCT, nullable columns', async () => {
    const comments = join(dir, 'comments.parquet');
    const result = await runCliProcess(
      ['export', '--table', 'comments', '--format', 'parquet', '--out', comments],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /export: 5 comments written to/);
    const { typeOf, rows } = await readParquet(comments);
    assert.equal(typeOf['letterDate'], 'DATE');
    assert.equal(typeOf['round'], 'INTEGER');
    assert.equal(typeOf['reissued'], 'BOOLEAN');
    assert.equal(typeOf['topics'], 'VARCHAR[]');
    assert.equal(typeOf['priorComments'], 'INTEGER[]');
    assert.equal(typeOf['response'], 'STRUCT(accessionNumber VARCHAR, letterDate DATE, "text" VARCHAR)');
    assert.equal(rows.length, 5);
    const b2 = rows.find((r) => r['threadId'] === 'b' && r['number'] === 2)!;
    assert.equal(b2['letterDate'], '2015-03-02');
    assert.deepEqual(b2['topics'], ['revenue']);
    assert.deepEqual(b2['authorities'], ['ASC 606-10-25-19']);
    assert.equal(b2['disseminationDate'], null);
    assert.deepEqual(rows.find((r) => r['threadId'] === 'b' && r['number'] === 3)!['response'], null);

    const conversations = join(dir, 'conversations.parquet');
    await runCliProcess(['export', '--table', 'conversations', '--format', 'parquet', '--out', conversations], env);
    const read = await readParquet(conversations, 'threadId, firstLetterDate, medianDaysToRespond, topics');
    assert.equal(read.typeOf['topics'], 'STRUCT(topic VARCHAR, "comments" INTEGER)[]');
    assert.equal(read.typeOf['medianDaysToRespond'], 'DOUBLE');
    assert.deepEqual(read.rows[0], {
      threadId: 'a',
      firstLetterDate: '2013-09-27',
      medianDaysToRespond: 23.5,
      topics: [{ topic: 'revenue', comments: 1 }],
    });

    const letters = join(dir, 'letters.parquet');
    await runCliProcess(['export', '--format', 'parquet', '--out', letters, '--topic', 'revenue'], env);
    const letterRows = await readParquet(letters, 'accessionNumber, filingDate, items[1].topics AS topics');
    assert.equal(letterRows.typeOf['filingDate'], 'DATE');
    assert.deepEqual(letterRows.rows, [
      { accessionNumber: accessionFor(1), filingDate: '2014-01-03', topics: ['revenue'] },
    ]);
  });

  it('search filters letters by item topic and authority; --status is refused for letters', async () => {
    const revenue = await runCliProcess(['search', 'bundled', 'hosting', '--topic', 'revenue'], env);
    assert.equal(revenue.code, 0, revenue.stderr);
    assert.match(revenue.stdout, new RegExp(`^${accessionFor(1)} `));
    assert.match(revenue.stderr, /search: 1 hit\n/);
    const tax = await runCliProcess(['search', 'hosting', '--authority', 'ASC 740'], env);
    assert.match(tax.stderr, /search: 0 hits/);
    const status = await runCliProcess(['search', 'hosting', '--status', 'open'], env);
    assert.equal(status.code, 2);
    assert.match(status.stderr, /--status does not apply to letters/);
  });
});
