/**
 * The replica's request log and the arithmetic of fair access over it: arrival times on a monotonic
 * high-resolution clock, the peak number of arrivals in any sliding second (half-open [t, t + 1 s)), and
 * EDGAR's block that starts when a second holds too many requests and lengthens while requests keep coming.
 */

export interface ReplicaLogEntry {
  /** Arrival, ms on performance.now() of the replica process (monotonic, sub-millisecond). */
  readonly at: number;
  readonly method: string;
  /** Path and query as requested. */
  readonly path: string;
  /** HTTP status sent; 0 when the connection was reset instead. */
  status: number;
  readonly userAgent: string;
  /** Body bytes sent (after compression). */
  bytes: number;
  /** The fault injected into this request, if any. */
  fault: string | null;
  /** The refusal page sent instead of the resource, if any. */
  refusal: 'rate-limited' | 'undeclared-tool' | null;
}

export interface ReplicaStats {
  readonly requests: number;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Most arrivals in any half-open window [t, t + 1000 ms). */
  readonly peakInAnySecond: number;
  /** 403/429 answers carrying the rate-limit page. */
  readonly throttled: number;
  /** 403 answers carrying the undeclared-tool page. */
  readonly undeclared: number;
  /** Arrivals per second between the first and the last arrival (0 with fewer than two). */
  readonly requestsPerSecond: number;
  readonly firstAt: number | null;
  readonly lastAt: number | null;
}

/** Most of the sorted times that fit in any half-open window [t, t + windowMs). */
export function peakInWindow(times: readonly number[], windowMs = 1000): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

export interface BlockRule {
  /** Requests allowed in any sliding second; null disables the rule. */
  readonly maxRps: number | null;
  /** Length of a block, renewed by every request made during it. */
  readonly blockMs: number;
}

/** EDGAR's per-second rule: counts every arrival, blocks past the limit, extends the block while hit. */
export class RateGuard {
  private readonly recent: number[] = [];
  private blockedUntil = 0;
  private readonly rule: BlockRule;

  constructor(rule: BlockRule) {
    this.rule = rule;
  }

  /** Records an arrival at `now` (monotonic ms); true when it must be refused with the rate-limit page. */
  arrive(now: number): boolean {
    if (this.rule.maxRps === null) return false;
    this.recent.push(now);
    while (this.recent.length > 0 && now - this.recent[0]! >= 1000) this.recent.shift();
    if (now < this.blockedUntil) {
      this.blockedUntil = now + this.rule.blockMs;
      return true;
    }
    if (this.recent.length > this.rule.maxRps) {
      this.blockedUntil = now + this.rule.blockMs;
      return true;
    }
    return false;
  }

  /** Remaining block in ms at `now` (0 when not blocked). */
  remaining(now: number): number {
    return Math.max(0, this.blockedUntil - now);
  }

  reset(): void {
    this.recent.length = 0;
    this.blockedUntil = 0;
  }
}

export function summarize(log: readonly ReplicaLogEntry[]): ReplicaStats {
  const byStatus: Record<string, number> = {};
  let throttled = 0;
  let undeclared = 0;
  for (const entry of log) {
    byStatus[entry.status] = (byStatus[entry.status] ?? 0) + 1;
    if (entry.refusal === 'rate-limited') throttled++;
    if (entry.refusal === 'undeclared-tool') undeclared++;
  }
  const times = log.map((entry) => entry.at);
  const firstAt = times.length > 0 ? times[0]! : null;
  const lastAt = times.length > 0 ? times[times.length - 1]! : null;
  const span = firstAt !== null && lastAt !== null ? (lastAt - firstAt) / 1000 : 0;
  return {
    requests: log.length,
    byStatus,
    peakInAnySecond: peakInWindow(times),
    throttled,
    undeclared,
    requestsPerSecond: span > 0 ? (log.length - 1) / span : 0,
    firstAt,
    lastAt,
  };
}
