/**
 * Prometheus metrics (prom-client): EDGAR requests by status and their latency, rate-limit pauses, jobs by
 * queue and outcome and their latency, queue depths (read from Redis at each scrape). One registry per process;
 * the ports are instrumented by decorators, so the client, the limiter and the stages stay unaware of metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EdgarClient, GetOptions } from '../edgar/client.ts';
import type { FairAccessLimiter } from '../edgar/limiter.ts';
import { EdgarRequestError } from '../errors.ts';
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
  /** Process metrics (CPU, memory, event loop lag); default true. */
  readonly processMetrics?: boolean;
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
    help: 'EDGAR request latency, including the wait for the fair-access limiter',
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

function statusOf(error: unknown): string {
  return error instanceof EdgarRequestError && error.status !== null ? String(error.status) : 'error';
}

/** An EdgarClient that counts every request it is asked for, by final status, and times it. */
export function instrumentClient(client: EdgarClient, metrics: Metrics): EdgarClient {
  const timed = async <T>(run: () => Promise<T>, status: (value: T) => string): Promise<T> => {
    const started = performance.now();
    const record = (label: string) => {
      metrics.edgarRequests.inc({ status: label });
      metrics.edgarRequestSeconds.observe({ status: label }, (performance.now() - started) / 1000);
    };
    try {
      const value = await run();
      record(status(value));
      return value;
    } catch (error) {
      record(statusOf(error));
      throw error;
    }
  };
  return {
    get: (url: string, options?: GetOptions) =>
      timed(
        () => client.get(url, options),
        (response) => String(response.status),
      ),
    getJson: (url: string, options?: GetOptions) =>
      timed(
        () => client.getJson(url, options),
        () => '200',
      ),
    getText: (url: string, options?: GetOptions) =>
      timed(
        () => client.getText(url, options),
        () => '200',
      ),
    close: () => client.close(),
  };
}

/** A FairAccessLimiter that counts the pauses asked of it (each one is a rate-limit answer). */
export function instrumentLimiter(limiter: FairAccessLimiter, metrics: Metrics): FairAccessLimiter {
  return {
    acquire: (signal) => limiter.acquire(signal),
    pause: async (untilMs) => {
      metrics.edgarPauses.inc();
      await limiter.pause(untilMs);
    },
    pausedUntil: () => limiter.pausedUntil(),
    close: () => limiter.close(),
  };
}
