/**
 * Accuracy of the analytic tables (issue 12) against the labelled set test/eval/analytics-labels/final.json:
 * the real corpus letters of the labelled reviews go through the backfill's letter path (buildLetter), the
 * pipeline's thread builder and src/analytics' deriveThread, with each company's listing from its
 * company_submissions.json as listed filings; the derived rows are compared with the labels field by field.
 * Beside every score, the agreement of the two independent labellings (b.json against a.json).
 *
 *   npx node test/eval/analytics-accuracy.ts <corpus-dir> [--misses] [--set dev]
 *   npx node test/eval/analytics-accuracy.ts --disagreements [--set dev]
 *
 * `--set dev` scores the development set instead (analytics-labels/dev/: topics, priorComments and reissued of
 * reviews outside the labelled set's threads, labelled the same way); classifier work is tuned on it, and its
 * misses may be read, never the labelled set's. `--disagreements` lists where labelling B differs from A, field by
 * field (what a third pass settles); it reads no letter.
 *
 * A script, not a test: the corpus is read at run time and nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveThread } from '../../src/analytics/derive.ts';
import type { ListedFilingRow } from '../../src/analytics/reviewed-filing.ts';
import { parseCompanySubmissions, parseSubmissionsPage } from '../../src/discover/submissions-json.ts';
import type { Letter } from '../../src/letter/schema.ts';
import { buildThreads } from '../../src/letter/threads.ts';
import { buildLetter } from '../../src/pipeline/build-letter.ts';
import { readCorpusIndex, wrapCorpusLetter, type CorpusRow } from './corpus.ts';
import { compareLabellings, formatAnalyticsReport, type Labelling, type LabelledReview } from './analytics-compare.ts';

const LABELS = new URL('./analytics-labels/', import.meta.url);
/** The label sets: the labelled set the figures are reported on, and the development set. */
const SETS = { labelled: '', dev: 'dev/' } as const;
type LabelSet = keyof typeof SETS;
const readLabels = (set: LabelSet, name: string): Labelling =>
  JSON.parse(readFileSync(new URL(SETS[set] + name, LABELS), 'utf8')) as Labelling;

/**
 * The company's listing as discovery reads it: `filings.recent` plus every overflow page `filings.files` names
 * that the corpus holds beside it (CIK##########-submissions-001.json ...); a page the corpus lacks is left out,
 * so a reviewed filing older than the recent rows resolves only when its page is there.
 */
function listedFilingsOf(dir: string, ticker: string): ListedFilingRow[] {
  const path = join(dir, ticker, 'company_submissions.json');
  if (!existsSync(path)) return [];
  const parsed = parseCompanySubmissions(JSON.parse(readFileSync(path, 'utf8')), path);
  const rows = [...parsed.rows];
  for (const page of parsed.pages) {
    const pagePath = join(dir, ticker, page.name);
    if (existsSync(pagePath))
      rows.push(...parseSubmissionsPage(JSON.parse(readFileSync(pagePath, 'utf8')), pagePath).rows);
  }
  return rows.map((r) => ({
    accessionNumber: r.accessionNumber,
    cik: parsed.cik,
    form: r.form,
    filingDate: r.filingDate,
    reportDate: r.reportDate,
    fileNumbers: r.fileNumbers,
  }));
}

async function buildAll(dir: string, rows: readonly CorpusRow[]): Promise<Letter[]> {
  const out: Letter[] = [];
  for (const row of rows) {
    const wrapped = wrapCorpusLetter(dir, row);
    try {
      out.push(
        await buildLetter(wrapped.submission, {
          accessionNumber: row.accession,
          listedFilingDate: row.filingDate,
          listingFileNumbers: {},
        }),
      );
    } catch (error) {
      console.error(`${row.accession}: ${(error as Error).message}`);
    }
  }
  return out;
}

/** The labelled set's shape, derived: one review per labelled review key, from the thread holding that letter. */
export async function deriveLabelling(dir: string, gold: Labelling): Promise<Labelling> {
  const index = readCorpusIndex(dir);
  const wanted = new Set(gold.reviews.map((r) => r.review));
  const tickers = new Set(index.letters.filter((r) => wanted.has(r.accession)).map((r) => r.ticker));
  const reviews: LabelledReview[] = [];
  for (const ticker of tickers) {
    const letters = await buildAll(
      dir,
      index.letters.filter((r) => r.ticker === ticker),
    );
    const listed = listedFilingsOf(dir, ticker);
    const byAccession = new Map(letters.map((l) => [l.accessionNumber, l]));
    for (const thread of buildThreads(letters)) {
      const own = thread.letters.map((e) => byAccession.get(e.accessionNumber)!);
      const { comments, conversation } = deriveThread({
        threadId: thread.threadId,
        letters: own,
        listedFilings: listed,
      });
      // Every thread is kept (comments are compared by accession and number, wherever the builder put them);
      // the review key is the labelled letter the thread holds, for the reviewed filing.
      const key = own.find((l) => wanted.has(l.accessionNumber)) ?? own[0]!;
      const staff = [...new Set(comments.map((c) => c.accessionNumber))];
      reviews.push({
        review: key.accessionNumber,
        reviewedFiling: conversation.reviewedFiling,
        staffLetters: staff.map((accession) => ({
          accession,
          comments: comments
            .filter((c) => c.accessionNumber === accession)
            .map((c) => ({
              number: c.number,
              topics: c.topics,
              authorities: c.authorities,
              priorComments: c.priorComments,
              reissued: c.reissued,
              response: c.response?.accessionNumber ?? null,
            })),
        })),
        companyLetters: own
          .filter((l) => l.form === 'CORRESP')
          .map((l) => ({ accession: l.accessionNumber, kind: l.kind })),
      });
    }
  }
  return { labeller: 'derived', reviews };
}

export async function runAnalyticsAccuracy(
  dir: string,
  options: { misses?: boolean; set?: LabelSet } = {},
): Promise<string> {
  const set = options.set ?? 'labelled';
  const final = readLabels(set, 'final.json');
  const derived = await deriveLabelling(dir, final);
  const measured = compareLabellings(final, derived);
  const agreement = compareLabellings(readLabels(set, 'a.json'), readLabels(set, 'b.json'));
  return formatAnalyticsReport(measured, agreement, {
    misses: options.misses,
    reference: `test/eval/analytics-labels/${SETS[set]}final.json`,
  });
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      misses: { type: 'boolean', default: false },
      set: { type: 'string', default: 'labelled' },
      disagreements: { type: 'boolean', default: false },
    },
  });
  if (values.disagreements && values.set in SETS) {
    const set = values.set as LabelSet;
    const lines = compareLabellings(readLabels(set, 'a.json'), readLabels(set, 'b.json')).misses;
    process.stdout.write(lines.map((line) => `${line}\n`).join(''));
    process.exit(0);
  }
  const dir = positionals[0];
  if (!dir || !existsSync(dir) || !(values.set in SETS)) {
    console.error('usage: npx node test/eval/analytics-accuracy.ts <corpus-dir> [--misses] [--set labelled|dev]');
    process.exit(2);
  }
  process.stdout.write(await runAnalyticsAccuracy(dir, { misses: values.misses, set: values.set as LabelSet }));
}
