/**
 * Store throughput, for the figures in the report: N letters (default 1000) upserted one by one (as the
 * pipeline does), the same N again (unchanged), listed, counted and searched, on SQLite and, when
 * `--postgres` is given, on PostgreSQL 127.0.0.1:5432/test in a temporary schema.
 *   node test/integration/store/store-throughput.bench.ts [N] [--postgres]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentStore } from '../../../src/store/document-store.ts';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { letterSeries } from '../../fixtures/letters.ts';
import { TEST_POSTGRES_URL, dropSchemas, uniqueSchemaPrefix } from './postgres-test-server.ts';

const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1000);
const letters = letterSeries(count, 1, (i) => ({
  text: `Letter ${i}. ${'We note your response to prior comment 3 regarding goodwill impairment testing. '.repeat(40)}`,
}));

async function measure(name: string, store: DocumentStore): Promise<void> {
  const time = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    console.log(`${name}\t${label}\t${ms.toFixed(0)} ms\t${((count / ms) * 1000).toFixed(0)} letters/s`);
  };
  await time(`upsert ${count} new`, async () => {
    for (const letter of letters) await store.upsertLetter(letter);
  });
  await time(`upsert ${count} unchanged`, async () => {
    for (const letter of letters) await store.upsertLetter(letter);
  });
  await time(`list ${count}`, async () => {
    let n = 0;
    for await (const _ of store.listLetters()) n += 1;
    if (n !== count) throw new Error(`listed ${n}`);
  });
  const started = performance.now();
  const hits = await store.searchLetters('"goodwill impairment" comment', { limit: 20 });
  console.log(
    `${name}\tsearch (20 of ${count} hits)\t${(performance.now() - started).toFixed(0)} ms\t${hits.length} hits`,
  );
}

const dir = await mkdtemp(join(tmpdir(), 'edgar-corresp-bench-'));
try {
  const sqlite = await SqliteDocumentStore.open(join(dir, 'store.sqlite'));
  await measure('sqlite', sqlite);
  await sqlite.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

if (process.argv.includes('--postgres')) {
  const schema = uniqueSchemaPrefix('store_bench');
  try {
    const postgres = await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema });
    await measure('postgres', postgres);
    await postgres.close();
  } finally {
    await dropSchemas(schema);
  }
}
