/**
 * serve never writes to the store, and the database enforces it: the SQLite file is opened read-only (its
 * bytes and mtime stay as they were, even while another process writes to it in WAL mode), PostgreSQL
 * sessions are read-only, nothing is migrated, and a store of another schema version is refused (exit 2)
 * saying what to run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../../config/env.ts';
import { openServeRuntime } from '../../../src/app/serve-runtime.ts';
import { runCli } from '../../../src/cli/program.ts';
import { ConfigError } from '../../../src/errors.ts';
import { silentLogger } from '../../../src/log.ts';
import { openDocumentStore } from '../../../src/store/open-document-store.ts';
import { PostgresConnection } from '../../../src/store/postgres-connection.ts';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres-migrations.ts';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { SQLITE_MIGRATIONS } from '../../../src/store/sqlite-migrations.ts';
import { letterSeries, makeFilingRef } from '../../fixtures/letters.ts';
import {
  TEST_POSTGRES_URL,
  dropSchemas,
  requireTestPostgres,
  uniqueSchemaPrefix,
} from '../store/postgres-test-server.ts';

await requireTestPostgres();
const root = await mkdtemp(join(tmpdir(), 'edgar-corresp-serve-ro-'));
const prefix = uniqueSchemaPrefix('serve_ro');
after(async () => {
  await rm(root, { recursive: true, force: true });
  await dropSchemas(prefix);
});
let stores = 0;
const NEEDED = SQLITE_MIGRATIONS.at(-1)!.version;
const NEEDED_POSTGRES = POSTGRES_MIGRATIONS.at(-1)!.version;

/** A migrated SQLite store with `letters` letters, closed; its path. */
async function sqliteStore(letters: number): Promise<string> {
  const path = join(root, `s${++stores}`, 'store.sqlite');
  const store = await SqliteDocumentStore.open(path);
  for (const letter of letterSeries(letters)) await store.upsertLetter(letter);
  await store.close();
  return path;
}

function fingerprint(path: string): { sha256: string; mtimeMs: number; size: number } {
  const stat = statSync(path);
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mtimeMs: stat.mtimeMs,
    size: stat.size,
  };
}

async function serveOnce(storeUrl: string): Promise<number> {
  const server = await openServeRuntime(loadConfig({ STORE_URL: storeUrl }), {
    host: '127.0.0.1',
    port: 0,
    allowedHosts: [],
    logger: silentLogger,
  });
  try {
    const res = await fetch(`${server.url}/api/letters?limit=50`);
    const body = (await res.json()) as { data: unknown[] };
    assert.equal(res.status, 200);
    return body.data.length;
  } finally {
    await server.close();
  }
}

async function cli(argv: string[], storeUrl: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const env = { ...process.env, STORE_URL: storeUrl, LOG_LEVEL: 'silent', REDIS_URL: '' };
  const code = await runCli(argv, {
    stdout: { write: () => true },
    stderr: { write: (s: string) => ((stderr += s), true) },
    env,
  });
  return { code, stderr };
}

