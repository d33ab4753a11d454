/**
 * Main side of the property suite and of `npm run fuzz`: runs the properties of outside-input.ts in a worker
 * thread and watches it. A parse that does not come back within `hangMs` (CPU-bound: a hang or a catastrophic
 * backtrack) is a failure too: the worker is terminated and the input it was parsing is the counterexample.
 */
import { Worker } from 'node:worker_threads';
import type { Input } from './outside-input.ts';

export interface PropertyJob {
  /** Parser names (outside-input.ts), or null for all. */
  readonly parsers: readonly string[] | null;
  /** Runs per fast-check pass. */
  readonly runs: number;
  readonly seed: number;
  /** Keep running passes with new seeds for this long per parser (0: one pass). */
  readonly seconds: number;
  /** Longest run of one character a mutation inserts. */
  readonly maxRun: number;
}

export interface Failure {
  readonly seed: number;
  /** fast-check's path of the counterexample ('' for a hang). */
  readonly path: string;
  readonly input: Input;
  readonly error: string;
}

export type PropertyMessage =
  | { readonly kind: 'parsing'; readonly parser: string; readonly input: Input }
  | {
      readonly kind: 'parser-done';
      readonly parser: string;
      readonly runs: number;
      readonly seconds: number;
      readonly failure: Failure | null;
    }
  | { readonly kind: 'done' };

export interface ParserOutcome {
  readonly parser: string;
  readonly runs: number;
  readonly seconds: number;
  readonly failure: Failure | null;
}

/** Runs the job; `onOutcome` hears each parser as it finishes. Resolves with every parser's outcome. */
export function runProperties(
  job: PropertyJob,
  hangMs: number,
  onOutcome: (outcome: ParserOutcome) => void = () => undefined,
): Promise<ParserOutcome[]> {
  return new Promise((resolve) => {
    const outcomes: ParserOutcome[] = [];
    let current: { parser: string; input: Input } | null = null;
    let timer: NodeJS.Timeout | undefined;
    const worker = new Worker(new URL('./property-worker.ts', import.meta.url), {
      workerData: job,
      stdout: true,
      stderr: true,
    });
    const finish = (): void => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcomes);
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const failure: Failure = {
          seed: job.seed,
          path: '',
          input: current?.input ?? '',
          error: `no answer within ${hangMs} ms (hang or super-linear parse)`,
        };
        const outcome = { parser: current?.parser ?? '(loading)', runs: 0, seconds: hangMs / 1000, failure };
        outcomes.push(outcome);
        onOutcome(outcome);
        finish();
      }, hangMs);
    };
    arm();
    worker.on('message', (message: PropertyMessage) => {
      if (message.kind === 'parsing') {
        current = { parser: message.parser, input: message.input };
        arm();
      } else if (message.kind === 'parser-done') {
        const { kind: _kind, ...outcome } = message;
        outcomes.push(outcome);
        onOutcome(outcome);
        arm();
      } else finish();
    });
    worker.on('error', (error) => {
      const failure: Failure = {
        seed: job.seed,
        path: '',
        input: current?.input ?? '',
        error: `worker died: ${error.stack ?? error.message}`,
      };
      const outcome = { parser: current?.parser ?? '(loading)', runs: 0, seconds: 0, failure };
      outcomes.push(outcome);
      onOutcome(outcome);
      finish();
    });
  });
}
