/**
 * Fair-access benchmark: the EDGAR replica in its own process enforcing EDGAR's rule (limit requests in any
 * sliding second, 403 page and a block beyond), and 1, 8 and 64 concurrent callers sharing one EDGAR client
 * and one in-process limiter, 30 s each. Prints achieved requests/s, the peak in any sliding second as the
 * replica counted it, and 403s.
 *   npm run bench:limiter [-- --seconds 30 --limit 10 --concurrency 1,8,64]
 */
import { parseArgs } from 'node:util';
import { createEdgarClient } from '../../src/edgar/client.ts';
import { createEndpoints } from '../../src/edgar/endpoints.ts';
import { MemoryLimiter } from '../../src/edgar/memory-limiter.ts';
import { EdgarThrottledError } from '../../src/errors.ts';
import { spawnReplica } from '../replica/spawn.ts';
import { TINY } from '../replica/tiny-dataset.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    limit: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '1,8,64' },
  },
});
const seconds = Number(values.seconds);
const limit = Number(values.limit);
const levels = values.concurrency.split(',').map(Number);
/** A violation costs a short block here (EDGAR's is 10 minutes) so one bad run does not spoil the next. */
const BLOCK_MS = 5000;

interface Row {
  concurrency: number;
  seconds: number;
  requests: number;
  perSecond: number;
  peak: number;
  refused: number;
}

const replica = await spawnReplica(['--dataset', 'tiny', '--max-rps', String(limit), '--block-ms', String(BLOCK_MS)]);
const urls = createEndpoints(replica.bases);
const targets = [urls.submissionText(TINY.cik, TINY.correspAccession), urls.submissions(TINY.cik)];
const rows: Row[] = [];

try {
  for (const concurrency of levels) {
    await replica.reset();
    const limiter = new MemoryLimiter({ maxRps: limit });
    const client = createEdgarClient({
      config: {
        userAgent: 'edgar-corresp bench bench@example.com',
        ...replica.bases,
        maxRps: limit,
        blockCooldownMs: BLOCK_MS,
      },
      limiter,
    });
    const stop = new AbortController();
    const started = performance.now();
    const timer = setTimeout(() => stop.abort(), seconds * 1000);
    const caller = async (i: number) => {
      let n = i;
      while (!stop.signal.aborted) {
        try {
          await client.get(targets[n++ % targets.length]!, { signal: stop.signal });
        } catch (error) {
          if (stop.signal.aborted) return;
          if (!(error instanceof EdgarThrottledError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, i) => caller(i)));
    clearTimeout(timer);
    const elapsed = (performance.now() - started) / 1000;
    await client.close();
    await limiter.close();
    const stats = await replica.stats();
    const refused = (stats.byStatus['403'] ?? 0) + (stats.byStatus['429'] ?? 0);
    rows.push({
      concurrency,
      seconds: elapsed,
      requests: stats.requests,
      perSecond: stats.requests / elapsed,
      peak: stats.peakInAnySecond,
      refused,
    });
    process.stderr.write(`concurrency ${concurrency}: ${stats.requests} requests in ${elapsed.toFixed(1)} s\n`);
  }
} finally {
  await replica.close();
}

const header = ['limit', 'concurrency', 'seconds', 'requests', 'requests/s', 'peak in any 1 s', '403s'];
const lines = rows.map((row) => [
  String(limit),
  String(row.concurrency),
  row.seconds.toFixed(1),
  String(row.requests),
  row.perSecond.toFixed(2),
  String(row.peak),
  String(row.refused),
]);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const line of lines) console.log(`| ${line.join(' | ')} |`);
const ok = rows.every((row) => row.peak <= limit && row.refused === 0 && row.perSecond >= 0.95 * limit);
console.log(ok ? `target met: >= ${0.95 * limit} requests/s, peak <= ${limit}, zero 403` : 'TARGET MISSED');
process.exitCode = ok ? 0 : 1;
