/**
 * The fair-access limiter port. Every EDGAR request of every process waits on `acquire()` first, so no
 * sliding second (half-open, counted where the requests arrive) ever holds more than the configured rate.
 * Adapters: an in-process one (memory-limiter.ts) and a Redis one shared by all processes (redis-limiter.ts).
 * A rate-limit answer from EDGAR becomes `pause()`: every caller of `acquire()` everywhere then waits it out.
 */
export interface FairAccessLimiter {
  /** Resolves when the caller may send one request now; waits while paused. Rejects if `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
  /**
   * Stops every `acquire()` for `durationMs` from now, now read on the limiter's own clock (Redis's for the
   * shared one): a duration, never a deadline, so a worker whose clock is off cannot shorten or stretch the
   * pause. A pause ending later than the current one extends it; one ending earlier is ignored.
   */
  pause(durationMs: number): Promise<void>;
  /** Epoch ms on this process's clock (Date.now) until which requests are paused, or 0 when not paused. */
  pausedUntil(): Promise<number>;
  /** Releases timers and connections the limiter owns. */
  close(): Promise<void>;
}
