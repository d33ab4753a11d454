/**
 * Prometheus metrics (prom-client): EDGAR requests by status and their latency, rate-limit pauses, jobs by
 * queue and outcome and their latency, queue depths (read from Redis at each scrape). One registry per process;
 * the client reports through its hooks (metricsHooks), the queue processors through `observeJob`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EdgarClientHooks } from '../edgar/client.ts';
import type { JobOutcome } from '../queue/job-processor.ts';
import type { QueueName } from '../queue/queue-names.ts';
import type { Queues } from '../queue/queues.ts';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

export interface Metrics {
  readonly registry: Registry;
  readonly edgarRequests: Counter<'status'>;
  readonly edgarRequestSeconds: Histogram<'status'>;
  readonly edgarPauses: Counter;
  readonly jobs: Counter<'queue' | 'outcome'>;
  readonly jobSeconds: Histogram<'queue' | 'outcome'>;
  /** For createJobProcessor's `observe`. */
  observeJob(queue: QueueName, outcome: JobOutcome, seconds: number): void;
}

export interface MetricsOptions {
  /** When given, queue depths are read at each scrape. */
  readonly queues?: Queues;
  /** When given, read at each scrape: grants of the shared limiter this process read too late and moved. */
  readonly lateGrants?: () => number;
  /** Process metrics (CPU, memory, event loop lag); default true. */
  readonly processMetrics?: boolean;
  /** When given, read at each scrape: how far `backfill --all` is (null before any quarter was read). */
  readonly fullIndex?: () => Promise<FullIndexGauges | null>;
}

/** The whole-EDGAR backfill's progress as the metrics expose it (the same figures as `status`). */
export interface FullIndexGauges {
  readonly quarters: number;
  readonly read: number;
  readonly final: number;
  readonly toFetch: number;
  readonly toParse: number;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'edgar_corresp_' });
  const edgarRequests = new Counter({
    name: 'edgar_corresp_edgar_requests_total',
    help: 'EDGAR requests by HTTP status ("error" when no answer came: reset, timeout)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const edgarRequestSeconds = new Histogram({
    name: 'edgar_corresp_edgar_request_seconds',
    help: 'EDGAR request latency per attempt (after the fair-access limiter let it go)',
    labelNames: ['status'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const edgarPauses = new Counter({
    name: 'edgar_corresp_edgar_pauses_total',
    help: 'Rate-limit answers that paused every worker',
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'edgar_corresp_jobs_total',
    help: 'Job runs by queue and outcome (completed, retry, failed, throttled)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'edgar_corresp_job_seconds',
    help: 'Job run time by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 120],
    registers: [registry],
  });
  const lateGrants = options.lateGrants;
  if (lateGrants) {
    new Counter({
      name: 'edgar_corresp_limiter_late_grants_total',
      help: 'Fair-access grants whose request left more than 20 ms after asking (a starved process), counted from when it left',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(lateGrants());
      },
    });
  }
  if (options.fullIndex) registerFullIndexGauges(registry, options.fullIndex);
  const queues = options.queues;
  if (queues) {
    new Gauge({
      name: 'edgar_corresp_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const [name, queue] of Object.entries(queues)) {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
  }
  return {
    registry,
    edgarRequests,
    edgarRequestSeconds,
    edgarPauses,
    jobs,
    jobSeconds,
    observeJob(queue, outcome, seconds) {
      jobs.inc({ queue, outcome });
      jobSeconds.observe({ queue, outcome }, seconds);
    },
  };
}

/**
 * Client hooks that count every HTTP attempt by status ("error" when no answer came: reset, timeout), time it,
 * and count the rate-limit answers that paused every worker.
 */
export function metricsHooks(metrics: Metrics): EdgarClientHooks {
  return {
    onResponse(event) {
      const status = event.status === null ? 'error' : String(event.status);
      metrics.edgarRequests.inc({ status });
      metrics.edgarRequestSeconds.observe({ status }, event.durationMs / 1000);
    },
    onPause() {
      metrics.edgarPauses.inc();
    },
  };
}

/** Gauges of `backfill --all`: quarters read and final, letters left (the figures `status` prints). */
function registerFullIndexGauges(registry: Registry, fullIndex: () => Promise<FullIndexGauges | null>): void {
  new Gauge({
    name: 'edgar_corresp_full_index_quarters',
    help: 'Quarters of the full index (backfill --all): all since 2004 QTR3, read, read final',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const progress = await fullIndex();
      this.set({ state: 'all' }, progress?.quarters ?? 0);
      this.set({ state: 'read' }, progress?.read ?? 0);
      this.set({ state: 'final' }, progress?.final ?? 0);
    },
  });
  new Gauge({
    name: 'edgar_corresp_letters_left',
    help: 'Letters listed and not stored yet: to fetch, or archived to parse',
    labelNames: ['step'] as const,
    registers: [registry],
    async collect() {
      const progress = await fullIndex();
      this.set({ step: 'fetch' }, progress?.toFetch ?? 0);
      this.set({ step: 'parse' }, progress?.toParse ?? 0);
    },
  });
}
