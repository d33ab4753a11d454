/**
 * `npx node test/eval/classify-dev.ts <corpus-dir> [--exclude FILE] [--sample N] [--seed S] [--only ACCESSION]
 * [--grep REGEX] [--kinds]`: prints, for the staff comments of real corpus letters, what the letter-level
 * classifiers make of them (topics, authorities, reissued, with the headings and the comment text), so the cues
 * can be reviewed by eye. Every review thread holding a letter listed in `--exclude` (the analytic tables'
 * labelled set: one accession per line, or any text holding them) is left out whole, so development never reads
 * the letters the figures are measured on, nor the company letters that quote them. `--kinds` prints instead
 * the letters whose kind or office the classifiers decide (extension requests, offices), one line each.
 * `--later-rounds` keeps only the comments of a thread's second and later staff comment letters (where a comment
 * can follow up or reissue an earlier one), with the prior comments the parser linked.
 * A script, not a test: the corpus is read at run time and nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeError } from '../../src/errors.ts';
import type { Letter } from '../../src/letter/schema.ts';
import { buildLetter } from '../../src/pipeline/build-letter.ts';
import { classifyComment } from '../../src/letter/classify-comment.ts';
import { reissueEvidence } from '../../src/letter/reissue.ts';
import { scoreTopics } from '../../src/letter/topics.ts';
import { readCorpusIndex, wrapCorpusLetter } from './corpus.ts';

const ACCESSION = /\b\d{10}-\d{2}-\d{6}\b/g;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    exclude: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', multiple: true },
    grep: { type: 'string' },
    kinds: { type: 'boolean', default: false },
    form: { type: 'string' },
    'later-rounds': { type: 'boolean', default: false },
  },
});
const dir = positionals[0];
if (!dir || !existsSync(dir)) {
  console.error(
    'usage: npx node test/eval/classify-dev.ts <corpus-dir> [--exclude FILE] [--sample N] [--seed S] [--only ACC] [--grep RE] [--kinds]',
  );
  process.exit(2);
}

const excluded = new Set(values.exclude ? (readFileSync(values.exclude, 'utf8').match(ACCESSION) ?? []) : []);
const index = readCorpusIndex(dir);
const excludedThreads = new Set(index.letters.filter((r) => excluded.has(r.accession)).map((r) => r.thread));
const rows = index.letters.filter(
  (r) =>
    !excludedThreads.has(r.thread) &&
    !excluded.has(r.accession) &&
    (values.only === undefined || values.only.includes(r.accession)) &&
    (values.form === undefined || r.form === values.form),
);
console.error(`${rows.length} letters of ${index.letters.length} (${excludedThreads.size} threads left out)`);

const letters: Letter[] = [];
for (const row of rows) {
  const wrapped = wrapCorpusLetter(dir, row);
  try {
    letters.push(
      await buildLetter(wrapped.submission, {
        accessionNumber: row.accession,
        listedFilingDate: row.filingDate,
        listingFileNumbers: {},
      }),
    );
  } catch (error) {
    console.error(`${row.accession}: ${describeError(error)}`);
  }
}

/** A small deterministic PRNG (mulberry32), so a sample can be drawn again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Staff comment letters after the first of their corpus thread, by accession. */
function laterRoundLetters(all: readonly Letter[]): Set<string> {
  const threadOf = new Map(rows.map((r) => [r.accession, r.thread]));
  const firsts = new Map<string, Letter>();
  for (const l of all) {
    if (l.kind !== 'comment') continue;
    const thread = threadOf.get(l.accessionNumber)!;
    const first = firsts.get(thread);
    if (first === undefined || (l.letterDate ?? l.filingDate) < (first.letterDate ?? first.filingDate))
      firsts.set(thread, l);
  }
  const firstOnes = new Set([...firsts.values()].map((l) => l.accessionNumber));
  return new Set(
    all.filter((l) => l.kind === 'comment' && !firstOnes.has(l.accessionNumber)).map((l) => l.accessionNumber),
  );
}

if (values.kinds) {
  for (const l of letters) {
    const opening = l.text.replace(/\s+/g, ' ').slice(0, 160);
    console.log(`${l.accessionNumber} ${l.form} ${l.kind} | ${opening}`);
  }
} else {
  const grep = values.grep ? new RegExp(values.grep, 'i') : null;
  const later = values['later-rounds'] ? laterRoundLetters(letters) : null;
  let comments = letters.flatMap((l) =>
    (later !== null && !later.has(l.accessionNumber) ? [] : l.items)
      .filter((i) => i.comment !== null && (grep === null || grep.test(i.comment)))
      .map((item) => ({ letter: l, item })),
  );
  if (values.sample) {
    const next = random(Number(values.seed));
    comments = comments
      .map((c) => ({ c, k: next() }))
      .sort((a, b) => a.k - b.k)
      .slice(0, Number(values.sample))
      .map((x) => x.c);
  }
  for (const { letter, item } of comments) {
    const c = classifyComment(item);
    const why = scoreTopics({ comment: item.comment, headings: item.headings, authorities: c.authorities })
      .slice(0, 4)
      .map((s) => `${s.topic}=${s.score} [${s.evidence.join('; ')}]`)
      .join('  ');
    console.log(`=== ${letter.accessionNumber} ${letter.form} #${item.number} [${item.headings.join(' > ')}]`);
    console.log(`topics: ${c.topics.join(', ')}   (${why})`);
    console.log(`authorities: ${c.authorities.join(' | ')}`);
    const evidence = reissueEvidence(item);
    console.log(
      `reissued: ${c.reissued}${evidence ? ` (${evidence})` : ''}   priorComments: [${item.priorComments.join(',')}]`,
    );
    console.log((item.comment ?? '').replace(/\s+/g, ' '));
    console.log();
  }
  console.error(`${comments.length} comments`);
}
