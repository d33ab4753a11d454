/**
 * A child process for the SQLite multi-process tests: opens the store file given as argv[2], prints "ready",
 * waits for "go" on stdin, then upserts `count` letters from accession number `start` (argv[3], argv[4];
 * count 0 = until killed), printing "stored <accession> <outcome>" after each commit and a JSON summary at
 * the end.
 */
import { createInterface } from 'node:readline';
import { SqliteDocumentStore } from '../../../src/store/sqlite-document-store.ts';
import { letterSeries } from '../../fixtures/letters.ts';

const [path, startArg, countArg] = process.argv.slice(2);
if (!path || !startArg || !countArg) throw new Error('usage: sqlite-writer-process.ts <file> <start> <count>');
const start = Number(startArg);
const count = Number(countArg);

const store = await SqliteDocumentStore.open(path);
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
lines.close();

const summary = { inserted: 0, updated: 0, unchanged: 0 };
for (let batch = 0; count === 0 || batch * 100 < count; batch++) {
  const size = count === 0 ? 100 : Math.min(100, count - batch * 100);
  for (const letter of letterSeries(size, start + batch * 100)) {
    const outcome = await store.upsertLetter(letter);
    summary[outcome] += 1;
    process.stdout.write(`stored ${letter.accessionNumber} ${outcome}\n`);
  }
}
await store.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
