/**
 * The filters of DESIGN.md "Filters", once for both front ends: which filter applies to which table, and how
 * each value is read (a CIK, a file number, a date, a topic of the taxonomy, a status of that table). The CLI
 * (flags) and the read API (query parameters) only name the filters their way and turn a FilterError into
 * their own refusal (exit 2 / HTTP 400): a filter that does not apply is refused, never silently ignored.
 */
import { CONVERSATION_STATUSES, RESOLUTIONS } from '../analytics/rows.ts';
import { normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import { LETTER_FORMS, LETTER_KINDS, TOPICS } from '../letter/schema.ts';
import type { CommentFilter, ConversationFilter, LetterFilter } from '../store/document-store.ts';

export const TABLES = ['letters', 'comments', 'conversations'] as const;
export type Table = (typeof TABLES)[number];

/** Every filter, by its API name (the CLI flag is its kebab-case: fileNumber -> --file-number). */
export const FILTERS = ['fileNumber', 'cik', 'since', 'until', 'form', 'kind', 'topic', 'authority', 'status'] as const;
export type FilterName = (typeof FILTERS)[number];

/** Which filters each table takes (DESIGN.md "Filters"). */
export const TABLE_FILTERS: Readonly<Record<Table, readonly FilterName[]>> = {
  letters: ['fileNumber', 'cik', 'since', 'until', 'form', 'kind', 'topic', 'authority'],
  comments: ['fileNumber', 'cik', 'since', 'until', 'topic', 'authority', 'status'],
  conversations: ['fileNumber', 'cik', 'since', 'until', 'topic', 'authority', 'status'],
};

/** The filters as given, unparsed; an absent key is no condition. */
export type FilterValues = Partial<Record<FilterName, string>>;

/** How a front end spells a filter in its messages (CLI: "--file-number", API: "fileNumber"). */
export type FilterLabel = (name: FilterName) => string;

/** The store filter each table is read into. */
export interface TableFilter {
  letters: LetterFilter;
  comments: CommentFilter;
  conversations: ConversationFilter;
}

/** A filter refused: its message names the filter (as the front end spells it) and the bad value. */
export class FilterError extends Error {
  readonly filter: FilterName;
  constructor(filter: FilterName, message: string) {
    super(message);
    this.name = 'FilterError';
    this.filter = filter;
  }
}

export function isFilterName(name: string): name is FilterName {
  return (FILTERS as readonly string[]).includes(name);
}

/** The tables a filter applies to. */
export function tablesOf(name: FilterName): Table[] {
  return TABLES.filter((table) => TABLE_FILTERS[table].includes(name));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (surrounding space ignored), or null. */
export function isoDate(value: string): string | null {
  const text = value.trim();
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text ? text : null;
}

/** Reads the filters of `table`; throws a FilterError for one that does not apply or a malformed value. */
export function readTableFilter<T extends Table>(
  table: T,
  values: FilterValues,
  label: FilterLabel = (name) => name,
): TableFilter[T] {
  refuseInapplicable(
    table,
    FILTERS.filter((name) => values[name] !== undefined),
    label,
  );
  const read = new FilterReader(values, label);
  const common = {
    fileNumber: read.fileNumber(),
    cik: read.cik(),
    since: read.date('since'),
    until: read.date('until'),
    topic: read.oneOf('topic', TOPICS),
    authority: read.authority(),
  };
  const specific =
    table === 'letters'
      ? { forms: read.listOf('form', LETTER_FORMS), kinds: read.listOf('kind', LETTER_KINDS) }
      : { status: read.oneOf('status', table === 'comments' ? RESOLUTIONS : CONVERSATION_STATUSES) };
  return defined({ ...common, ...specific }) as TableFilter[T];
}

/** Refuses the filters named that `table` does not take, naming those it takes and where the filter applies. */
export function refuseInapplicable(table: Table, names: readonly FilterName[], label: FilterLabel = (n) => n): void {
  for (const name of names) {
    if (TABLE_FILTERS[table].includes(name)) continue;
    const takes = TABLE_FILTERS[table].map(label).join(', ');
    throw new FilterError(
      name,
      `${label(name)} does not apply to ${table}: its filters are ${takes} (${label(name)} applies to ${tablesOf(name).join(', ')})`,
    );
  }
}

/** Reads one value per filter; each refusal names the filter and the value. */
class FilterReader {
  private readonly values: FilterValues;
  private readonly label: FilterLabel;
  constructor(values: FilterValues, label: FilterLabel) {
    this.values = values;
    this.label = label;
  }

  private refuse(name: FilterName, value: string, why: string): FilterError {
    return new FilterError(name, `${this.label(name)} ${JSON.stringify(value)}${why}`);
  }

  fileNumber(): string | undefined {
    const value = this.values.fileNumber;
    if (value === undefined) return undefined;
    const fileNumber = normalizeFileNumber(value);
    if (fileNumber === null) throw this.refuse('fileNumber', value, ' is not a file number, e.g. 001-35126');
    return fileNumber;
  }

  cik(): string | undefined {
    const value = this.values.cik;
    if (value === undefined) return undefined;
    const cik = normalizeCik(value);
    if (cik === null) throw this.refuse('cik', value, ' is not a CIK, e.g. 1508475');
    return cik;
  }

  date(name: 'since' | 'until'): string | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    const date = isoDate(value);
    if (date === null) throw this.refuse(name, value, ' is not a date: use YYYY-MM-DD, e.g. 2014-01-01');
    return date;
  }

  authority(): string | undefined {
    const value = this.values.authority?.trim();
    if (value === '')
      throw new FilterError('authority', `${this.label('authority')} is empty: give a citation, e.g. ASC 606`);
    return value;
  }

  oneOf<T extends string>(name: FilterName, allowed: readonly T[], value = this.values[name]): T | undefined {
    if (value === undefined) return undefined;
    const found = allowed.find((a) => a === value.trim());
    if (found === undefined) throw this.refuse(name, value, `: use one of ${allowed.join(', ')}`);
    return found;
  }

  /** A comma-separated list of allowed values ("CORRESP,UPLOAD"). */
  listOf<T extends string>(name: FilterName, allowed: readonly T[]): T[] | undefined {
    return this.values[name]?.split(',').map((part) => this.oneOf(name, allowed, part)!);
  }
}

/** Drops the undefined keys (the store's filters are exact optional properties). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
