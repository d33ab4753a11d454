/**
 * The fair-access limiter port. Every EDGAR request of every process waits on `acquire()` first, so no
 * sliding second (half-open, counted where the requests arrive) ever holds more than the configured rate.
 * Adapters: an in-process one (memory-limiter.ts) and a Redis one shared by all processes (redis-limiter.ts).
 * A rate-limit answer from EDGAR becomes `pause()`: every caller of `acquire()` everywhere then waits it out.
 */
export interface FairAccessLimiter {
  /** Resolves when the caller may send one request now; waits while paused. Rejects if `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Stops every `acquire()` until `untilMs` (epoch ms); a later deadline extends the pause, an earlier one is ignored. */
  pause(untilMs: number): Promise<void>;
  /** Epoch ms until which requests are paused, or 0 when not paused. */
  pausedUntil(): Promise<number>;
  /** Releases timers and connections the limiter owns. */
  close(): Promise<void>;
}
