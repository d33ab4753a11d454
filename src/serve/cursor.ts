/**
 * Opaque cursors of the read API: the sort key of the last row of a page, as base64url JSON. Opaque so
 * clients pass them back unchanged; validated on the way in, so a forged or truncated cursor is a 400.
 */
import { badRequest } from './http-error.ts';

/** Encodes a row's position (a short list of strings or numbers). */
export function encodeCursor(position: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Decodes a cursor into `arity` strings or numbers; throws a 400 HttpError when it is not one of ours. */
export function decodeCursor(cursor: string, arity: number): Array<string | number> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const valid =
    Array.isArray(value) &&
    value.length === arity &&
    value.every((part) => typeof part === 'string' || typeof part === 'number');
  if (!valid) throw badRequest(`cursor ${JSON.stringify(cursor)} is not one this API gave: pass "next" unchanged`);
  return value as Array<string | number>;
}

/** Rows after a cursor position in an already sorted list, compared on `key`. */
export function pageOf<T>(
  rows: readonly T[],
  key: (row: T) => ReadonlyArray<string | number>,
  arity: number,
  limit: number,
  cursor: string | null,
): { data: T[]; next: string | null } {
  const after = cursor === null ? null : decodeCursor(cursor, arity);
  const start = after === null ? 0 : rows.findIndex((row) => compareKeys(key(row), after) > 0);
  const from = start < 0 ? rows.length : start;
  const data = rows.slice(from, from + limit);
  const more = from + limit < rows.length;
  return { data, next: more && data.length > 0 ? encodeCursor(key(data.at(-1)!)) : null };
}

export function compareKeys(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
