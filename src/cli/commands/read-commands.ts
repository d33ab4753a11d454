/** The commands that only read the store: `show`, `search`, `status`. */
import type { Command } from 'commander';
import { openPipelineDeps } from '../../app/open-pipeline-deps.ts';
import { FILING_STATES, type FilingRecord } from '../../filing/filing-record.ts';
import { nextStep } from '../../filing/lifecycle.ts';
import { normalizeAccession } from '../../identifiers.ts';
import { fullIndexProgress } from '../../pipeline/full-index-stage.ts';
import { PARSER_VERSION } from '../../pipeline/parser-version.ts';
import type { DocumentStore } from '../../store/document-store.ts';
import { EXIT, usageError, type CliContext, type ExitCode } from '../context.ts';
import { formatLetter } from '../format-letter.ts';
import { readLetterFilter, type FilterOptions } from '../table-filters.ts';
import { terminalSafe } from '../terminal-text.ts';

export function registerShow(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('show')
    .description('show one stored letter, readable')
    .argument('<accession>', 'accession number, e.g. 0001193125-14-000946')
    .action(async (raw: string) => {
      const ctx = context();
      const accession = normalizeAccession(raw);
      if (accession === null)
        throw usageError(`${JSON.stringify(raw)} is not an accession number, e.g. 0001193125-14-000946`);
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      try {
        const letter = await deps.store.getLetter(accession);
        if (letter === null) {
          const filing = await deps.store.getFiling(accession);
          const why = filing
            ? `its filing is ${filing.state}${filing.failure ? `: ${filing.failure.code} ${filing.failure.reason}` : ''}${filing.note ? ` (${filing.note})` : ''}`
            : 'it was never discovered';
          ctx.stderr.write(terminalSafe(`show: no letter ${accession} in the store; ${why}\n`));
          setExit(EXIT.FAILED);
          return;
        }
        await ctx.stdout.write(formatLetter(letter));
        setExit(EXIT.OK);
      } finally {
        await deps.close();
      }
    });
}

export function registerSearch(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('search')
    .description('full-text search over stored letters: plain words (all must match) and "quoted phrases"')
    .argument('<query...>', 'words and "quoted phrases"')
    .option('--limit <n>', 'most hits shown', '20')
    .option('--file-number <number>', 'only letters of this file number')
    .option('--cik <cik>', 'only letters of this filer CIK')
    .option('--since <date>', 'only letters filed on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only letters filed on or before this date (YYYY-MM-DD)')
    .option('--form <forms>', 'CORRESP, UPLOAD (comma-separated)')
    .option('--kind <kinds>', 'comment, response, ... (comma-separated)')
    .option('--topic <topic>', 'letters with an item of this topic, e.g. revenue')
    .option('--authority <citation>', 'letters with an item citing it or a more precise one, e.g. "ASC 606"')
    .option('--status <status>', 'not a filter of letters (exit 2): use export --table comments|conversations')
    .action(async (words: string[], options: FilterOptions & { limit: string }) => {
      const ctx = context();
      const { limit: rawLimit, ...filters } = options;
      const limit = Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1) throw usageError(`--limit ${rawLimit}: use a whole number >= 1`);
      const filter = readLetterFilter(filters);
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      try {
        const hits = await deps.store.searchLetters(words.join(' '), { limit, filter });
        for (const hit of hits) {
          await ctx.stdout.write(
            terminalSafe(
              `${hit.accessionNumber}  ${hit.form.padEnd(7)}  ${hit.filingDate}  ${hit.companyName}\n    ${hit.snippet.replace(/\s+/g, ' ')}\n`,
            ),
          );
        }
        ctx.stderr.write(`search: ${hits.length} hit${hits.length === 1 ? '' : 's'}\n`);
        setExit(EXIT.OK);
      } finally {
        await deps.close();
      }
    });
}

/** What the next backfill does with a failed filing, as the lifecycle says (a crawl leaves every failure). */
function retryNote(filing: FilingRecord): string {
  const step = nextStep(filing, { scope: null, retryFailed: true, parserVersion: PARSER_VERSION });
  if (step === 'failed-for-good') return 'failed for good: the same bytes would fail again';
  return step === 'fetch' ? 'the next backfill fetches it again' : 'the next backfill parses it again from the archive';
}

/** Filings per state, letters stored, held-back letters and failures, one line each. */
async function storeStatusLines(store: DocumentStore): Promise<string[]> {
  const counts = await store.countFilingsByState();
  const out: string[] = [];
  out.push(`filings: ${FILING_STATES.map((s) => `${s} ${counts[s] ?? 0}`).join(', ')}`);
  out.push(`letters stored: ${await store.countLetters()}`);
  const all = await fullIndexProgress(store);
  if (all !== null) {
    out.push(
      `full index (backfill --all): quarters ${all.read}/${all.quarters} read, ${all.final} final; letters left: ${all.toFetch} to fetch, ${all.toParse} archived to parse`,
    );
  }
  const held = (await store.listFilings({ states: ['fetched'] })).filter((f) => f.hold !== null);
  if (held.length > 0) {
    out.push(`archived, not stored (${held.length}):`);
    for (const f of held) out.push(`  ${f.accessionNumber} ${f.form} ${f.filingDate} ${f.note ?? f.hold!.reason}`);
  }
  const failed = await store.listFilings({ states: ['failed'] });
  if (failed.length > 0) {
    out.push(`failed (${failed.length}):`);
    for (const f of failed) {
      const failure = f.failure;
      out.push(
        `  ${f.accessionNumber} ${f.form} ${f.filingDate} at ${failure?.stage}: ${failure?.code} ${failure?.reason} (${retryNote(f)})`,
      );
    }
  }
  return out;
}

export function registerStatus(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('status')
    .description('filings per state, letters stored, and every failure with its reason')
    .action(async () => {
      const ctx = context();
      const session = await ctx.openRunner({ command: 'status', offline: true });
      try {
        const out = await storeStatusLines(session.deps.store);
        const queues = await session.runner.describeQueues();
        if (queues !== null) out.push(queues);
        await ctx.stdout.write(terminalSafe(`${out.join('\n')}\n`));
        setExit(EXIT.OK);
      } finally {
        await session.close();
      }
    });
}
