/**
 * BullMQ worker for the `parse` queue: normalize + parse each archived filing and store its letter; rebuild the
 * company's review threads.
 * Runs until SIGTERM/SIGINT, then finishes its running jobs and exits 0; the same as
 * `edgar-corresp worker --queues parse`. Configuration: the environment of DESIGN.md (REDIS_URL required).
 *   node workers/parse.worker.ts
 */
import { workerMain } from '../src/queue/worker-runtime.ts';

await workerMain(['parse']);
