/**
 * `npx node test/eval/dump-letter-texts.ts <corpus-dir> <out-dir> [ACCESSION ...] [--list FILE] [--all]`: writes
 * the clean text of chosen corpus letters to `<out-dir>/<accession>.txt`, for people labelling the analytic
 * tables' evaluation set. Each letter is wrapped as its submission by the corpus loader (corpus.ts) and built by
 * the backfill's own path (buildLetter), so the labellers read the very text the pipeline reads. Only the text
 * and a small header (accession, form, company, cik, filingDate, letterDate, textSource) are written: never the
 * parser's items, topics or authorities, which the labellers must not see. `--list FILE` reads accessions from
 * any text (one per line, JSON...: every `NNNNNNNNNN-NN-NNNNNN` in it). A script, not a test: the corpus is
 * read at run time and the output goes outside the repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError } from '../../src/errors.ts';
import { buildLetter } from '../../src/pipeline/build-letter.ts';
import { readCorpusIndex, wrapCorpusLetter, type CorpusRow } from './corpus.ts';

const ACCESSION = /\b\d{10}-\d{2}-\d{6}\b/g;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { list: { type: 'string' }, all: { type: 'boolean', default: false } },
});
const [dir, outDir, ...named] = positionals;
if (!dir || !outDir || !existsSync(dir)) {
  console.error(
    'usage: npx node test/eval/dump-letter-texts.ts <corpus-dir> <out-dir> [ACCESSION ...] [--list FILE] [--all]',
  );
  process.exit(2);
}

const index = readCorpusIndex(dir);
const wanted = new Set([...named, ...(values.list ? (readFileSync(values.list, 'utf8').match(ACCESSION) ?? []) : [])]);
const rows: CorpusRow[] = values.all ? [...index.letters] : index.letters.filter((r) => wanted.has(r.accession));
const found = new Set(rows.map((r) => r.accession));
const unknown = [...wanted].filter((a) => !found.has(a));
for (const accession of unknown) {
  const skipped = index.skipped.find((r) => r.accession === accession);
  console.error(`${accession}: ${skipped ? `a ${skipped.form}, outside the Letter schema` : 'not in INDEX.csv'}`);
}

mkdirSync(outDir, { recursive: true });
let written = 0;
let failed = 0;
for (const row of rows) {
  const wrapped = wrapCorpusLetter(dir, row);
  try {
    const letter = await buildLetter(wrapped.submission, {
      accessionNumber: row.accession,
      listedFilingDate: row.filingDate,
      listingFileNumbers: {},
    });
    const header = [
      `accession: ${letter.accessionNumber}`,
      `form: ${letter.form}`,
      `company: ${letter.companyName}`,
      `cik: ${letter.cik}`,
      `filingDate: ${letter.filingDate}`,
      `letterDate: ${letter.letterDate ?? 'unknown'}`,
      `textSource: ${letter.textSource}`,
      `corpusPath: ${wrapped.path}`,
    ];
    writeFileSync(join(outDir, `${row.accession}.txt`), `${header.join('\n')}\n${'='.repeat(72)}\n\n${letter.text}\n`);
    written += 1;
  } catch (error) {
    failed += 1;
    console.error(`${row.accession} (${wrapped.path}): ${describeError(error)}`);
  }
}
console.log(`${written} letter texts written to ${outDir}; ${failed} failed; ${unknown.length} not found`);
if (failed > 0 || unknown.length > 0) process.exitCode = 1;
