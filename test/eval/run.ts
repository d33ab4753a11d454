/**
 * `npm run eval -- <corpus-dir> [--repeat N] [--show ACCESSION]`: runs the backfill's own letter path
 * (buildLetter = parseSubmission -> normalizeSubmission -> parseLetter -> header facts -> LetterSchema) over
 * every real CORRESP/UPLOAD of the corpus, wrapped as its submission by normalize's corpus loader, and prints:
 * letters processed, skipped (SEC STAFF forms), failures by reason, share with non-empty text, share whose
 * letterDate lies within 10 days before the filingDate, share of UPLOADs with at least one numbered item, and
 * throughput (letters/s, HTML and PDF apart, one thread: letters are built one after another). Then letter's
 * accuracy harness (labelled set + corpus linkage), then the analytic tables' accuracy (analytics-accuracy.ts: labelled set, then the development set), then the topics
 * of the synthetic development set (synthetic-topics.ts). A script, not a test: the corpus is read at run time, nothing is written.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BadInputError, errorCode } from '../../src/errors.ts';
import type { Letter } from '../../src/letter/schema.ts';
import { buildLetter } from '../../src/pipeline/build-letter.ts';
import { formatAccuracy, runAccuracy } from './accuracy.ts';
import { runAnalyticsAccuracy } from './analytics-accuracy.ts';
import { runSyntheticTopics } from './synthetic-topics.ts';
import { readCorpusIndex, wrapCorpusLetter, type CorpusLetter } from './corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repeat: { type: 'string', default: '1' },
    show: { type: 'string' },
    warmup: { type: 'string', default: '5' },
  },
});
const dir = positionals[0];
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run eval -- <corpus-dir> [--repeat N] [--show ACCESSION]   (e.g. ../shared/edgar/corpus)');
  process.exit(2);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

interface FormatTiming {
  letters: number;
  ms: number;
}

const index = readCorpusIndex(dir);
const letters: CorpusLetter[] = index.letters.map((row) => wrapCorpusLetter(dir, row));
const repeat = Math.max(1, Number(values.repeat) || 1);

const build = (item: CorpusLetter): Promise<Letter> =>
  buildLetter(item.submission, {
    accessionNumber: item.row.accession,
    listedFilingDate: item.row.filingDate,
    listingFileNumbers: {},
  });

// Warm-up (module loading, pdf.js start-up, JIT): not counted in the throughput.
for (const item of letters.slice(0, Number(values.warmup) || 0)) await build(item).catch(() => undefined);

const failures = new Map<string, string[]>();
const timing: Record<'html' | 'pdf', FormatTiming> = { html: { letters: 0, ms: 0 }, pdf: { letters: 0, ms: 0 } };
const built: { item: CorpusLetter; letter: Letter }[] = [];
let crashed = 0;
for (let round = 0; round < repeat; round += 1) {
  for (const item of letters) {
    const started = performance.now();
    try {
      const letter = await build(item);
      const ms = performance.now() - started;
      timing[item.format].letters += 1;
      timing[item.format].ms += ms;
      if (round === 0) built.push({ item, letter });
    } catch (error) {
      timing[item.format].letters += 1;
      timing[item.format].ms += performance.now() - started;
      if (round > 0) continue;
      const reason =
        error instanceof BadInputError
          ? `BAD_INPUT ${error.reason}`
          : (errorCode(error) ?? 'CRASH (not a typed error)');
      if (!(error instanceof BadInputError) && errorCode(error) === null) crashed += 1;
      failures.set(reason, [
        ...(failures.get(reason) ?? []),
        `${item.row.accession} (${item.path}): ${(error as Error).message}`,
      ]);
    }
  }
}

const processed = letters.length;
const nonEmpty = built.filter((b) => b.letter.text.trim() !== '').length;
const dated = built.filter((b) => {
  if (b.letter.letterDate === null) return false;
  const days = daysBetween(b.letter.letterDate, b.letter.filingDate);
  return days >= 0 && days <= 10;
}).length;
const uploads = built.filter((b) => b.letter.form === 'UPLOAD');
const uploadsWithItems = uploads.filter((b) => b.letter.items.length > 0).length;
const skippedByForm = new Map<string, number>();
for (const row of index.skipped) skippedByForm.set(row.form, (skippedByForm.get(row.form) ?? 0) + 1);

const out: string[] = [];
out.push(`corpus: ${dir}`);
out.push(
  `letters processed: ${processed} (${letters.filter((l) => l.format === 'html').length} HTML, ${letters.filter((l) => l.format === 'pdf').length} PDF)`,
);
out.push(
  `skipped (outside the Letter schema): ${index.skipped.length}${skippedByForm.size ? ` — ${[...skippedByForm].map(([f, n]) => `${f} ${n}`).join(', ')}` : ''}`,
);
out.push(`built without failure: ${pct(built.length, processed)}; crashes (untyped errors): ${crashed}`);
out.push(`failures by reason:${failures.size === 0 ? ' none' : ''}`);
for (const [reason, list] of [...failures].sort((a, b) => b[1].length - a[1].length)) {
  out.push(`  ${reason}: ${list.length}`);
  for (const line of list.slice(0, 5)) out.push(`    ${line}`);
}
out.push(`non-empty text: ${pct(nonEmpty, processed)}`);
out.push(`letterDate within 10 days before filingDate: ${pct(dated, processed)}`);
out.push(`UPLOADs with at least one numbered item: ${pct(uploadsWithItems, uploads.length)}`);
for (const format of ['html', 'pdf'] as const) {
  const t = timing[format];
  const rate = t.ms === 0 ? 0 : (t.letters * 1000) / t.ms;
  out.push(
    `throughput ${format.toUpperCase()}: ${rate.toFixed(1)} letters/s (${t.letters} letters in ${(t.ms / 1000).toFixed(2)} s, one thread${repeat > 1 ? `, ${repeat} rounds` : ''})`,
  );
}
console.log(out.join('\n'));

if (values.show) {
  const hit = built.find((b) => b.item.row.accession === values.show);
  console.log(hit ? JSON.stringify(hit.letter, null, 2) : `no built letter ${values.show}`);
}

// letter's accuracy harness: the labelled set and the corpus linkage.
console.log('\nletter accuracy (test/eval/accuracy.ts):');
console.log(formatAccuracy(await runAccuracy({ corpusDir: dir })));

// The analytic tables (issue 12): derived rows against the labelled set, beside the labellers' agreement.
console.log('\nanalytic tables accuracy (test/eval/analytics-accuracy.ts):');
console.log(await runAnalyticsAccuracy(dir));
// The development set the classifiers are tuned on: a larger sample, but not a held-out one.
console.log('development set (tuned on, so not the reported figures; --set dev):');
console.log(await runAnalyticsAccuracy(dir, { set: 'dev' }));
// The synthetic development set: staff comments we wrote, labelled twice; needs no corpus.
console.log(`\n${runSyntheticTopics()}`);
