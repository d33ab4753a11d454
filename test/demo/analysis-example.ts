/**
 * `npm run analysis:example [-- --store sqlite:PATH]`: the README's worked example of analysis. Exports the
 * analytic tables as Parquet with the real CLI and runs DuckDB SQL over the files from Node: median days to
 * close a review by topic, and the share of reviews with a non-GAAP comment by year. Without --store it builds
 * the demo store first (the bundled EDGAR replica, `backfill 001-35126`, no network), as `npm run demo` does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli } from '../../src/cli/program.ts';
import { buildDemoDataset } from '../replica/data/index.ts';
import { startReplica } from '../replica/server.ts';

const { values } = parseArgs({ options: { store: { type: 'string' } } });
const dir = await mkdtemp(join(tmpdir(), 'edgar-corresp-analysis-'));
const quiet = { isTTY: false, write: () => true };

/** The SQL of the example, as the README shows it; `{dir}` is where the Parquet files are. */
export const QUERIES = {
  'median days to close by topic (complete reviews)': `
    WITH per_topic AS (
      SELECT daysOpen, unnest(topics).topic AS topic
      FROM read_parquet('{dir}/conversations.parquet') WHERE status = 'complete')
    SELECT topic, count(*)::INTEGER AS reviews, median(daysOpen) AS median_days_to_close
    FROM per_topic GROUP BY topic ORDER BY median_days_to_close DESC, topic`,
  'share of reviews with a non-GAAP comment by year': `
    SELECT year(firstLetterDate)::INTEGER AS year, count(*)::INTEGER AS reviews,
      (count(*) FILTER (WHERE list_contains(list_transform(topics, t -> t.topic), 'non_gaap')))::INTEGER AS with_non_gaap,
      round(with_non_gaap / reviews, 3) AS share
    FROM read_parquet('{dir}/conversations.parquet') GROUP BY year ORDER BY year`,
  'comments per topic and resolution': `
    SELECT topics[1] AS first_topic, resolution, count(*)::INTEGER AS comments
    FROM read_parquet('{dir}/comments.parquet') GROUP BY ALL ORDER BY comments DESC, first_topic, resolution`,
} as const;

async function storeUrl(): Promise<{ url: string; close: () => Promise<void> }> {
  if (values.store) return { url: values.store, close: async () => {} };
  const replica = await startReplica({ dataset: await buildDemoDataset() });
  const url = `sqlite:${join(dir, 'edgar-corresp.sqlite')}`;
  const env = {
    ...process.env,
    EDGAR_USER_AGENT: 'edgar-corresp demo demo@edgar-corresp.example',
    EDGAR_WWW_URL: replica.bases.wwwUrl,
    EDGAR_DATA_URL: replica.bases.dataUrl,
    EDGAR_EFTS_URL: replica.bases.eftsUrl,
    STORE_URL: url,
    ARCHIVE_DIR: join(dir, 'archive'),
    REDIS_URL: '',
    LOG_LEVEL: 'warn',
  };
  process.stderr.write('analysis: building the demo store (backfill 001-35126 from the bundled replica) ...\n');
  const code = await runCli(['backfill', '001-35126'], { stdout: quiet, stderr: quiet, env });
  if (code !== 0) throw new Error(`the demo backfill exited ${code}`);
  return { url, close: () => replica.close() };
}

async function exportTables(url: string): Promise<void> {
  const env = { ...process.env, STORE_URL: url, REDIS_URL: '', LOG_LEVEL: 'warn' };
  for (const table of ['comments', 'conversations'] as const) {
    const out = join(dir, `${table}.parquet`);
    const args = ['export', '--table', table, '--format', 'parquet', '--out', out];
    const code = await runCli(args, { stdout: process.stdout, stderr: process.stderr, env });
    if (code !== 0) throw new Error(`export --table ${table} exited ${code}`);
  }
}

/** Plain aligned columns, as a terminal or the README shows them. */
function formatTable(names: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cells = [names, ...rows.map((row) => row.map((v) => (v === null ? 'NULL' : String(v))))];
  const widths = names.map((_, i) => Math.max(...cells.map((row) => String(row[i]).length)));
  return cells
    .map(
      (row) =>
        `${row
          .map((v, i) => String(v).padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

async function runQueries(): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const [title, sql] of Object.entries(QUERIES)) {
      const reader = await connection.runAndReadAll(sql.replaceAll('{dir}', dir));
      process.stdout.write(`\n-- ${title}\n${formatTable(reader.columnNames(), reader.getRowsJson())}`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const store = await storeUrl();
try {
  await exportTables(store.url);
  await runQueries();
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
