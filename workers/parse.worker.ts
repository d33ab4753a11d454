/**
 * BullMQ worker for the `parse` queue: normalize + parse each archived filing and store its letter; rebuild the
 * company's review threads.
 * Runs until SIGTERM/SIGINT, then finishes its running jobs and exits 0; the same as
 * `edgar-corresp worker --queues parse`. Configuration: the environment of DESIGN.md (REDIS_URL required).
 *   node workers/parse.worker.ts
 */
import { listenForStop } from '../src/app/stop-signals.ts';

// Listen for SIGTERM/SIGINT first, before the heavy modules load: a signal during start-up then drains.
const signals = listenForStop();
const { workerMain } = await import('../src/app/worker-runtime.ts');
await workerMain(['parse'], signals);
