/**
 * The scope of a run: which letters it stores. null = every letter (CIK and ticker backfills, crawling);
 * file numbers = a file-number backfill, which stores the letters attributed to one of them and holds the rest.
 */
import { normalizeFileNumber, type Target } from '../identifiers.ts';

export type Scope = { readonly fileNumbers: readonly string[] } | null;

/** The scope of one backfill target. */
export function scopeOf(target: Target): Scope {
  return target.kind === 'file-number' ? { fileNumbers: [target.value] } : null;
}

/** The scope that stores what either stores: null (everything) wins, file numbers add up. */
export function widenScope(current: Scope, added: Scope): Scope {
  if (current === null || added === null) return null;
  const numbers = [...current.fileNumbers];
  for (const n of added.fileNumbers) if (!numbers.includes(n)) numbers.push(n);
  return { fileNumbers: numbers };
}

/** Whether a letter with these numbers belongs to a backfill of `fileNumber` (EDGAR spelling or not). */
export function isAttributedTo(fileNumbers: readonly string[], fileNumber: string): boolean {
  const wanted = normalizeFileNumber(fileNumber);
  return wanted !== null && fileNumbers.some((n) => normalizeFileNumber(n) === wanted);
}

/** Whether a run of `scope` stores a letter that names `fileNumbers`. */
export function scopeStores(scope: Scope, fileNumbers: readonly string[]): boolean {
  return scope === null || scope.fileNumbers.some((n) => isAttributedTo(fileNumbers, n));
}
