/**
 * Letter parser accuracy: the labelled set always, the real corpus when a path is given.
 *
 *   node test/eval/accuracy.ts [--corpus <dir>] [--formats pdf,text-extract] [--misses] [--json]
 *
 * `runAccuracy` is what `npm run eval` calls. Exit code of the script: 0 when every target is met, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { evaluateCorpus, formatCorpusReport, type CorpusReport } from './accuracy-corpus.ts';
import {
  evaluateLabelled,
  formatLabelledReport,
  RENDER_FORMATS,
  type LabelledReport,
  type RenderFormat,
} from './accuracy-labelled.ts';

export interface AccuracyOptions {
  /** The corpus directory (../shared/edgar/corpus layout); the corpus part is skipped without it. */
  readonly corpusDir?: string | null;
  readonly formats?: readonly RenderFormat[];
}

export interface AccuracyResult {
  readonly labelled: LabelledReport;
  readonly corpus: CorpusReport | null;
  /** Whether every target of the issue is met by what was measured. */
  readonly ok: boolean;
}

export async function runAccuracy(options: AccuracyOptions = {}): Promise<AccuracyResult> {
  const labelled = await evaluateLabelled({ formats: options.formats });
  const corpus = options.corpusDir ? await evaluateCorpus(options.corpusDir) : null;
  const ok = labelled.belowTarget.length === 0 && (corpus === null || corpus.belowTarget.length === 0);
  return { labelled, corpus, ok };
}

export function formatAccuracy(result: AccuracyResult, options: { misses?: boolean } = {}): string {
  const parts = [formatLabelledReport(result.labelled, options)];
  if (result.corpus) parts.push(formatCorpusReport(result.corpus, options));
  parts.push(result.ok ? 'All letter targets met.\n' : 'Some letter targets are not met.\n');
  return parts.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      formats: { type: 'string' },
      misses: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const formats = values.formats?.split(',').map((f) => f.trim()) as RenderFormat[] | undefined;
  const unknown = formats?.filter((f) => !(RENDER_FORMATS as readonly string[]).includes(f)) ?? [];
  if (unknown.length > 0) {
    console.error(`unknown format(s): ${unknown.join(', ')}; known: ${RENDER_FORMATS.join(', ')}`);
    process.exit(2);
  }
  const result = await runAccuracy({ corpusDir: values.corpus ?? null, formats });
  process.stdout.write(
    values.json ? `${JSON.stringify(result, null, 2)}\n` : formatAccuracy(result, { misses: values.misses }),
  );
  process.exitCode = result.ok ? 0 : 1;
}
