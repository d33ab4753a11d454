/**
 * The typed columns of an exported table, read from its zod schema (the contract), so a field added to a row
 * is exported without another list to keep in step: ISO date strings become dates, integers INT32, lists LIST,
 * objects structs; a field is nullable exactly when the schema allows null. Parquet takes the tree as it is;
 * CSV flattens it (structs as dotted columns, lists of scalars joined by ";", lists of objects as JSON).
 */
import { z } from 'zod';

export type ScalarKind = 'string' | 'date' | 'int' | 'double' | 'boolean';

export type ColumnNode =
  | { readonly name: string; readonly kind: ScalarKind; readonly nullable: boolean }
  | { readonly name: string; readonly kind: 'list'; readonly nullable: boolean; readonly element: ColumnNode }
  | {
      readonly name: string;
      readonly kind: 'struct';
      readonly nullable: boolean;
      readonly fields: readonly ColumnNode[];
    };

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly anyOf?: readonly JsonSchema[];
  readonly pattern?: string;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
}

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The top-level columns of an object schema, in its key order. */
export function columnsOf(schema: z.ZodType): ColumnNode[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, field]) => toNode(name, field));
}

function toNode(name: string, schema: JsonSchema): ColumnNode {
  let nullable = false;
  let s = schema;
  if (s.anyOf) {
    const others = s.anyOf.filter((alt) => alt.type !== 'null');
    nullable = others.length < s.anyOf.length;
    s = others[0] ?? {};
  }
  let type = s.type;
  if (Array.isArray(type)) {
    nullable ||= type.includes('null');
    type = type.find((t) => t !== 'null');
  }
  switch (type) {
    case 'array':
      return { name, kind: 'list', nullable, element: toNode('element', s.items ?? {}) };
    case 'object':
      return {
        name,
        kind: 'struct',
        nullable,
        fields: Object.entries(s.properties ?? {}).map(([n, f]) => toNode(n, f)),
      };
    case 'integer':
      return { name, kind: 'int', nullable };
    case 'number':
      return { name, kind: 'double', nullable };
    case 'boolean':
      return { name, kind: 'boolean', nullable };
    default:
      return { name, kind: s.pattern === ISO_DATE_PATTERN ? 'date' : 'string', nullable };
  }
}

/** Days since 1970-01-01 of an ISO date (Parquet DATE). */
export function epochDay(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000,
  );
}

/** A CSV header: structs flattened to dotted names ("response.letterDate"). */
export function csvColumnNames(columns: readonly ColumnNode[], prefix = ''): string[] {
  return columns.flatMap((c) =>
    c.kind === 'struct' ? csvColumnNames(c.fields, `${prefix}${c.name}.`) : [`${prefix}${c.name}`],
  );
}

/** One row's CSV values in csvColumnNames' order: a missing struct gives empty cells. */
export function csvValues(columns: readonly ColumnNode[], row: unknown): Array<string | number | null> {
  const record = (row ?? {}) as Record<string, unknown>;
  return columns.flatMap((c): Array<string | number | null> => {
    const value = record[c.name];
    if (c.kind === 'struct') return csvValues(c.fields, value);
    if (value === null || value === undefined) return [null];
    if (c.kind === 'list') {
      const items = value as unknown[];
      return [c.element.kind === 'struct' || c.element.kind === 'list' ? JSON.stringify(items) : items.join(';')];
    }
    if (typeof value === 'number') return [value];
    return [String(value)];
  });
}
