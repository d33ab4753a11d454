/**
 * `node test/bench/export-parquet.ts [--comments 200000] [--max-old-space MiB]`: export throughput and memory of the analytic
 * tables. Fills a temporary SQLite store with synthetic reviews (10 comments each, ~600 bytes of text per
 * comment), then runs `export --table comments` as Parquet and as JSONL, each in its own process under
 * /usr/bin/time: wall time and that process's peak RSS (bounded memory shows as a peak that does not grow with
 * the number of rows; --max-old-space caps the export's V8 heap to show that it completes within it). A benchmark, not a test: figures depend on the machine and its load.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteDocumentStore } from '../../src/store/sqlite-document-store.ts';
import { makeThread } from '../fixtures/analytics-rows.ts';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const { values } = parseArgs({
  options: { comments: { type: 'string', default: '200000' }, 'max-old-space': { type: 'string' } },
});
const total = Number(values.comments);
const perThread = 10;
const dir = await mkdtemp(join(tmpdir(), 'edgar-export-bench-'));
const url = `sqlite:${join(dir, 'store.sqlite')}`;
const filler = 'We note your disclosure of revenue and non-GAAP measures. '.repeat(10);

async function fill(): Promise<void> {
  const store = await SqliteDocumentStore.open(join(dir, 'store.sqlite'));
  const batch = [];
  for (let t = 0; t < total / perThread; t += 1) {
    const thread = makeThread(`t${t}`, { cik: String(1000 + (t % 500)), count: perThread });
    batch.push({ ...thread, comments: thread.comments.map((c) => ({ ...c, text: `${filler}${t}` })) });
    if (batch.length === 1000) await store.replaceThreadAnalytics(batch.splice(0));
  }
  await store.replaceThreadAnalytics(batch);
  await store.close();
}

/** Runs the CLI export in a child process under /usr/bin/time: wall time and the child's peak RSS. */
async function measure(format: 'parquet' | 'jsonl'): Promise<void> {
  const out = join(dir, `comments.${format}`);
  const heap = values['max-old-space'] ? [`--max-old-space-size=${values['max-old-space']}`] : [];
  const args = [
    '-f',
    '%e %M',
    process.execPath,
    ...heap,
    CLI,
    'export',
    '--table',
    'comments',
    '--format',
    format,
    '--out',
    out,
  ];
  const child = spawn('/usr/bin/time', args, {
    env: { ...process.env, STORE_URL: url, REDIS_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  const [seconds, maxKib] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
  const bytes = (await stat(out)).size;
  process.stdout.write(
    `${format.padEnd(7)} exit ${code}: ${total} comments in ${seconds.toFixed(1)} s = ${Math.round(total / seconds)} rows/s; ` +
      `file ${(bytes / 1024 / 1024).toFixed(1)} MiB; peak RSS of the export process ${Math.round(maxKib / 1024)} MiB\n`,
  );
}

try {
  process.stdout.write(`filling a store with ${total} comments ...\n`);
  await fill();
  await measure('parquet');
  await measure('jsonl');
} finally {
  await rm(dir, { recursive: true, force: true });
}
