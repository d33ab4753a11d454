/**
 * The fair-access limiter port. Every EDGAR request of every process waits on `acquire()` first, so no
 * sliding second (half-open, counted where the requests arrive) ever holds more than the configured rate.
 * Adapters: an in-process one (memory-limiter.ts) and a Redis one shared by all processes (redis-limiter.ts).
 * A rate-limit answer from EDGAR becomes `pause()`: every caller of `acquire()` everywhere then waits it out.
 */
export interface FairAccessLimiter {
  /**
   * Resolves when the caller may send one request now; waits while paused. Rejects if `signal` aborts. The
   * caller must call the grant's `sent()` once the request has left.
   */
  acquire(signal?: AbortSignal): Promise<FairAccessGrant>;
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

/**
 * One granted request. A grant is not a departure: between the two a process starved of CPU can be held off
 * the processor, or a new connection be opened, for tens or hundreds of milliseconds, and a request counted
 * from its grant would then leave bunched with the requests granted after it (measured: 11 in one second at
 * EDGAR with four CPU burners beside the tests). So the limiter counts each request from `sent()`.
 */
export interface FairAccessGrant {
  /**
   * The request has just been written to its connection, or will not be sent at all (failed to connect,
   * aborted): call it in either case. Until then the in-process limiter counts the grant as leaving now. Only
   * the first call counts.
   */
  sent(): void;
  /**
   * Whether the request may still be written on this grant, asked right before it is. False once the limiter
   * may have stopped counting the grant as leaving now (the Redis one holds an unsent grant for a few seconds
   * only, then counts it as gone): a request written after that would leave uncounted, so the caller gives
   * the grant back (`sent()`) and asks for a new one. Absent: usable for as long as it is held.
   */
  usable?(): boolean;
}
