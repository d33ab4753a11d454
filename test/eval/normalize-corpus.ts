/**
 * Normalisation over the real-letter corpus: `node test/eval/normalize-corpus.ts <corpus-dir> [--repeat N]
 * [--only html|pdf] [--show ACCESSION]`. Wraps every CORRESP/UPLOAD as its submission (corpus.ts), parses and
 * normalises it, and prints per format: letters processed, failures by reason, share with non-empty text, and
 * letters per second (parseSubmission + normalizeSubmission, one thread). A script, not a test: the corpus is
 * read at run time and nothing from it is written anywhere.
 */
import { parseArgs } from 'node:util';
import { BadInputError } from '../../src/errors.ts';
import { normalizeSubmission } from '../../src/normalize/normalize-submission.ts';
import { parseSubmission } from '../../src/submission/parse-submission.ts';
import { readCorpusIndex, wrapCorpusLetter, type CorpusLetter } from './corpus.ts';

interface FormatStats {
  processed: number;
  failures: Map<string, number>;
  nonEmpty: number;
  warned: number;
  ms: number;
  cpuMs: number;
  words: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repeat: { type: 'string', default: '1' },
    only: { type: 'string' },
    show: { type: 'string' },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error(
    'usage: node test/eval/normalize-corpus.ts <corpus-dir> [--repeat N] [--only html|pdf] [--show ACCESSION]',
  );
  process.exit(2);
}

const index = readCorpusIndex(dir);
const letters: CorpusLetter[] = index.letters
  .map((row) => wrapCorpusLetter(dir, row))
  .filter((l) => !values.only || l.format === values.only);
const repeat = Math.max(1, Number(values.repeat));
const stats = new Map<string, FormatStats>();
const failures: string[] = [];

for (let pass = 0; pass < repeat; pass++) {
  for (const letter of letters) {
    let s = stats.get(letter.format);
    if (!s)
      stats.set(
        letter.format,
        (s = { processed: 0, failures: new Map(), nonEmpty: 0, warned: 0, ms: 0, cpuMs: 0, words: 0 }),
      );
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const spent = (): void => {
      s.ms += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      s.cpuMs += (cpu.user + cpu.system) / 1000;
    };
    try {
      const submission = parseSubmission(letter.submission);
      const normalized = await normalizeSubmission(submission);
      spent();
      if (pass > 0) continue;
      s.processed++;
      if (normalized.text.trim() !== '') s.nonEmpty++;
      if (normalized.warnings.length > 0) s.warned++;
      s.words += normalized.text.split(/\s+/).filter(Boolean).length;
      if (values.show === letter.row.accession) {
        for (const b of normalized.blocks) {
          console.log(`[${b.type}${b.marker ? ` ${b.marker}` : ''} p=${b.page} ${b.emphasis.join(',')}] ${b.text}`);
        }
        console.log(normalized.warnings);
      }
    } catch (error) {
      spent();
      if (pass > 0) continue;
      s.processed++;
      const reason = error instanceof BadInputError ? error.reason : `crash: ${(error as Error).message}`;
      s.failures.set(reason, (s.failures.get(reason) ?? 0) + 1);
      failures.push(
        `${letter.row.accession} ${letter.format}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

console.log(
  `corpus ${dir}: ${index.letters.length} letters, ${index.skipped.length} skipped (${[...new Set(index.skipped.map((r) => r.form))].join(', ')})`,
);
for (const [format, s] of stats) {
  const failed = [...s.failures.values()].reduce((a, b) => a + b, 0);
  console.log(
    [
      `${format}: processed ${s.processed}`,
      `failed ${failed}${failed ? ` (${[...s.failures].map(([r, n]) => `${r}: ${n}`).join(', ')})` : ''}`,
      `non-empty text ${s.nonEmpty}/${s.processed} = ${((100 * s.nonEmpty) / Math.max(1, s.processed)).toFixed(1)}%`,
      `with warnings ${s.warned}`,
      `mean words ${(s.words / Math.max(1, s.processed - failed)).toFixed(0)}`,
      `${((s.processed * repeat) / (s.ms / 1000)).toFixed(1)} letters/s wall, ` +
        `${((s.processed * repeat) / (s.cpuMs / 1000)).toFixed(1)} letters/s of CPU time ` +
        `(parseSubmission + normalizeSubmission, one thread, ${repeat} pass${repeat > 1 ? 'es' : ''})`,
    ].join('; '),
  );
}
for (const line of failures) console.log(`  failed ${line}`);
