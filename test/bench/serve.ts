/**
 * `npm run bench:serve`: latency of the read API and weight of the viewer's pages, on the demo store (built
 * fresh from the replica; DEMO=0 skips it) and, when it exists, on the scale bench's kept store
 * (/tmp/scale-keep/store.sqlite, or SCALE_STORE=path). Sequential requests over one keep-alive connection:
 * p50/p95 of a page of 50 rows per list route (first page and a page deep in the list), of one review (JSON and
 * HTML) and of a company page (the scale store's 5,000-letter company too), time to first byte of a review page,
 * and the bytes of each page (HTML + its one stylesheet; no images, no script); on the scale store also every
 * part of its largest reviews and letters (the most comment text, the longest letters), the heaviest pages there are. CPU time per request (this process: server and client; the mean, as the kernel counts it in ticks)
 * beside the wall time shows how much of a tail is waiting for a core.
 */
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import { startServeServer, type RunningServer } from '../../src/serve/serve-app.ts';
import { StoreReviewSource } from '../../src/serve/store-review-source.ts';
import type { DocumentStore } from '../../src/store/document-store.ts';
import { SqliteDocumentStore } from '../../src/store/sqlite-document-store.ts';
import { REVIEW_ID, openDemoStore } from '../integration/serve/demo-store.ts';
import { BIG_COMPANY_CIK } from './support/synthetic-letters.ts';

const RUNS = Number(process.env['RUNS'] ?? 100);
const SCALE_STORE = process.env['SCALE_STORE'] ?? '/tmp/scale-keep/store.sqlite';
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

interface Timing {
  readonly ttfbMs: number;
  readonly totalMs: number;
  readonly bytes: number;
  readonly status: number;
  readonly body: string;
}

/** With GZIP set, asks for gzip: `bytes` are then the bytes on the wire, `body` is not decoded. */
const GZIP = { 'accept-encoding': 'gzip' };

function get(server: RunningServer, path: string, headers: Record<string, string> = {}): Promise<Timing> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, agent, headers }, (res) => {
      const ttfbMs = performance.now() - start;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          ttfbMs,
          totalMs: performance.now() - start,
          bytes: body.length,
          status: res.statusCode ?? 0,
          body: body.toString('utf8'),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

async function measure(
  server: RunningServer,
  label: string,
  paths: readonly string[],
  runs = RUNS,
  headers: Record<string, string> = {},
): Promise<void> {
  for (const path of paths.slice(0, 1)) await get(server, path, headers); // warm caches
  const total: number[] = [];
  const ttfb: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    const t = await get(server, paths[i % paths.length]!, headers);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    if (t.status !== 200)
      throw new Error(`${label}: ${paths[i % paths.length]} answered ${t.status}: ${t.body.slice(0, 200)}`);
    total.push(t.totalMs);
    ttfb.push(t.ttfbMs);
    bytes = Math.max(bytes, t.bytes);
  }
  const f = (n: number) => n.toFixed(1).padStart(7);
  process.stdout.write(
    `  ${label.padEnd(42)} p50 ${f(quantile(total, 0.5))} ms  p95 ${f(quantile(total, 0.95))} ms  ttfb p50 ${f(quantile(ttfb, 0.5))} ms  cpu mean ${f(cpu.reduce((a, b) => a + b, 0) / cpu.length)} p95 ${f(quantile(cpu, 0.95))} ms  max ${(bytes / 1024).toFixed(1)} KB\n`,
  );
}

/** A cursor some pages into a list (follows `next` `depth` times). */
async function deepPath(server: RunningServer, route: string, depth: number): Promise<string> {
  let path = `${route}?limit=50`;
  for (let i = 0; i < depth; i++) {
    const next = (JSON.parse((await get(server, path)).body) as { next: string | null }).next;
    if (next === null) break;
    path = `${route}?limit=50&cursor=${encodeURIComponent(next)}`;
  }
  return path;
}

/** The heaviest review and letter pages a SQLite store can show: the most comment text, the longest letters. */
interface Largest {
  readonly reviews: readonly string[];
  readonly letters: readonly string[];
}

function largestOf(path: string, count = 5): Largest {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const reviews = db
      .prepare('SELECT thread_id FROM comments GROUP BY thread_id ORDER BY sum(length(row_json)) DESC LIMIT ?')
      .all(count)
      .map((r) => String(r['thread_id']));
    const letters = db
      .prepare('SELECT accession_number FROM letters ORDER BY length(text) + length(letter_json) DESC LIMIT ?')
      .all(count)
      .map((r) => String(r['accession_number']));
    return { reviews, letters };
  } finally {
    db.close();
  }
}

/** Every part of a page (`?part=N` until 404): the count and the heaviest part with the stylesheet. */
async function partWeights(
  server: RunningServer,
  path: string,
  css: number,
): Promise<{ parts: number; max: number; total: number }> {
  let max = 0;
  let total = 0;
  let parts = 0;
  for (let part = 1; part < 1000; part++) {
    const page = await get(server, `${path}?part=${part}`);
    if (page.status === 404 && part > 1) break;
    if (page.status !== 200) throw new Error(`${path}?part=${part} answered ${page.status}`);
    parts = part;
    total += page.bytes;
    max = Math.max(max, page.bytes + css);
  }
  return { parts, max, total };
}