describe('serve over SQLite is read-only', () => {
  it('leaves the file byte for byte and its mtime unchanged; beside it only SQLite read-side files (-shm, an empty -wal)', async () => {
    const path = await sqliteStore(3);
    const before = fingerprint(path);
    assert.equal(await serveOnce(`sqlite:${path}`), 3);
    assert.deepEqual(fingerprint(path), before);
    // A reader of a WAL file needs the -shm index; SQLite creates it with an empty -wal and a read-only
    // connection cannot remove them on close. They hold no data: the -wal is empty.
    const extra = readdirSync(join(path, '..')).filter((name) => name !== 'store.sqlite');
    assert.ok(
      extra.every((name) => name === 'store.sqlite-shm' || name === 'store.sqlite-wal'),
      extra.join(', '),
    );
    if (extra.includes('store.sqlite-wal')) assert.equal(statSync(`${path}-wal`).size, 0);
  });

  it('a write through the read-only store fails at the database', async () => {
    const path = await sqliteStore(1);
    const store = await openDocumentStore(`sqlite:${path}`, { readOnly: true });
    try {
      await assert.rejects(store.recordDiscovered([makeFilingRef()]), /readonly database/);
      await assert.rejects(store.upsertLetter(letterSeries(1, 500)[0]!), /readonly database/);
      assert.equal(await store.countLetters(), 1);
    } finally {
      await store.close();
    }
  });

  it('a missing file is exit 2 naming the path, and nothing is created', async () => {
    const dir = join(root, 'never-made');
    const path = join(dir, 'store.sqlite');
    await assert.rejects(
      serveOnce(`sqlite:${path}`),
      (e: unknown) => e instanceof ConfigError && e.message.includes(path),
    );
    const { code, stderr } = await cli(['serve', '--port', '0'], `sqlite:${path}`);
    assert.equal(code, 2);
    assert.ok(stderr.includes(path), stderr);
    assert.equal(existsSync(dir), false);
  });

  it('a file that is not a SQLite database is a ConfigError naming it', async () => {
    const path = join(root, 'garbage.sqlite');
    writeFileSync(path, 'x'.repeat(4096));
    await assert.rejects(
      openDocumentStore(`sqlite:${path}`, { readOnly: true }),
      (e: unknown) => e instanceof ConfigError && e.message.includes(path),
    );
  });

  it('leaves a rollback-journal store in its journal mode, byte for byte, with no -wal or -shm', async () => {
    const path = await sqliteStore(2);
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = DELETE');
    db.close();
    const before = fingerprint(path);
    assert.equal(await serveOnce(`sqlite:${path}`), 2);
    assert.deepEqual(fingerprint(path), before);
    assert.deepEqual(readdirSync(join(path, '..')), ['store.sqlite']);
  });

  it('an older schema is refused (exit 2) saying to run a writing command, and left as it was', async () => {
    const path = await sqliteStore(1);
    const db = new DatabaseSync(path);
    db.prepare('DELETE FROM schema_version WHERE version = ?').run(NEEDED);
    db.exec('DROP TABLE analytic_terms; DROP TABLE comments; DROP TABLE conversations');
    db.close();
    const before = fingerprint(path);
    await assert.rejects(serveOnce(`sqlite:${path}`), ConfigError);
    const { code, stderr } = await cli(['serve', '--port', '0'], `sqlite:${path}`);
    assert.equal(code, 2, stderr);
    assert.ok(stderr.includes(`the store at ${path} has schema ${NEEDED - 1}`), stderr);
    assert.ok(stderr.includes(`needs ${NEEDED}`) && stderr.includes('edgar-corresp status'), stderr);
    assert.deepEqual(fingerprint(path), before);
  });

  it('a newer schema is refused saying this edgar-corresp is older', async () => {
    const path = await sqliteStore(0);
    const db = new DatabaseSync(path);
    db.exec("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', '2030-01-01')");
    db.close();
    await assert.rejects(
      openDocumentStore(`sqlite:${path}`, { readOnly: true }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message.includes('schema 99') &&
        /edgar-corresp is older/.test(error.message),
    );
  });

  it('reads a WAL store while another process writes to it, seeing every committed letter', async () => {
    const path = await sqliteStore(0);
    const writer = startWriter(path);
    try {
      await writer.waitFor(1);
      const server = await openServeRuntime(loadConfig({ STORE_URL: `sqlite:${path}` }), {
        host: '127.0.0.1',
        port: 0,
        allowedHosts: [],
        logger: silentLogger,
      });
      const reader = await openDocumentStore(`sqlite:${path}`, { readOnly: true });
      try {
        for (let round = 0; round < 5; round++) {
          const committed = writer.stored();
          assert.ok((await reader.countLetters()) >= committed);
          assert.equal((await fetch(`${server.url}/api/letters?limit=50`)).status, 200);
          await writer.waitFor(committed + 20); // the writer goes on while serve holds the file open
        }
      } finally {
        await reader.close();
        await server.close();
      }
    } finally {
      writer.kill();
    }
  });
});

/** The store test's writer process, writing letters until killed; counts its commits. */
function startWriter(path: string) {
  const script = new URL('../store/sqlite-writer-process.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, [script, path, '1', '0'], { stdio: 'pipe' });
  let stored = 0;
  let stderr = '';
  const waiters: Array<{ n: number; resolve: () => void; reject: (e: Error) => void }> = [];
  const settle = () => {
    for (const waiter of waiters.filter((w) => stored >= w.n)) waiter.resolve();
  };
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') child.stdin.write('go\n');
    if (line.startsWith('stored ')) stored += 1;
    settle();
  });
  child.on('exit', (code) => {
    for (const waiter of waiters) waiter.reject(new Error(`writer exited ${code}: ${stderr}`));
  });
  return {
    stored: () => stored,
    waitFor: (n: number) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ n, resolve, reject });
        settle();
      }),
    kill: () => child.kill('SIGKILL'),
  };
}

