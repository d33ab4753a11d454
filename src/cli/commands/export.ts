/** `export [--format jsonl|csv] [--file-number N] [--cik N] [--since D] [--out FILE]`: letters in the export schema. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { normalizeCik, normalizeFileNumber } from '../../identifiers.ts';
import type { LetterFilter } from '../../store/document-store.ts';
import { openPipelineDeps } from '../../app/open-pipeline-deps.ts';
import { parseDateOption, usageError, EXIT, type CliContext, type ExitCode, type OutputStream } from '../context.ts';
import { csvHeader, csvRow } from '../csv.ts';

interface ExportOptions {
  format: string;
  fileNumber?: string;
  cik?: string;
  since?: string;
  out?: string;
}

export function readExportFilter(options: ExportOptions): LetterFilter {
  if (options.format !== 'jsonl' && options.format !== 'csv') {
    throw usageError(`--format ${JSON.stringify(options.format)}: use jsonl or csv`);
  }
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
  return { ...(fileNumber && { fileNumber }), ...(cik && { cik }), ...(since && { since }) };
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

export function registerExport(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('export')
    .description('write stored letters in the export schema: JSONL (one letter per line) or CSV')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--file-number <number>', 'only letters of this file number')
    .option('--cik <cik>', 'only letters of this filer CIK')
    .option('--since <date>', 'only letters filed on or after this date (YYYY-MM-DD)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: ExportOptions) => {
      const ctx = context();
      const filter = readExportFilter(options);
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      let count = 0;
      try {
        await withOutput(options.out, ctx.stdout, async (out) => {
          if (options.format === 'csv') await out.write(csvHeader());
          for await (const letter of deps.store.listLetters(filter)) {
            await out.write(options.format === 'csv' ? csvRow(letter) : `${JSON.stringify(letter)}\n`);
            count += 1;
          }
        });
      } finally {
        await deps.close();
      }
      if (options.out !== undefined) ctx.stderr.write(`export: ${count} letters written to ${options.out}\n`);
      setExit(EXIT.OK);
    });
}
