/**
 * The composition root of the commands that run the pipeline: builds the runner the Config calls for — the
 * distributed one when REDIS_URL is set, else the embedded one — with the deps it needs. The only place the
 * mode is chosen; commands use the PipelineRunner port and never ask which one they got.
 */
import type { Config } from '../../config/env.ts';
import type { FairAccessLimiter } from '../edgar/limiter.ts';
import type { Logger } from '../log.ts';
import { createEmbeddedRunner } from '../pipeline/embedded-runner.ts';
import type { PipelineRunner } from '../pipeline/runner.ts';
import { openPipelineDeps, type OpenedPipelineDeps } from './open-pipeline-deps.ts';

export interface RunnerSession {
  readonly runner: PipelineRunner;
  /** The deps of this process (the store for reads; no EDGAR client when offline or distributed). */
  readonly deps: OpenedPipelineDeps;
  /** Closes everything opened for the session. */
  close(): Promise<void>;
}

export interface OpenRunnerOptions {
  /** The command, named in configuration errors. */
  readonly command: string;
  readonly logger: Logger;
  /** The command makes no EDGAR request itself (status): no client, no User-Agent needed. */
  readonly offline?: boolean;
  /** Fair-access limiter shared by several embedded runs in one process (tests, the demo). */
  readonly limiter?: FairAccessLimiter;
}

export async function openRunner(config: Config, options: OpenRunnerOptions): Promise<RunnerSession> {
  if (config.redisUrl !== null) {
    // Loaded only in distributed mode: BullMQ, ioredis and the ops servers weigh ~50 MB of heap.
    const { openDistributedRuntime } = await import('./distributed-runtime.ts');
    const { createDistributedRunner } = await import('../pipeline/distributed/distributed-runner.ts');
    // This process only follows the run: the workers make every EDGAR request.
    const runtime = await openDistributedRuntime(config, { ...options, offline: true });
    const runner = createDistributedRunner({ deps: runtime.deps, queues: runtime.queues });
    return { runner, deps: runtime.deps, close: () => runtime.close() };
  }
  // One parse worker, a second only when letters wait: one outruns 10 fetches a second.
  const deps = await openPipelineDeps(config, {
    logger: options.logger,
    limiter: options.limiter,
    offline: options.offline,
    parsePool: options.offline ? undefined : { size: config.parseConcurrency, growAfterMs: 250 },
  });
  const runner = createEmbeddedRunner(deps, {
    fetchConcurrency: config.fetchConcurrency,
    parseConcurrency: config.parseConcurrency,
  });
  return { runner, deps, close: () => deps.close() };
}
