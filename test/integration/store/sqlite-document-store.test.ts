import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { ConfigError } from '../../../src/errors.ts';
import { prepareLetterRecord } from '../../../src/store/letter-record.ts';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { SQLITE_MIGRATIONS } from '../../../src/store/sqlite-migrations.ts';
import { documentStoreContract } from '../../contract/document-store.ts';
import { letterSeries } from '../../fixtures/letters.ts';

const root = await mkdtemp(join(tmpdir(), 'edgar-corresp-sqlite-'));
after(() => rm(root, { recursive: true, force: true }));
let locations = 0;
const freshPath = (): string => join(root, `location-${++locations}`, 'nested', 'store.sqlite');

documentStoreContract({
  name: 'sqlite',
  async createLocation() {
    const path = freshPath();
    return {
      open: () => SqliteDocumentStore.open(path),
      destroy: () => rm(join(path, '..', '..'), { recursive: true, force: true }),
    };
  },
  async createLegacyLocation(version) {
    const path = freshPath();
    await mkdir(join(path, '..'), { recursive: true });
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version <= version)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)').run(migration.version, migration.name, 'then');
    }
    const close = () => db.isOpen && db.close();
    return {
      open: async () => (close(), SqliteDocumentStore.open(path)),
      destroy: async () => (close(), rm(join(path, '..', '..'), { recursive: true, force: true })),
      exec: async (sql) => db.exec(sql),
      async insertLetterV1(input) {
        const { letter, contentHash, sortKey, fileNumbers } = prepareLetterRecord(input);
        const { text, threadId, ...rest } = letter;
        db.prepare(
          `INSERT INTO letters (accession_number, cik, form, company_name, filing_date, acceptance_date_time, sort_key,
             letter_date, kind, thread_id, parser_version, content_hash, text, letter_json, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'then')`,
        ).run(
          letter.accessionNumber,
          letter.cik,
          letter.form,
          letter.companyName,
          letter.filingDate,
          letter.acceptanceDateTime,
          sortKey,
          letter.letterDate,
          letter.kind,
          threadId,
          letter.parserVersion,
          contentHash,
          text,
          JSON.stringify(rest),
        );
        for (const n of fileNumbers) {
          db.prepare('INSERT INTO letter_file_numbers VALUES (?, ?)').run(n, letter.accessionNumber);
        }
        db.prepare(
          `INSERT INTO filings (accession_number, cik, form, filing_date, state, parser_version, updated_at)
           VALUES (?, ?, ?, ?, 'parsed', ?, 'then')`,
        ).run(letter.accessionNumber, letter.cik, letter.form, letter.filingDate, letter.parserVersion);
      },
    };
  },
});

const WRITER = new URL('./sqlite-writer-process.ts', import.meta.url).pathname;

/** Starts a writer process and resolves once it has opened the store and waits for "go". */
async function startWriter(path: string, start: number, count: number): Promise<Writer> {
  const child = spawn(process.execPath, [WRITER, path, String(start), String(count)], { stdio: 'pipe' });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const reader = createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    reader.on('line', (line) => (line === 'ready' ? resolve() : lines.push(line)));
    child.on('exit', () => reject(new Error(`writer exited before it was ready: ${stderr}`)));
  });
  return { child, lines, exited, stderr: () => stderr };
}

/** Starts writers together; if one fails to start, the others are killed (they would wait for "go" forever). */
async function startWriters(...args: Array<[string, number, number]>): Promise<Writer[]> {
  const started = await Promise.allSettled(args.map((a) => startWriter(...a)));
  const failed = started.find((result) => result.status === 'rejected');
  if (!failed) return started.map((result) => (result as PromiseFulfilledResult<Writer>).value);
  for (const result of started) if (result.status === 'fulfilled') result.value.child.kill('SIGKILL');
  throw failed.reason;
}

interface Writer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  stderr(): string;
}

