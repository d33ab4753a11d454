/**
 * A pool of parse worker threads behind the LetterBuilder signature. Parsing a letter (pdf.js above all) is
 * synchronous CPU work of tens of milliseconds: on the main thread it delays the sends the fair-access limiter
 * has granted, so requests bunch up where EDGAR counts them (a backfill once broke the 10/s rule that way),
 * and it takes one core only. In workers the event loop stays free for I/O and PARSE_CONCURRENCY letters are
 * parsed at once. Each worker has its own heap limits; a worker that dies (out of memory) fails that filing as
 * bad input and is replaced.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { badInput } from '../submission/bad-input.ts';
import type { Letter } from '../letter/schema.ts';
import type { BuildLetterContext } from './build-letter.ts';
import type { ParseReply, ParseRequest, SerializedError } from './parse-worker.ts';

export interface ParsePoolOptions {
  /** Worker threads; default 1. */
  readonly size?: number;
  /** Per-worker heap limits; default a small young generation (bounded peak memory) and 1 GiB old generation. */
  readonly resourceLimits?: ResourceLimits;
  /**
   * Start a worker beyond the first only when a letter has waited this long for one (ms). Default 0: start up to
   * `size` at once (reparse: CPU-bound). A backfill is paced at 10 requests/s, which one worker outruns: it passes
   * a delay so the others (and their memory) are only spent when letters pile up.
   */
  readonly growAfterMs?: number;
}

const DEFAULT_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

interface Job {
  readonly id: number;
  readonly queuedAt: number;
  readonly raw: Uint8Array;
  readonly context: BuildLetterContext;
  readonly resolve: (letter: Letter) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** Whether the worker has loaded the parsers (until then its first letter waits for start-up, not for work). */
  ready: boolean;
}

/** Rebuilds the error a worker described: bad input keeps its class and reason, the rest becomes an Error. */
function deserialize(error: SerializedError): Error {
  if (error.kind === 'bad-input') return badInput(error.reason, error.accessionNumber, error.detail);
  const rebuilt = new Error(error.code ? `${error.code}: ${error.message}` : error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

export class ParsePool {
  private readonly size: number;
  private readonly limits: ResourceLimits;
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly growAfterMs: number;
  private growTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 1);
    this.limits = options.resourceLimits ?? DEFAULT_LIMITS;
    this.growAfterMs = Math.max(0, options.growAfterMs ?? 0);
  }

  /** Workers started so far (alive). */
  get workers(): number {
    return this.slots.length;
  }

  /** The LetterBuilder to put in ParseDeps.buildLetter. */
  readonly buildLetter = (raw: Uint8Array, context: BuildLetterContext): Promise<Letter> =>
    new Promise<Letter>((resolve, reject) => {
      if (this.closed) return reject(new Error('the parse pool is closed'));
      // Copy into a buffer of its own so it can be transferred, not cloned, to the worker.
      const own = new Uint8Array(raw.byteLength);
      own.set(raw);
      this.waiting.push({ id: this.nextId++, queuedAt: performance.now(), raw: own, context, resolve, reject });
      this.dispatch();
    });

  /** Stops every worker; jobs not finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.growTimer) clearTimeout(this.growTimer);
    for (const job of this.waiting.splice(0)) job.reject(new Error('the parse pool is closed'));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.job?.reject(new Error('the parse pool is closed'));
        slot.job = null;
        return slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) {
        const waited = performance.now() - this.waiting[0]!.queuedAt;
        const warm = this.slots.every((s) => s.ready);
        if (this.slots.length === 0 || (warm && waited >= this.growAfterMs)) slot = this.spawn();
        else if (warm) this.growLater(this.growAfterMs - waited);
      }
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      const request: ParseRequest = { id: job.id, raw: job.raw, context: job.context };
      slot.worker.postMessage(request, [job.raw.buffer as ArrayBuffer]);
    }
  }

  private growLater(delayMs: number): void {
    if (this.growTimer !== null) return;
    this.growTimer = setTimeout(() => {
      this.growTimer = null;
      if (!this.closed) this.dispatch();
    }, delayMs + 1);
    // The jobs' own promises keep the caller waiting; this timer must not keep the process alive by itself.
    this.growTimer.unref();
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { resourceLimits: this.limits });
    const slot: Slot = { worker, job: null, ready: false };
    worker.on('message', (reply: ParseReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        // Letters queued while it started count their wait from now on.
        const now = performance.now();
        for (const [i, job] of this.waiting.entries())
          this.waiting[i] = { ...job, queuedAt: Math.max(job.queuedAt, now) };
        return this.dispatch();
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      if ('error' in reply) job.reject(deserialize(reply.error));
      else job.resolve(reply.letter as Letter);
      this.dispatch();
    });
    const lost = (cause: unknown) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      const job = slot.job;
      slot.job = null;
      if (job) {
        const outOfMemory = cause instanceof Error && 'code' in cause && cause.code === 'ERR_WORKER_OUT_OF_MEMORY';
        job.reject(
          outOfMemory
            ? badInput(
                'oversize',
                job.context.accessionNumber,
                `parsing ran out of memory (worker heap limit ${this.limits.maxOldGenerationSizeMb ?? '-'} MB)`,
              )
            : cause,
        );
      }
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`parse worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
