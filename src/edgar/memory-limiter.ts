/**
 * In-process FairAccessLimiter: the pacing rule of pacing.ts over a FIFO of waiting callers, driven by one
 * timer. For the embedded runner (one process). Several processes share a budget through redis-limiter.ts.
 */
import type { FairAccessLimiter } from './limiter.ts';
import { initialPacingState, pacingRule, tryGrant, type PacingRule, type PacingState } from './pacing.ts';

export interface MemoryLimiterOptions {
  /** Requests per second allowed in any sliding second (EDGAR_MAX_RPS, default 10). */
  readonly maxRps: number;
  /** Sliding log window; default PACING_WINDOW_MS (1040 ms). Only tests change it. */
  readonly windowMs?: number;
  /** Monotonic clock in ms (default performance.now); epoch time for pauses is always Date.now. */
  readonly now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export class MemoryLimiter implements FairAccessLimiter {
  readonly rule: PacingRule;
  private readonly state: PacingState = initialPacingState();
  private readonly queue: Waiter[] = [];
  private readonly now: () => number;
  private pauseUntilMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(options: MemoryLimiterOptions) {
    this.rule = pacingRule(options.maxRps, options.windowMs);
    this.now = options.now ?? (() => performance.now());
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the fair-access limiter is closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(signal.reason);
          this.schedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.schedule();
    });
  }

  async pause(untilMs: number): Promise<void> {
    if (untilMs <= this.pauseUntilMs) return;
    this.pauseUntilMs = untilMs;
    this.reschedule();
  }

  async pausedUntil(): Promise<number> {
    return this.pauseUntilMs > Date.now() ? this.pauseUntilMs : 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const error = new Error('the fair-access limiter was closed while waiting');
    for (const waiter of this.queue.splice(0)) this.settle(waiter, error);
  }

  /** Grants to the head of the queue for as long as the rule allows, then sleeps until the next slot. */
  private drain(): void {
    this.timer = null;
    while (this.queue.length > 0) {
      const pausedFor = this.pauseUntilMs - Date.now();
      if (pausedFor > 0) return this.arm(pausedFor);
      const wait = tryGrant(this.rule, this.state, this.now());
      if (wait > 0) return this.arm(wait);
      this.settle(this.queue.shift()!, null);
    }
  }

  private settle(waiter: Waiter, error: Error | null): void {
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }

  private arm(ms: number): void {
    // Timers have 1 ms granularity and fire late, never early: round up so the rule holds when they fire.
    this.timer = setTimeout(() => this.drain(), Math.max(1, Math.ceil(ms)));
  }

  private schedule(): void {
    if (this.timer === null && !this.closed) this.drain();
  }

  private reschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.closed) this.drain();
  }
}
