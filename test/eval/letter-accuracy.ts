/**
 * The letter part of `npm run eval -- <corpus-dir>` (test/eval/run.ts calls `runLetterAccuracy` with the Letters the
 * backfill path built from the corpus): the labelled set's per-field accuracy, then the corpus link and
 * item-number measures over those same Letters. Returns the report as text.
 */
import type { Letter } from '../../src/letter/schema.ts';
import { CORPUS_TARGETS, formatCorpusReport, measureCorpus, type CorpusParsed } from './accuracy-corpus.ts';
import { evaluateLabelled, formatLabelledReport } from './accuracy-labelled.ts';
import type { CorpusRow } from './corpus.ts';

export interface LetterAccuracyInput {
  readonly dir: string;
  readonly letters: readonly { readonly row: unknown; readonly letter: Letter }[];
}

export async function runLetterAccuracy(input: LetterAccuracyInput): Promise<string> {
  const labelled = await evaluateLabelled();
  const parsed: CorpusParsed[] = input.letters.map(({ row, letter }) => ({
    row: row as CorpusRow,
    cik: letter.cik,
    filingDate: letter.filingDate,
    acceptanceDateTime: letter.acceptanceDateTime,
    letter,
  }));
  const corpus = measureCorpus(parsed);
  const ok = labelled.belowTarget.length === 0 && corpus.belowTarget.length === 0;
  return [
    formatLabelledReport(labelled),
    formatCorpusReport(corpus),
    ok
      ? `All letter targets met (corpus: linked >= ${100 * CORPUS_TARGETS.linked}%, items equal >= ${100 * CORPUS_TARGETS.itemsEqual}%).`
      : 'Some letter targets are not met.',
  ].join('\n');
}
