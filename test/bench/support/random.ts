/** A seeded pseudo-random source (mulberry32), so a benchmark store is the same letters on every run. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max]. */
  int(min: number, max: number): number;
  /** Log-normal with this median and p90 (rounded, at least `min`). */
  logNormal(median: number, p90: number, min?: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    logNormal: (median, p90, min = 0) =>
      Math.max(min, Math.round(median * Math.exp((Math.log(p90 / median) / 1.2816) * gaussian()))),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
