/**
 * BullMQ worker for the `fetch` queue: one GET of each filing's complete submission (paced by the Redis limiter),
 * archived, then its parse job.
 * Runs until SIGTERM/SIGINT, then finishes its running jobs and exits 0; the same as
 * `edgar-corresp worker --queues fetch`. Configuration: the environment of DESIGN.md (REDIS_URL required).
 *   node workers/fetch.worker.ts
 */
import { listenForStop } from '../src/app/stop-signals.ts';

// Listen for SIGTERM/SIGINT first, before the heavy modules load: a signal during start-up then drains.
const signals = listenForStop();
const { workerMain } = await import('../src/app/worker-runtime.ts');
await workerMain(['fetch'], signals);
