/**
 * The filter flags of `export` and `search`, read by the shared filter table (query/table-filters.ts): this
 * module only spells each filter as its flag and turns a refused filter into a usage error (exit 2).
 */
import {
  FilterError,
  TABLES,
  readTableFilter,
  type FilterName,
  type FilterValues,
  type Table,
  type TableFilter,
} from '../query/table-filters.ts';
import type { CommentFilter, ConversationFilter, LetterFilter } from '../store/document-store.ts';
import { usageError } from './context.ts';

export { TABLES, type Table };

/** The filter options as commander gives them (camelCase of the flag: --file-number -> fileNumber). */
export type FilterOptions = FilterValues;

/** A filter's flag: fileNumber -> --file-number. */
export const flagOf = (name: FilterName): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function readTable(value: string): Table {
  const table = TABLES.find((t) => t === value);
  if (!table) throw usageError(`--table ${JSON.stringify(value)}: use ${TABLES.join(', ')}`);
  return table;
}

/** The filters of `table` from the options (other options are not filters and are left alone); a refusal is exit 2. */
export function readFilterOptions<T extends Table>(table: T, options: FilterOptions): TableFilter[T] {
  try {
    return readTableFilter(table, options, flagOf);
  } catch (error) {
    throw error instanceof FilterError ? usageError(error.message) : error;
  }
}

export const readLetterFilter = (options: FilterOptions): LetterFilter => readFilterOptions('letters', options);
export const readCommentFilter = (options: FilterOptions): CommentFilter => readFilterOptions('comments', options);
export const readConversationFilter = (options: FilterOptions): ConversationFilter =>
  readFilterOptions('conversations', options);
