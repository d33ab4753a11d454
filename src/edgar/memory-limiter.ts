/**
 * In-process FairAccessLimiter: the pacing rule of pacing.ts over a FIFO of waiting callers, driven by one
 * timer. For the embedded runner (one process). Several processes share a budget through redis-limiter.ts.
 *
 * Grants are made only in the limiter's own timer (or immediate) callback, never inside `acquire()`, `pause()`
 * or an abort: a grant is stamped with the time it is made, and a caller proceeds in the microtasks right after
 * that callback, so the stamp is when the caller sends. A grant made synchronously inside `acquire()` would be
 * stamped before the rest of the caller's synchronous work (starting other fetches, a slow step, a process
 * starved of CPU) and used after it: 300 ms of such work let 11 callers proceed within one second. This is the
 * in-process counterpart of the Redis limiter's late grants (LATE_GRANT_MS), without a round trip to be late on.
 * Even so the caller can be held between the grant and the write (the OS gives the CPU to other processes, a
 * connection is opened first): the log therefore records when each request left (`FairAccessGrant.sent()`), and
 * a grant not yet sent counts as leaving at every check (pacing.ts), so no second where requests leave ever
 * holds more than the limit, however late they leave.
 */
import type { FairAccessGrant, FairAccessLimiter } from './limiter.ts';
import { initialPacingState, pacingRule, recordSent, tryGrant, type PacingRule, type PacingState } from './pacing.ts';

export interface MemoryLimiterOptions {
  /** Requests per second allowed in any sliding second (EDGAR_MAX_RPS, default 10). */
  readonly maxRps: number;
  /** Sliding log window; default PACING_WINDOW_MS (1040 ms). Only tests change it. */
  readonly windowMs?: number;
  /** Monotonic clock in ms (default performance.now), for grants and pauses. */
  readonly now?: () => number;
}

interface Waiter {
  resolve: (grant: FairAccessGrant) => void;
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
  /** The pending wake-up that will run `drain`: a timer, or an immediate when a grant may be due now. */
  private wake: { kind: 'timer'; handle: NodeJS.Timeout } | { kind: 'immediate'; handle: NodeJS.Immediate } | null =
    null;
  private closed = false;

  constructor(options: MemoryLimiterOptions) {
    this.rule = pacingRule(options.maxRps, options.windowMs);
    this.now = options.now ?? (() => performance.now());
  }

  acquire(signal?: AbortSignal): Promise<FairAccessGrant> {
    if (this.closed) return Promise.reject(new Error('the fair-access limiter is closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<FairAccessGrant>((resolve, reject) => {
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

  async pause(durationMs: number): Promise<void> {
    const until = this.now() + durationMs;
    if (until <= this.pauseUntilMs) return;
    this.pauseUntilMs = until;
    this.reschedule();
  }

  async pausedUntil(): Promise<number> {
    const left = this.pauseUntilMs - this.now();
    return left > 0 ? Date.now() + left : 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelWake();
    const error = new Error('the fair-access limiter was closed while waiting');
    for (const waiter of this.queue.splice(0)) this.settle(waiter, error);
  }

  /** Grants to the head of the queue for as long as the rule allows, then sleeps until the next slot. */
  private drain(): void {
    this.wake = null;
    while (this.queue.length > 0) {
      const pausedFor = this.pauseUntilMs - this.now();
      if (pausedFor > 0) return this.arm(pausedFor);
      const wait = tryGrant(this.rule, this.state, this.now());
      if (wait > 0) return this.arm(wait);
      this.settle(this.queue.shift()!, null);
    }
  }

  private settle(waiter: Waiter, error: Error | null): void {
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
    if (error) waiter.reject(error);
    else waiter.resolve(this.grant());
  }

  /** The grant just recorded as unsent by tryGrant; its `sent()` logs the departure and wakes the queue. */
  private grant(): FairAccessGrant {
    let done = false;
    return {
      sent: () => {
        if (done) return;
        done = true;
        recordSent(this.rule, this.state, this.now());
        // The wait armed while this grant was unsent may now be shorter (never granted here: see the header).
        if (this.queue.length > 0 && !this.closed) this.reschedule();
      },
    };
  }

  private arm(ms: number): void {
    // Timers have 1 ms granularity and fire late, never early: round up so the rule holds when they fire.
    this.wake = { kind: 'timer', handle: setTimeout(() => this.drain(), Math.max(1, Math.ceil(ms))) };
  }

  /** Drains on the next turn of the event loop, unless a wake-up is already pending. */
  private schedule(): void {
    if (this.wake === null && !this.closed) this.wake = { kind: 'immediate', handle: setImmediate(() => this.drain()) };
  }

  private reschedule(): void {
    this.cancelWake();
    this.schedule();
  }

  private cancelWake(): void {
    if (this.wake?.kind === 'timer') clearTimeout(this.wake.handle);
    if (this.wake?.kind === 'immediate') clearImmediate(this.wake.handle);
    this.wake = null;
  }
}
