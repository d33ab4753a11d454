/**
 * The PostgreSQL the integration tests use (127.0.0.1:5432, user postgres, database test): a check that fails
 * the test file with a clear message when it does not answer (these tests never skip), and unique schemas
 * per test file, dropped afterwards, since other engineers test against the same server at the same time.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Throws a message saying how to get PostgreSQL running when the test server does not answer. */
export async function requireTestPostgres(url: string = TEST_POSTGRES_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${url} (${(error as Error).message}). ` +
        'These tests need it and never skip: start it (.ci/run does) with user postgres (trust) and a database "test".',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** A prefix for this test file's schemas: `t_<label>_<pid>_<random>`. */
export function uniqueSchemaPrefix(label: string): string {
  return `t_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

/** Drops every schema starting with `prefix` (with its tables). */
export async function dropSchemas(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      'SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)',
      [prefix],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