describe('serve over PostgreSQL is read-only', () => {
  it('its sessions are read-only and a write fails at the server', async () => {
    const schema = `${prefix}_a`;
    await (await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema })).close();
    const connection = new PostgresConnection(TEST_POSTGRES_URL, {
      schema,
      poolSize: 1,
      connectTimeoutMs: 10_000,
      readOnly: true,
    });
    try {
      const { rows } = await connection.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
      assert.equal(rows[0]?.transaction_read_only, 'on');
    } finally {
      await connection.close();
    }
    const store = await openDocumentStore(`${TEST_POSTGRES_URL}?schema=${schema}`, { readOnly: true });
    try {
      await assert.rejects(store.recordDiscovered([makeFilingRef()]), /read-only transaction/);
      assert.equal(await store.countLetters(), 0);
    } finally {
      await store.close();
    }
  });

  it('an older schema is refused saying to run a writing command, and is not migrated', async () => {
    const schema = `${prefix}_old`;
    await (await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema })).close();
    const admin = new PostgresConnection(TEST_POSTGRES_URL, { schema, poolSize: 1, connectTimeoutMs: 10_000 });
    try {
      await admin.query('DELETE FROM schema_version WHERE version = $1', [NEEDED_POSTGRES]);
      await assert.rejects(serveOnce(`${TEST_POSTGRES_URL}?schema=${schema}`), ConfigError);
      const { code, stderr } = await cli(['serve', '--port', '0'], `${TEST_POSTGRES_URL}?schema=${schema}`);
      assert.equal(code, 2, stderr);
      assert.ok(
        stderr.includes(`(schema ${schema}) has schema ${NEEDED_POSTGRES - 1}`) &&
          stderr.includes('edgar-corresp status'),
        stderr,
      );
      const { rows } = await admin.query<{ v: number }>('SELECT max(version) AS v FROM schema_version');
      assert.equal(rows[0]?.v, NEEDED_POSTGRES - 1);
    } finally {
      await admin.close();
    }
  });

  it('a schema that does not exist is refused as schema 0 and not created', async () => {
    const schema = `${prefix}_none`;
    await assert.rejects(
      openDocumentStore(`${TEST_POSTGRES_URL}?schema=${schema}`, { readOnly: true }),
      (error: unknown) => error instanceof ConfigError && error.message.includes('has schema 0'),
    );
    const admin = new PostgresConnection(TEST_POSTGRES_URL, {
      schema: 'public',
      poolSize: 1,
      connectTimeoutMs: 10_000,
    });
    try {
      const { rows } = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      assert.equal(rows.length, 0);
    } finally {
      await admin.close();
    }
  });
});