describe('SQLite store file', () => {
  it('opening creates the parent directories and a WAL-mode file with the FTS5 index', async () => {
    const path = freshPath();
    const store = await SqliteDocumentStore.open(path);
    await store.close();
    assert.ok(existsSync(path));
    const db = new DatabaseSync(path);
    try {
      assert.equal(db.prepare('PRAGMA journal_mode').get()?.['journal_mode'], 'wal');
      assert.ok(db.prepare("SELECT 1 AS x FROM sqlite_master WHERE name = 'letters_fts'").get());
      assert.equal(
        db.prepare('SELECT max(version) AS v FROM schema_version').get()?.['v'],
        SQLITE_MIGRATIONS.at(-1)!.version,
      );
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer schema version with a ConfigError naming the file', async () => {
    const path = freshPath();
    await (await SqliteDocumentStore.open(path)).close();
    const db = new DatabaseSync(path);
    db.exec("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', '2030-01-01')");
    db.close();
    await assert.rejects(
      SqliteDocumentStore.open(path),
      (error: unknown) => error instanceof ConfigError && error.message.includes(path) && /99/.test(error.message),
    );
  });

  it('two processes writing the same letters to one file at once store each exactly once', async () => {
    const path = freshPath();
    const writers = await startWriters([path, 1, 300], [path, 1, 300]);
    for (const writer of writers) writer.child.stdin.end('go\n');
    const codes = await Promise.all(writers.map((writer) => writer.exited));
    assert.deepEqual(codes, [0, 0], writers.map((w) => w.stderr()).join('\n'));
    const summaries = writers.map((writer) => JSON.parse(writer.lines.at(-1) ?? '{}') as Record<string, number>);
    assert.equal(
      summaries.reduce((sum, s) => sum + (s['inserted'] ?? 0), 0),
      300,
    );
    assert.equal(
      summaries.reduce((sum, s) => sum + (s['unchanged'] ?? 0), 0),
      300,
    );
    const store = await SqliteDocumentStore.open(path);
    try {
      assert.equal(await store.countLetters(), 300);
      assert.equal((await store.countFilingsByState()).parsed, 300);
      assert.equal((await store.searchLetters('goodwill', { limit: 1000 })).length, 300);
    } finally {
      await store.close();
    }
  });

  it('a writer killed with SIGKILL mid-run leaves a file that reopens with every letter it reported stored', async () => {
    const path = freshPath();
    const writer = await startWriter(path, 1, 0);
    const reader = await SqliteDocumentStore.open(path);
    writer.child.stdin.end('go\n');
    // A second process reads while the writer writes (a `status` in another terminal): it sees at least every
    // letter reported before it read (a line is printed after its commit), and never fewer than it saw before.
    const reportedSoFar = () => writer.lines.filter((line) => line.startsWith('stored ')).length;
    let seen = 0;
    while (writer.lines.length < 150) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const reportedBefore = reportedSoFar();
      const count = await reader.countLetters();
      assert.ok(count >= reportedBefore, `read ${count} letters, ${reportedBefore} were reported stored before`);
      assert.ok(count >= seen, `read ${count} letters after ${seen}`);
      seen = count;
    }
    assert.ok(seen >= 140, `the reader saw the writer's letters (${seen})`);
    writer.child.kill('SIGKILL');
    await writer.exited;
    await reader.close();
    const reported = writer.lines.filter((line) => line.startsWith('stored ')).map((line) => line.split(' ')[1]!);
    const store = await SqliteDocumentStore.open(path);
    try {
      const db = new DatabaseSync(path);
      assert.equal(db.prepare('PRAGMA integrity_check').get()?.['integrity_check'], 'ok');
      db.close();
      for (const accession of reported) assert.ok(await store.getLetter(accession), accession);
      const stored = await store.countLetters();
      assert.ok(stored >= reported.length && stored <= reported.length + 1, `${stored} vs ${reported.length}`);
      // Resuming: the same letters again change nothing.
      const again = letterSeries(reported.length);
      const outcomes = await Promise.all(again.map((letter) => store.upsertLetter(letter)));
      assert.ok(outcomes.every((outcome) => outcome === 'unchanged'));
    } finally {
      await store.close();
    }
  });

  it('upserts 1,000 letters in well under 10 seconds', async (t) => {
    const store = await SqliteDocumentStore.open(freshPath());
    try {
      const letters = letterSeries(1000);
      const started = performance.now();
      for (const letter of letters) await store.upsertLetter(letter);
      const elapsed = performance.now() - started;
      t.diagnostic(`1,000 upserts in ${elapsed.toFixed(0)} ms`);
      assert.equal(await store.countLetters(), 1000);
      assert.ok(elapsed < 10_000, `${elapsed} ms`);
    } finally {
      await store.close();
    }
  });
});
