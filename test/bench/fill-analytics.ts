/**
 * Bench support: fills a store's analytic tables (comments, conversations) the way the product does, by the
 * thread stage's rebuildThreads over every company, in batches. For a store built before those tables existed
 * (the scale bench's kept store), so the serve bench reads reviews from stored rows. It writes: run it on a copy.
 *   STORE=/tmp/copy.sqlite npx node test/bench/fill-analytics.ts
 */
import { DatabaseSync } from 'node:sqlite';
import pino from 'pino';
import type { PipelineDeps } from '../../src/pipeline/pipeline-deps.ts';
import { rebuildThreads } from '../../src/pipeline/thread-stage.ts';
import { SqliteDocumentStore } from '../../src/store/sqlite-document-store.ts';

const path = process.env['STORE'];
if (path === undefined) throw new Error('set STORE to the path of a SQLite store copy (it is written)');
const BATCH = 200;

const db = new DatabaseSync(path, { readOnly: true });
const ciks = (db.prepare('SELECT DISTINCT cik FROM letters ORDER BY cik').all() as { cik: string }[]).map((r) => r.cik);
db.close();

const store = await SqliteDocumentStore.open(path);
// rebuildThreads reads only the store and the logger.
const deps = { store, logger: pino({ level: 'warn' }) } as unknown as PipelineDeps;
const start = performance.now();
let threads = 0;
try {
  for (let i = 0; i < ciks.length; i += BATCH) {
    threads += (await rebuildThreads(deps, { ciks: ciks.slice(i, i + BATCH) })).threads;
    process.stdout.write(`\r${Math.min(i + BATCH, ciks.length)}/${ciks.length} companies, ${threads} reviews`);
  }
} finally {
  await store.close();
}
process.stdout.write(`\nfilled in ${((performance.now() - start) / 1000).toFixed(0)} s\n`);