async function bench(
  name: string,
  store: DocumentStore,
  reviewIds: readonly string[],
  largest?: Largest,
): Promise<void> {
  const server = await startServeServer(
    { store, reviews: new StoreReviewSource(store) },
    { host: '127.0.0.1', port: 0 },
  );
  try {
    const letters = await store.countLetters();
    process.stdout.write(
      `\n${name}: ${letters} letters, ${reviewIds.length} reviews sampled, ${RUNS} requests per line\n`,
    );
    for (const route of ['/api/letters', '/api/conversations', '/api/comments']) {
      await measure(server, `${route} (50 rows, first page)`, [`${route}?limit=50`]);
      const deep = await deepPath(server, route, 20);
      await measure(server, `${route} (50 rows, 20 pages in)`, [deep]);
      await measure(server, `${route} (20 pages in, gzip)`, [deep], RUNS, GZIP);
    }
    await measure(
      server,
      '/api/letters?form=UPLOAD&topic=revenue (50)',
      ['/api/letters?limit=50&form=UPLOAD&topic=revenue'],
      10,
    );
    await measure(
      server,
      '/api/search?q=revenue recognition (50)',
      ['/api/search?q=revenue%20recognition&limit=50'],
      10,
    );
    await measure(server, '/search?q=revenue recognition (page, HTML)', ['/search?q=revenue%20recognition'], 10);
    const ids = reviewIds.map((id) => encodeURIComponent(id));
    await measure(
      server,
      '/api/conversations/{id} (one review)',
      ids.map((id) => `/api/conversations/${id}`),
    );
    await measure(
      server,
      '/reviews/{id} (review page, HTML)',
      ids.map((id) => `/reviews/${id}`),
    );
    const ciks = new Set<string>();
    for (const id of reviewIds) {
      const conversation = await store.getConversation(id);
      if (conversation !== null) ciks.add(conversation.cik);
    }
    await measure(
      server,
      '/companies/{cik} (company page)',
      [...ciks].map((cik) => `/companies/${cik}`),
    );
    if ((await get(server, `/companies/${BIG_COMPANY_CIK}`)).status === 200) {
      await measure(server, `/companies/${BIG_COMPANY_CIK} (5,000 letters, page 1)`, [`/companies/${BIG_COMPANY_CIK}`]);
    }
    await measure(
      server,
      '/reviews/{id} (review page, gzip)',
      ids.map((id) => `/reviews/${id}`),
      RUNS,
      GZIP,
    );
    await measure(server, '/assets/style.css', ['/assets/style.css']);
    const css = (await get(server, '/assets/style.css')).bytes;
    const weights = await Promise.all(
      ids.slice(0, 20).map(async (id) => (await get(server, `/reviews/${id}`)).bytes + css),
    );
    process.stdout.write(
      `  review page weight (HTML + CSS): max ${(Math.max(...weights) / 1024).toFixed(1)} KB over ${weights.length} reviews\n`,
    );
    if (largest) {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      for (const [kind, ids] of [
        ['reviews', largest.reviews],
        ['letters', largest.letters],
      ] as const) {
        for (const id of ids) {
          const w = await partWeights(server, `/${kind}/${encodeURIComponent(id)}`, css);
          process.stdout.write(
            `  largest ${kind.slice(0, -1)} ${id}: ${w.parts} part(s), heaviest ${kind === 'reviews' ? 'review' : 'letter'} part ${kb(w.max)} with CSS (all parts ${kb(w.total)} of HTML)\n`,
          );
        }
      }
    }
    const overview = await get(server, '/');
    const again = await get(server, '/');
    process.stdout.write(
      `  overview page: ${overview.totalMs.toFixed(0)} ms cold, ${again.totalMs.toFixed(0)} ms again, ${((overview.bytes + css) / 1024).toFixed(1)} KB\n`,
    );
  } finally {
    await server.close();
  }
}

async function sampleReviews(store: DocumentStore, count: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  while (ids.length < count * 20) {
    const page = await store.listConversations({ limit: 1000, cursor });
    ids.push(...page.data.filter((c) => c.comments > 0).map((c) => c.threadId));
    cursor = page.next;
    if (cursor === null) break;
  }
  if (ids.length > 0)
    return ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / count)) === 0).slice(0, count);
  // A store filled before the analytic tables: reviews by the thread ids of every n-th letter.
  const total = await store.countLetters();
  const stride = Math.max(1, Math.floor(total / count));
  const seen = new Set<string>();
  let index = 0;
  for await (const letter of store.listLetters()) {
    if (index++ % stride === 0 && letter.threadId !== null) seen.add(letter.threadId);
    if (seen.size >= count) break;
  }
  return [...seen];
}

if (process.env['DEMO'] !== '0') {
  const demo = await openDemoStore();
  try {
    await bench('demo store (001-35126)', demo.store, [REVIEW_ID]);
  } finally {
    await demo.close();
  }
}
if (existsSync(SCALE_STORE)) {
  const store = await SqliteDocumentStore.open(SCALE_STORE);
  try {
    await bench(`scale store ${SCALE_STORE}`, store, await sampleReviews(store, 50), largestOf(SCALE_STORE));
  } finally {
    await store.close();
  }
} else {
  process.stdout.write(
    `\n(no scale store at ${SCALE_STORE}: run the scale bench with its keep option, or set SCALE_STORE)\n`,
  );
}
agent.destroy();
