/** Worker side of cpu-scaling.ts: times each case of one group on its own thread's CPU clock. */
import { parentPort, workerData } from 'node:worker_threads';
import { LARGE_BYTES, MAX_REPS, MIN_SMALL_MS, SMALL_BYTES, type WorkerMessage } from './cpu-scaling.ts';
import { LINEAR_CASES } from './linear-cases.ts';

const { names } = workerData as { names: readonly string[] };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

function threadMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU time of `reps` calls of `run`. */
async function timeOnce(run: () => unknown, reps: number): Promise<number> {
  const start = threadMs();
  for (let i = 0; i < reps; i++) await run();
  return threadMs() - start;
}

/**
 * The fastest of 3 runs: what else happens on the thread (a collection of earlier garbage, caches cooled by
 * other processes) only ever adds time, so the fastest run is the closest to the parse's own cost. With the median
 * two slow runs of three decided: 2 MiB of unclosed <b> tags took 480-820 ms against 40-104 ms at 256 KiB.
 */
async function fastestOf3(run: () => unknown, reps: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await timeOnce(run, reps));
  return Math.min(...times);
}

const cases = Object.entries(LINEAR_CASES).flatMap(([group, list]) =>
  list.map((c) => ({ ...c, name: `${group}: ${c.name}` })),
);
for (const c of cases) {
  if (!names.includes(c.name)) continue;
  post({ kind: 'started', name: c.name });
  // Inputs are built once per size, outside the timing; a warm-up run compiles and optimises first.
  const small = c.prepare(SMALL_BYTES);
  await timeOnce(small, 1);
  // A fast parse is repeated (the same number of times at both sizes) until the small input's time is
  // measurable: timer granularity and fixed costs would otherwise decide the ratio.
  let reps = 1;
  let smallMs = await fastestOf3(small, reps);
  while (smallMs < MIN_SMALL_MS && reps < MAX_REPS) {
    reps *= 4;
    smallMs = await fastestOf3(small, reps);
  }
  const largeMs = await fastestOf3(c.prepare(LARGE_BYTES), reps);
  post({
    kind: 'result',
    result: {
      name: c.name,
      smallBytes: SMALL_BYTES,
      largeBytes: LARGE_BYTES,
      reps,
      smallMs,
      largeMs,
      // A parse too fast to time even when repeated reads little of its input: its floor is MIN_SMALL_MS.
      ratio: largeMs / Math.max(smallMs, MIN_SMALL_MS),
    },
  });
}
post({ kind: 'done' });
