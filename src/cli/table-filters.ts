/**
 * The filters of DESIGN.md "Filters", read from CLI options for one table: each is validated (a CIK, a file
 * number, a date, a topic of the taxonomy, a status of that table), and one that does not apply to the table is
 * a usage error (exit 2), as DESIGN.md asks, rather than silently ignored.
 */
import { CONVERSATION_STATUSES, RESOLUTIONS } from '../analytics/rows.ts';
import { normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import { LETTER_FORMS, LETTER_KINDS, TOPICS, type LetterForm, type LetterKind, type Topic } from '../letter/schema.ts';
import type { CommentFilter, ConversationFilter, LetterFilter } from '../store/document-store.ts';
import { parseDateOption, usageError } from './context.ts';

export const TABLES = ['letters', 'comments', 'conversations'] as const;
export type Table = (typeof TABLES)[number];

/** The filter options as commander gives them. */
export interface FilterOptions {
  fileNumber?: string;
  cik?: string;
  since?: string;
  until?: string;
  form?: string;
  kind?: string;
  topic?: string;
  authority?: string;
  status?: string;
}

const FLAGS: Record<keyof FilterOptions, string> = {
  fileNumber: '--file-number',
  cik: '--cik',
  since: '--since',
  until: '--until',
  form: '--form',
  kind: '--kind',
  topic: '--topic',
  authority: '--authority',
  status: '--status',
};

/** Which filters each table takes (DESIGN.md "Filters"). */
const APPLIES: Record<Table, ReadonlyArray<keyof FilterOptions>> = {
  letters: ['fileNumber', 'cik', 'since', 'until', 'form', 'kind', 'topic', 'authority'],
  comments: ['fileNumber', 'cik', 'since', 'until', 'topic', 'authority', 'status'],
  conversations: ['fileNumber', 'cik', 'since', 'until', 'topic', 'authority', 'status'],
};

export function readTable(value: string): Table {
  const table = TABLES.find((t) => t === value);
  if (!table) throw usageError(`--table ${JSON.stringify(value)}: use ${TABLES.join(', ')}`);
  return table;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value.trim());
  if (!found) throw usageError(`${flag} ${JSON.stringify(value)}: use one of ${allowed.join(', ')}`);
  return found;
}

/** A comma-separated list of allowed values ("--form CORRESP,UPLOAD"). */
function listOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  return value.split(',').map((v) => oneOf(flag, v, allowed));
}

function readCommon(options: FilterOptions) {
  let fileNumber: string | undefined;
  if (options.fileNumber !== undefined) {
    fileNumber = normalizeFileNumber(options.fileNumber) ?? undefined;
    if (!fileNumber)
      throw usageError(`--file-number ${JSON.stringify(options.fileNumber)} is not a file number, e.g. 001-35126`);
  }
  let cik: string | undefined;
  if (options.cik !== undefined) {
    cik = normalizeCik(options.cik) ?? undefined;
    if (!cik) throw usageError(`--cik ${JSON.stringify(options.cik)} is not a CIK, e.g. 1508475`);
  }
  const since = parseDateOption('--since', options.since) ?? undefined;
  const until = parseDateOption('--until', options.until) ?? undefined;
  const topic: Topic | undefined = options.topic === undefined ? undefined : oneOf('--topic', options.topic, TOPICS);
  const authority = options.authority?.trim();
  if (authority === '') throw usageError('--authority is empty: give a citation, e.g. --authority "ASC 606"');
  return { fileNumber, cik, since, until, topic, authority };
}

/** Drops the undefined keys (the store's filters are exact optional properties). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Refuses the filters given that `table` does not take. */
function checkApplies(table: Table, options: FilterOptions): void {
  for (const key of Object.keys(FLAGS) as Array<keyof FilterOptions>) {
    if (options[key] !== undefined && !APPLIES[table].includes(key)) {
      throw usageError(
        `${FLAGS[key]} does not apply to ${table}: its filters are ${APPLIES[table].map((k) => FLAGS[k]).join(', ')}`,
      );
    }
  }
}

export function readLetterFilter(options: FilterOptions): LetterFilter {
  checkApplies('letters', options);
  const forms: LetterForm[] | undefined =
    options.form === undefined ? undefined : listOf('--form', options.form, LETTER_FORMS);
  const kinds: LetterKind[] | undefined =
    options.kind === undefined ? undefined : listOf('--kind', options.kind, LETTER_KINDS);
  return defined({ ...readCommon(options), forms, kinds });
}

export function readCommentFilter(options: FilterOptions): CommentFilter {
  checkApplies('comments', options);
  const status = options.status === undefined ? undefined : oneOf('--status', options.status, RESOLUTIONS);
  return defined({ ...readCommon(options), status });
}

export function readConversationFilter(options: FilterOptions): ConversationFilter {
  checkApplies('conversations', options);
  const status = options.status === undefined ? undefined : oneOf('--status', options.status, CONVERSATION_STATUSES);
  return defined({ ...readCommon(options), status });
}
