/**
 * `reparse`: normalise and parse again every stored letter (and every filing that failed at parse) from its
 * archived raw bytes, with no EDGAR request, then rebuild the threads. Used after the parsers change
 * (parserVersion). File numbers that a letter only had through its review thread are kept.
 */
import PQueue from 'p-queue';
import type { Letter } from '../letter/schema.ts';
import type { FilingRecord } from '../filing/filing-record.ts';
import type { InferredFileNumber, UpsertOutcome } from '../store/document-store.ts';
import { recordStageFailure } from './failures.ts';
import { inferredFileNumberWarning, loadLetter, type ParseDeps } from './parse-stage.ts';
import type { FailedFiling } from './run-events.ts';
import { rebuildThreads } from './thread-stage.ts';

export interface ReparseSummary {
  readonly total: number;
  readonly outcomes: Readonly<Record<UpsertOutcome, number>>;
  readonly failures: readonly FailedFiling[];
  readonly durationMs: number;
}

export interface ReparseOptions {
  readonly parseConcurrency?: number;
  readonly onProgress?: (event: {
    done: number;
    total: number;
    accessionNumber: string;
    outcome: UpsertOutcome | 'failed';
  }) => void;
}

/** Keeps the file numbers the letter had only through its thread, while it still names none itself. */
function keepInferred(inferred: readonly InferredFileNumber[], next: Letter): Letter {
  if (inferred.length === 0 || next.fileNumbers.length > 0) return next;
  return {
    ...next,
    fileNumbers: inferred.map((i) => i.fileNumber),
    warnings: [...next.warnings, ...inferred.map(inferredFileNumberWarning)],
  };
}

export async function runReparse(deps: ParseDeps, options: ReparseOptions = {}): Promise<ReparseSummary> {
  const started = performance.now();
  const filings: FilingRecord[] = [
    ...(await deps.store.listFilings({ states: ['parsed'] })),
    ...(await deps.store.listFilings({ states: ['failed'] })).filter(
      (f) => f.failure?.stage === 'parse' && f.archiveSha256 !== null,
    ),
  ];
  const outcomes: Record<UpsertOutcome, number> = { inserted: 0, updated: 0, unchanged: 0 };
  const failures: FailedFiling[] = [];
  const ciks = new Set<string>();
  const fileNumbers = new Set<string>();
  const queue = new PQueue({ concurrency: options.parseConcurrency ?? 1 });
  let done = 0;
  for (const filing of filings) {
    void queue.add(async () => {
      let outcome: UpsertOutcome | 'failed';
      try {
        const inferred = await deps.store.listInferredFileNumbers(filing.accessionNumber);
        const parsed = await loadLetter(deps, filing.accessionNumber);
        // A letter that now names its own numbers no longer needs (nor keeps) the inferred ones.
        const letter = keepInferred(inferred, parsed);
        const dropInferred = inferred.length > 0 && parsed.fileNumbers.length > 0;
        outcome = await deps.store.upsertLetter(letter, dropInferred ? { inferredFileNumbers: [] } : {});
        outcomes[outcome] += 1;
        ciks.add(letter.cik);
        for (const n of letter.fileNumbers) fileNumbers.add(n);
      } catch (error) {
        const failure = await recordStageFailure(deps, filing.accessionNumber, 'parse', error);
        failures.push({
          accessionNumber: filing.accessionNumber,
          form: filing.form,
          filingDate: filing.filingDate,
          ...failure,
        });
        outcome = 'failed';
      }
      done += 1;
      options.onProgress?.({ done, total: filings.length, accessionNumber: filing.accessionNumber, outcome });
    });
  }
  await queue.onIdle();
  await rebuildThreads(deps, { ciks: [...ciks], fileNumbers: [...fileNumbers] });
  return { total: filings.length, outcomes, failures, durationMs: performance.now() - started };
}
