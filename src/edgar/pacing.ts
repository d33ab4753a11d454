/**
 * The fair-access pacing rule, shared by the in-process limiter and (as a Lua transcription) the Redis one.
 *
 * EDGAR counts requests where they arrive, in any sliding second. Two rules, both on grant times:
 * 1. a sliding log: fewer than `maxRps` grants in the last `windowMs` (a little more than 1 s) — the hard bound;
 * 2. an even grid (GCRA): grant k no earlier than k × interval − tolerance — spreads grants instead of letting
 *    `maxRps` of them out back to back after an idle spell.
 * The log holds the times requests left, not the times they were granted: a grant counts as leaving now until
 * its caller says it has left (`recordSent`), since a process starved of CPU or a new connection can hold a
 * request between the two, and a request counted from its grant would then bunch with later ones.
 * Pure functions over explicit state: no clock, no timers.
 */

/**
 * The sliding log covers 1040 ms, not 1000 ms. Arrival times at EDGAR are grant times plus a network and
 * event-loop delay that varies from request to request; eleven arrivals fit in one second only if that delay
 * varies by more than `windowMs` − 1000 ms = 40 ms between the first and the last. The price is throughput:
 * at most maxRps / 1.04 s, i.e. 9.6 requests/s at the limit of 10, above the 95 % (9.5/s) we must reach.
 */
export const PACING_WINDOW_MS = 1040;

/**
 * A grant may come this share of an interval before its slot on the even grid. Timers fire late by a
 * millisecond or more; without this tolerance each late grant would push every later one back and the rate
 * would sag below the limit. A quarter of an interval (26 ms at 10/s) absorbs ordinary lateness while keeping
 * the spacing visibly even; the sliding log still bounds every window.
 */
export const PACING_TOLERANCE_SHARE = 0.25;

export interface PacingRule {
  /** Most grants in any `windowMs`. */
  readonly maxRps: number;
  readonly windowMs: number;
  /** Spacing of the even grid: windowMs / maxRps. */
  readonly intervalMs: number;
  /** How early a grant may come before its grid slot. */
  readonly toleranceMs: number;
}

export function pacingRule(maxRps: number, windowMs: number = PACING_WINDOW_MS): PacingRule {
  if (!(maxRps > 0) || !Number.isFinite(maxRps)) throw new RangeError(`maxRps must be above 0, got ${maxRps}`);
  const intervalMs = windowMs / maxRps;
  return { maxRps, windowMs, intervalMs, toleranceMs: intervalMs * PACING_TOLERANCE_SHARE };
}

/** Mutable state of one pacer: recent departures (ascending, monotonic ms), grants not yet sent, the grid's next slot. */
export interface PacingState {
  grants: number[];
  /** Grants whose request has not left yet: each counts as leaving at the time of every check. */
  unsent: number;
  /** Theoretical arrival time of the next grant on the even grid (GCRA's TAT); 0 when idle. */
  nextSlot: number;
}

export function initialPacingState(): PacingState {
  return { grants: [], unsent: 0, nextSlot: 0 };
}

/**
 * Whether a request may be granted at `now`: 0 means yes (and the grant is recorded in `state` as unsent, until
 * `recordSent`), otherwise the number of milliseconds to wait before asking again. While the wait is due to
 * unsent grants it is a whole window: `recordSent` is what shortens it.
 */
export function tryGrant(rule: PacingRule, state: PacingState, now: number): number {
  // The log only needs the grants still inside the window ending now.
  const horizon = now - rule.windowMs;
  let drop = 0;
  while (drop < state.grants.length && state.grants[drop]! <= horizon) drop++;
  if (drop > 0) state.grants.splice(0, drop);

  // The log holds at most maxRps entries, so the oldest retained grant (maxRps back) is the one to outlast.
  const capacity = Math.max(1, Math.floor(rule.maxRps));
  // Unsent grants sit at the end of the log, at `now`.
  let waitLog = 0;
  const logged = state.grants.length + state.unsent;
  if (logged >= capacity) {
    const index = logged - capacity;
    const oldest = index < state.grants.length ? state.grants[index]! : now;
    waitLog = oldest + rule.windowMs - now;
  }
  const waitGrid = state.nextSlot - rule.toleranceMs - now;
  const wait = Math.max(waitLog, waitGrid);
  if (wait > 0) return wait;

  state.unsent++;
  state.nextSlot = Math.max(state.nextSlot, now) + rule.intervalMs;
  return 0;
}

/** One granted request left at `at` (or will not be sent): it enters the log at that time. */
export function recordSent(rule: PacingRule, state: PacingState, at: number): void {
  if (state.unsent > 0) state.unsent--;
  // Requests may leave in another order than granted: keep the log ascending.
  let index = state.grants.length;
  while (index > 0 && state.grants[index - 1]! > at) index--;
  state.grants.splice(index, 0, at);
  const capacity = Math.max(1, Math.floor(rule.maxRps));
  if (state.grants.length > capacity) state.grants.splice(0, state.grants.length - capacity);
}
