/**
 * Where a list page's time goes, phase by phase, in-process (no HTTP): the store query (SQL and row decoding),
 * JSON serialisation, the ETag hash, per route, first page and a page deep in the list. Wall and this thread's
 * CPU time per phase, p50/p95, so a tail from waiting for a core (load) shows apart from one from work. Then
 * the overview's counts, first and again.
 *   SCALE_STORE=/path/store.sqlite RUNS=200 npx node test/bench/serve-profile.ts
 */
import { createHash } from 'node:crypto';
import { SqliteDocumentStore } from '../../src/store/sqlite-document-store.ts';
import { loadLetterPage } from '../../src/serve/letter-pages.ts';
import { parseListQuery } from '../../src/serve/query-filters.ts';
import { StoreReviewSource } from '../../src/serve/store-review-source.ts';

const RUNS = Number(process.env['RUNS'] ?? 200);
const path = process.env['SCALE_STORE'];
if (path === undefined) throw new Error('set SCALE_STORE to a SQLite store');
const store = await SqliteDocumentStore.open(path, { readOnly: true });
const reviews = new StoreReviewSource(store);

type Load = (cursor: string | null) => Promise<{ data: unknown[]; next: string | null }>;
const routes: Record<string, Load> = {
  letters: (cursor) => loadLetterPage(store, parseListQuery('letters', { limit: '50', ...(cursor ? { cursor } : {}) })),
  conversations: (cursor) => reviews.listConversations({}, 50, cursor),
  comments: (cursor) => reviews.listComments({}, 50, cursor),
};

const cpuNow = (): number => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
const q = (values: number[], p: number): string =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!.toFixed(2);

for (const [name, load] of Object.entries(routes)) {
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) cursor = (await load(cursor)).next;
  for (const [label, at] of [
    ['first', null],
    ['20 in', cursor],
  ] as const) {
    const phases: Record<string, { wall: number[]; cpu: number[] }> = {};
    const mark = (phase: string, wall0: number, cpu0: number) => {
      const p = (phases[phase] ??= { wall: [], cpu: [] });
      p.wall.push(performance.now() - wall0);
      p.cpu.push(cpuNow() - cpu0);
    };
    for (let i = 0; i < RUNS; i++) {
      let w = performance.now();
      let c = cpuNow();
      const page = await load(at);
      mark('query', w, c);
      w = performance.now();
      c = cpuNow();
      const body = JSON.stringify(page);
      mark('json', w, c);
      w = performance.now();
      c = cpuNow();
      createHash('sha1').update(body).digest('base64');
      mark('etag', w, c);
      if (i === 0) process.stdout.write(`${name} ${label}: ${(body.length / 1024).toFixed(0)} KB\n`);
    }
    for (const [phase, { wall, cpu }] of Object.entries(phases)) {
      process.stdout.write(
        `  ${name.padEnd(14)} ${label.padEnd(6)} ${phase.padEnd(6)} wall p50 ${q(wall, 0.5)} p95 ${q(wall, 0.95)} max ${q(wall, 1)}  cpu mean ${(cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(2)} p95 ${q(cpu, 0.95)}\n`,
      );
    }
  }
}
// The overview's counts: first in this process (SQLite's page cache cold) and again.
for (const label of ['first', 'again']) {
  const w = performance.now();
  const c = cpuNow();
  const counts = await store.overviewCounts({ authorities: 12, recent: 20 });
  process.stdout.write(
    `overview counts ${label}: wall ${(performance.now() - w).toFixed(0)} ms, cpu ${(cpuNow() - c).toFixed(0)} ms; authorities ${counts.authorities
      .slice(0, 4)
      .map((a) => a.value)
      .join(', ')}\n`,
  );
}
await store.close();
