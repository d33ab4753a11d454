/**
 * The query parameters of the list routes (DESIGN.md "Filters"), read into each table's filter. A filter
 * that does not apply to the table, an unknown parameter or a malformed value is a 400 naming the parameter
 * and what it accepts: the API never ignores a condition the caller believed it set.
 */
import { normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import { LETTER_FORMS, LETTER_KINDS, TOPICS, type LetterForm, type LetterKind, type Topic } from '../letter/schema.ts';
import { badRequest } from './http-error.ts';
import { CONVERSATION_STATUSES, RESOLUTIONS } from '../analytics/rows.ts';

export const TABLES = ['letters', 'comments', 'conversations', 'search'] as const;
export type Table = (typeof TABLES)[number];

/** Which filters each table takes (search: the letters' filters plus q). */
export const TABLE_FILTERS: Record<Table, readonly string[]> = {
  letters: ['fileNumber', 'cik', 'since', 'until', 'form', 'kind', 'topic', 'authority'],
  comments: ['fileNumber', 'cik', 'since', 'until', 'topic', 'authority', 'status'],
  conversations: ['fileNumber', 'cik', 'since', 'until', 'topic', 'authority', 'status'],
  search: ['q', 'fileNumber', 'cik', 'since', 'until', 'form', 'kind', 'topic', 'authority'],
};

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface ParsedQuery {
  readonly fileNumber?: string;
  readonly cik?: string;
  readonly since?: string;
  readonly until?: string;
  readonly forms?: LetterForm[];
  readonly kinds?: LetterKind[];
  readonly topic?: Topic;
  readonly authority?: string;
  readonly status?: string;
  readonly q?: string;
  readonly limit: number;
  readonly cursor: string | null;
  /** letters: `include=text` adds each letter's full text to its list row. */
  readonly includeText?: boolean;
}

export type RawQuery = Record<string, unknown>;

/** Reads the query of a `table` route; throws a 400 HttpError for anything it does not accept. */
export function parseListQuery(table: Table, query: RawQuery): ParsedQuery {
  const allowed = new Set([...TABLE_FILTERS[table], 'limit', 'cursor', ...(table === 'letters' ? ['include'] : [])]);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.has(name)) {
      const applies = TABLES.filter((t) => TABLE_FILTERS[t].includes(name));
      throw badRequest(
        applies.length > 0
          ? `filter ${name} does not apply to ${table} (it applies to ${applies.join(', ')})`
          : `unknown parameter ${name}: ${table} takes ${[...allowed].join(', ')}`,
      );
    }
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text.trim() !== '') values[name] = text.trim();
  }
  return {
    fileNumber: values['fileNumber'] === undefined ? undefined : fileNumberOf(values['fileNumber']),
    cik: values['cik'] === undefined ? undefined : cikOf(values['cik']),
    since: dateOf('since', values['since']),
    until: dateOf('until', values['until']),
    forms: listOf('form', values['form'], LETTER_FORMS),
    kinds: listOf('kind', values['kind'], LETTER_KINDS),
    topic: values['topic'] === undefined ? undefined : oneOf('topic', values['topic'], TOPICS),
    authority: values['authority'],
    status: statusOf(table, values['status']),
    q: values['q'],
    limit: limitOf(values['limit']),
    cursor: values['cursor'] ?? null,
    includeText: includeOf(values['include']),
  };
}

function includeOf(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'text') throw badRequest(`include ${JSON.stringify(value)} is not known: letters take include=text`);
  return true;
}

function fileNumberOf(value: string): string {
  const fileNumber = normalizeFileNumber(value);
  if (fileNumber === null) throw badRequest(`fileNumber ${JSON.stringify(value)} is not a file number, e.g. 001-35126`);
  return fileNumber;
}

function cikOf(value: string): string {
  const cik = normalizeCik(value);
  if (cik === null) throw badRequest(`cik ${JSON.stringify(value)} is not a CIK, e.g. 1508475`);
  return cik;
}

function dateOf(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badRequest(`${name} ${JSON.stringify(value)} is not a date: use YYYY-MM-DD`);
  }
  return value;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(`${name} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function listOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((part) => oneOf(name, part.trim(), allowed));
}

function statusOf(table: Table, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return oneOf('status', value, table === 'comments' ? RESOLUTIONS : CONVERSATION_STATUSES);
}

function limitOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(`limit ${JSON.stringify(value)} must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}
