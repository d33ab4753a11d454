/**
 * BullMQ worker for the `discover` queue: backfill targets and crawl passes -> filing refs, then fetch or parse jobs
 * by state.
 * Runs until SIGTERM/SIGINT, then finishes its running jobs and exits 0; the same as
 * `edgar-corresp worker --queues discover`. Configuration: the environment of DESIGN.md (REDIS_URL required).
 *   node workers/discover.worker.ts
 */
import { listenForStop } from '../src/app/stop-signals.ts';

// Listen for SIGTERM/SIGINT first, before the heavy modules load: a signal during start-up then drains.
const signals = listenForStop();
const { workerMain } = await import('../src/app/worker-runtime.ts');
await workerMain(['discover'], signals);
