/**
 * Linear-time checks: a parser's CPU time on a large adversarial input against its time on one 8 times smaller
 * (linear 8x, quadratic 64x). The cases run one after another in a worker thread that times itself with
 * `process.threadCpuUsage()` (CPU of that thread only: other processes, other tests and this process's other
 * threads do not count), so the ratio holds on a loaded machine; the main thread keeps a deadline per case
 * and terminates a worker stuck in a catastrophic case (then goes on with the next cases in a new worker)
 * instead of hanging the suite.
 */
import { Worker } from 'node:worker_threads';

/** The sizes compared. */
export const SMALL_BYTES = 256 * 1024;
export const LARGE_BYTES = 2 * 1024 * 1024;
/** The small input must take at least this much CPU, or each size is parsed 4x as many times (up to MAX_REPS). */
export const MIN_SMALL_MS = 8;
export const MAX_REPS = 64;
/** Ratio allowed between the large and the small input's CPU time (linear is 8, quadratic 64). */
export const MAX_RATIO = 20;

export interface ScalingResult {
  /** "group: case". */
  readonly name: string;
  readonly smallBytes: number;
  readonly largeBytes: number;
  /** Parses per timed run, at both sizes. */
  readonly reps: number;
  /** Fastest of 3 runs, CPU milliseconds of the worker thread. */
  readonly smallMs: number;
  readonly largeMs: number;
  readonly ratio: number;
}

export type WorkerMessage =
  | { readonly kind: 'started'; readonly name: string }
  | { readonly kind: 'result'; readonly result: ScalingResult }
  | { readonly kind: 'done' };

/** What became of one case: its measurement, or why there is none. */
export type CaseOutcome = { readonly result: ScalingResult } | { readonly problem: string };

/** Runs the named cases ("group: case") in a worker, a new one after a case that passes its deadline. */
export async function measureCases(names: readonly string[], deadlineMs = 120_000): Promise<Map<string, CaseOutcome>> {
  const outcomes = new Map<string, CaseOutcome>();
  let remaining = [...names];
  while (remaining.length > 0) {
    await runWorker(remaining, deadlineMs, outcomes);
    const next = remaining.filter((name) => !outcomes.has(name));
    if (next.length === remaining.length) break;
    remaining = next;
  }
  for (const name of names) if (!outcomes.has(name)) outcomes.set(name, { problem: 'not run' });
  return outcomes;
}

function runWorker(names: readonly string[], deadlineMs: number, outcomes: Map<string, CaseOutcome>): Promise<void> {
  return new Promise((resolve) => {
    let running: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    const worker = new Worker(new URL('./scaling-worker.ts', import.meta.url), {
      workerData: { names },
      stdout: false,
    });
    const finish = (): void => {
      clearTimeout(timer);
      void worker.terminate();
      resolve();
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (running)
          outcomes.set(running, { problem: `still running after ${deadlineMs / 1000} s (super-linear or hung)` });
        finish();
      }, deadlineMs);
    };
    arm();
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'started') {
        running = message.name;
        arm();
      } else if (message.kind === 'result') outcomes.set(message.result.name, { result: message.result });
      else finish();
    });
    worker.on('error', (error) => {
      if (running) outcomes.set(running, { problem: `crashed: ${error.message}` });
      finish();
    });
  });
}

/** One line for the test output: what was compared and how it scaled. */
export function describeScaling(r: ScalingResult): string {
  const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
  const times = r.reps > 1 ? ` (x${r.reps})` : '';
  return `${r.name}: ${kib(r.smallBytes)}${times} ${r.smallMs.toFixed(1)} ms, ${kib(r.largeBytes)}${times} ${r.largeMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(1)}`;
}
