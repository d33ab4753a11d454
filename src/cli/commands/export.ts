/**
 * `export [--table letters|comments|conversations] [--format jsonl|csv|parquet] [filters] [--out FILE]`: a table
 * in the export schema (DESIGN.md), streamed from the store page by page. JSONL: one row per line. CSV: letters
 * with DESIGN.md's columns; comments and conversations with every field, structs as dotted columns. Parquet
 * (needs --out): typed columns, written in bounded row groups (parquet-export.ts).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { CommentRowSchema, ConversationRowSchema } from '../../analytics/rows.ts';
import { openPipelineDeps } from '../../app/open-pipeline-deps.ts';
import { LetterSchema } from '../../letter/schema.ts';
import type { DocumentStore, LetterFilter } from '../../store/document-store.ts';
import { EXIT, usageError, type CliContext, type ExitCode, type OutputStream } from '../context.ts';
import { csvHeader, csvLine, csvRow } from '../csv.ts';
import { columnsOf, csvColumnNames, csvValues, type ColumnNode } from '../export-columns.ts';
import { writeParquet } from '../parquet-export.ts';
import {
  readCommentFilter,
  readConversationFilter,
  readLetterFilter,
  readTable,
  type FilterOptions,
  type Table,
} from '../table-filters.ts';

const FORMATS = ['jsonl', 'csv', 'parquet'] as const;
type Format = (typeof FORMATS)[number];

interface ExportOptions extends FilterOptions {
  table?: string;
  format: string;
  out?: string;
}

function readFormat(value: string): Format {
  const format = FORMATS.find((f) => f === value);
  if (!format) throw usageError(`--format ${JSON.stringify(value)}: use jsonl, csv or parquet`);
  return format;
}

/** The letters filter of `export` (the default table). */
export function readExportFilter(options: ExportOptions): LetterFilter {
  readFormat(options.format);
  return readLetterFilter(options);
}

/** What one table exports: its rows (filtered, streamed), its typed columns, its CSV header and lines. */
interface TableExport {
  readonly rows: AsyncIterable<unknown>;
  readonly columns: ColumnNode[];
  readonly csvHeader: string;
  readonly csvLine: (row: unknown) => string;
}

/** Validates the table's filters before anything is opened: a usage error leaves no file behind. */
function planExport(table: Table, options: ExportOptions): (store: DocumentStore) => TableExport {
  const generic = (columns: ColumnNode[], rows: (store: DocumentStore) => AsyncIterable<unknown>) => {
    return (store: DocumentStore): TableExport => ({
      rows: rows(store),
      columns,
      csvHeader: csvLine(csvColumnNames(columns)),
      csvLine: (row) => csvLine(csvValues(columns, row)),
    });
  };
  if (table === 'comments') {
    const filter = readCommentFilter(options);
    return generic(columnsOf(CommentRowSchema), (store) => store.streamComments(filter));
  }
  if (table === 'conversations') {
    const filter = readConversationFilter(options);
    return generic(columnsOf(ConversationRowSchema), (store) => store.streamConversations(filter));
  }
  const filter = readLetterFilter(options);
  return (store) => ({
    rows: store.listLetters(filter),
    columns: columnsOf(LetterSchema),
    csvHeader: csvHeader(),
    csvLine: (row) => csvRow(row as Parameters<typeof csvRow>[0]),
  });
}

/** A file stream that reports write errors (a full disk) at the end instead of crashing the process. */
async function withOutput(path: string | undefined, stdout: OutputStream, body: (out: OutputStream) => Promise<void>) {
  if (path === undefined) return body(stdout);
  const file = createWriteStream(path);
  let failure: Error | null = null;
  file.on('error', (error) => (failure = error));
  await body({
    write: (chunk: string) => {
      if (!file.write(chunk)) return once(file, 'drain');
      return true;
    },
  });
  file.end();
  await once(file, 'close').catch(() => undefined);
  if (failure) throw usageError(`--out ${path}: ${(failure as Error).message}`);
}

async function writeText(format: 'jsonl' | 'csv', plan: TableExport, out: OutputStream): Promise<number> {
  let count = 0;
  if (format === 'csv') await out.write(plan.csvHeader);
  for await (const row of plan.rows) {
    await out.write(format === 'csv' ? plan.csvLine(row) : `${JSON.stringify(row)}\n`);
    count += 1;
  }
  return count;
}

export function registerExport(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('export')
    .description('write a stored table (letters, comments, conversations) as JSONL, CSV or Parquet')
    .option('--table <table>', 'letters, comments or conversations', 'letters')
    .option('--format <format>', 'jsonl, csv or parquet (parquet needs --out)', 'jsonl')
    .option('--file-number <number>', 'letters of this file number; comments and conversations of its reviews')
    .option('--cik <cik>', 'of this company (CIK)')
    .option('--since <date>', 'on or after this date: filingDate, comment letterDate, review firstLetterDate')
    .option('--until <date>', 'on or before this date (same dates as --since)')
    .option('--form <forms>', 'letters only: CORRESP, UPLOAD (comma-separated)')
    .option('--kind <kinds>', 'letters only: comment, response, ... (comma-separated)')
    .option('--topic <topic>', 'a topic of the taxonomy: of any item, the comment, any comment')
    .option('--authority <citation>', 'a cited authority or a more precise one, e.g. "ASC 606"')
    .option('--status <status>', 'comments: addressed|followed_up|reissued|open; conversations: complete|answered|open')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: ExportOptions) => {
      const ctx = context();
      const table = readTable(options.table ?? 'letters');
      const format = readFormat(options.format);
      const plan = planExport(table, options);
      if (format === 'parquet' && options.out === undefined) {
        throw usageError('--format parquet writes a file: add --out FILE, e.g. --out comments.parquet');
      }
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      let count = 0;
      try {
        const source = plan(deps.store);
        if (format === 'parquet') count = await writeParquet(options.out!, source.columns, source.rows);
        else
          await withOutput(options.out, ctx.stdout, async (out) => void (count = await writeText(format, source, out)));
      } finally {
        await deps.close();
      }
      if (options.out !== undefined) ctx.stderr.write(`export: ${count} ${table} written to ${options.out}\n`);
      setExit(EXIT.OK);
    });
}
