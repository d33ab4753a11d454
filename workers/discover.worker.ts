/**
 * BullMQ worker for the `discover` queue: backfill targets and crawl passes -> filing refs, then fetch or parse jobs
 * by state.
 * Runs until SIGTERM/SIGINT, then finishes its running jobs and exits 0; the same as
 * `edgar-corresp worker --queues discover`. Configuration: the environment of DESIGN.md (REDIS_URL required).
 *   node workers/discover.worker.ts
 */
import { workerMain } from '../src/queue/worker-runtime.ts';

await workerMain(['discover']);
