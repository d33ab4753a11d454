/** Small statistics of the analytic tables. Pure. */

/** The median of a list (the mean of the two middle values for an even count), or null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Distinct values in first-seen order, blanks dropped. */
export function distinct(values: Iterable<string>): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = v.trim();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}
