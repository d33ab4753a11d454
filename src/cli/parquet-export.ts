/**
 * Parquet output of `export --format parquet`, through hyparquet-writer (pure JavaScript: nothing to compile or
 * download, runs wherever Node does). Rows are written as they stream from the store, in row groups of at most
 * ROW_GROUP_ROWS rows or about ROW_GROUP_BYTES of JSON, each flushed to the file before the next is read, so
 * memory stays bounded by one row group whatever the table's size. Types from export-columns.ts: DATE, INT32,
 * DOUBLE, BOOLEAN, UTF8 strings, LIST (3-level) and structs, OPTIONAL exactly where the schema allows null.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { usageError } from './context.ts';
import { epochDay, type ColumnNode } from './export-columns.ts';

/** Largest row group, in rows and in (estimated) bytes: a few tens of MiB of memory at most. */
export const ROW_GROUP_ROWS = 10_000;
export const ROW_GROUP_BYTES = 32 * 1024 * 1024;

const SCALAR_ELEMENTS: Record<string, Omit<SchemaElement, 'name' | 'repetition_type'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  date: { type: 'INT32', converted_type: 'DATE' },
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
};

/** The flattened Parquet schema (root first) of the columns. */
export function parquetSchema(columns: readonly ColumnNode[]): SchemaElement[] {
  const out: SchemaElement[] = [{ name: 'root', num_children: columns.length }];
  for (const column of columns) appendElements(column, out);
  return out;
}

function appendElements(node: ColumnNode, out: SchemaElement[]): void {
  const repetition_type = node.nullable ? 'OPTIONAL' : 'REQUIRED';
  if (node.kind === 'list') {
    out.push({ name: node.name, repetition_type, converted_type: 'LIST', num_children: 1 });
    out.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
    appendElements(node.element, out);
  } else if (node.kind === 'struct') {
    out.push({ name: node.name, repetition_type, num_children: node.fields.length });
    for (const field of node.fields) appendElements(field, out);
  } else {
    out.push({ name: node.name, repetition_type, ...SCALAR_ELEMENTS[node.kind] });
  }
}

/** A value as the writer takes it: dates as epoch days, structs and lists converted inside. */
function toParquetValue(node: ColumnNode, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (node.kind) {
    case 'date':
      return epochDay(String(value));
    case 'list':
      return (value as unknown[]).map((v) => toParquetValue(node.element, v));
    case 'struct': {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(node.fields.map((f) => [f.name, toParquetValue(f, record[f.name])]));
    }
    default:
      return value;
  }
}

/** A hyparquet Writer that hands each row group's bytes to a file stream and waits for it to drain. */
class StreamWriter extends ByteWriter {
  readonly #out: WriteStream;
  constructor(out: WriteStream) {
    super(1 << 20);
    this.#out = out;
  }
  flush(): Promise<void> | undefined {
    if (this.index === 0) return undefined;
    const chunk = Buffer.from(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
    return this.#out.write(chunk) ? undefined : once(this.#out, 'drain').then(() => undefined);
  }
  override finish(): Promise<void> | undefined {
    return this.flush();
  }
}

/** Writes `rows` to a Parquet file at `path`; returns how many rows were written. A file error is a usage error. */
export async function writeParquet(
  path: string,
  columns: readonly ColumnNode[],
  rows: AsyncIterable<unknown>,
): Promise<number> {
  const out = createWriteStream(path);
  let failure = null as Error | null;
  out.on('error', (error) => (failure = error));
  const writer = new StreamWriter(out);
  const parquet = new ParquetWriter({ writer, schema: parquetSchema(columns), createdBy: 'edgar-corresp' });
  let batch: unknown[] = [];
  let bytes = 0;
  let count = 0;
  const writeBatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const columnData = columns.map((c) => ({
      name: c.name,
      data: batch.map((row) => toParquetValue(c, (row as Record<string, unknown>)[c.name])),
    }));
    await parquet.write({ columnData, rowGroupSize: batch.length });
    batch = [];
    bytes = 0;
  };
  for await (const row of rows) {
    if (failure) break;
    batch.push(row);
    count += 1;
    bytes += JSON.stringify(row).length;
    if (batch.length >= ROW_GROUP_ROWS || bytes >= ROW_GROUP_BYTES) await writeBatch();
  }
  await writeBatch();
  await parquet.finish();
  out.end();
  await once(out, 'close').catch(() => undefined);
  if (failure) throw usageError(`--out ${path}: ${failure.message}`);
  return count;
}
