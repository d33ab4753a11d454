/**
 * The query parameters of the list routes, read into each table's filter by the shared filter table
 * (query/table-filters.ts, DESIGN.md "Filters"). This module adds the API's own parameters (q, limit, cursor,
 * include) and turns a refused filter, an unknown parameter or a malformed value into a 400 naming the
 * parameter and what it accepts: the API never ignores a condition the caller believed it set.
 */
import {
  FilterError,
  TABLES,
  TABLE_FILTERS,
  isFilterName,
  readTableFilter,
  refuseInapplicable,
  type FilterName,
  type FilterValues,
  type TableFilter,
} from '../query/table-filters.ts';
import { badRequest } from './http-error.ts';

/** The list routes: the tables, and search over the letters. */
export const LIST_ROUTES = [...TABLES, 'search'] as const;
export type ListRoute = (typeof LIST_ROUTES)[number];

/** The table whose filters a route takes (search: the letters'). */
export type TableOf<R extends ListRoute> = R extends 'search' ? 'letters' : R;
const tableOf = <R extends ListRoute>(route: R): TableOf<R> => (route === 'search' ? 'letters' : route) as TableOf<R>;

/** The filter parameters of a route, in the order documented (search: q first). */
export function routeFilters(route: ListRoute): readonly string[] {
  return [...(route === 'search' ? ['q'] : []), ...TABLE_FILTERS[tableOf(route)]];
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface ParsedQuery<R extends ListRoute = ListRoute> {
  /** The store filter of the route's table, as the shared filter table read it. */
  readonly filter: TableFilter[TableOf<R>];
  readonly q?: string;
  readonly limit: number;
  readonly cursor: string | null;
  /** letters: `include=text` adds each letter's full text to its list row. */
  readonly includeText?: boolean;
}

export type RawQuery = Record<string, unknown>;

/** Reads the query of a list route; throws a 400 HttpError for anything it does not accept. */
export function parseListQuery<R extends ListRoute>(route: R, query: RawQuery): ParsedQuery<R> {
  const own = ['limit', 'cursor', ...(route === 'search' ? ['q'] : []), ...(route === 'letters' ? ['include'] : [])];
  const filters: FilterValues = {};
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!own.includes(name) && !isFilterName(name)) {
      throw badRequest(`unknown parameter ${name}: ${route} takes ${[...routeFilters(route), ...own].join(', ')}`);
    }
    const text = (Array.isArray(value) ? value.join(',') : String(value)).trim();
    // An HTML form sends every field: an empty one is no condition (but one that does not apply is refused).
    if (isFilterName(name)) filters[name] = text;
    else if (text !== '') values[name] = text;
  }
  const filter = asBadRequest(() => {
    refuseInapplicable(tableOf(route), Object.keys(filters) as FilterName[]);
    const given = Object.fromEntries(Object.entries(filters).filter(([, text]) => text !== ''));
    return readTableFilter(tableOf(route), given);
  });
  return {
    filter,
    q: values['q'],
    limit: limitOf(values['limit']),
    cursor: values['cursor'] ?? null,
    includeText: includeOf(values['include']),
  };
}

/** A refused filter as a 400 with its message. */
function asBadRequest<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof FilterError ? badRequest(error.message) : error;
  }
}

function includeOf(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'text') throw badRequest(`include ${JSON.stringify(value)} is not known: letters take include=text`);
  return true;
}

function limitOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(`limit ${JSON.stringify(value)} must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}
