/** `thread <file-number>`: the review threads of a file number, letter by letter (src/letter's formatter). */
import type { Command } from 'commander';
import { deriveThread } from '../../analytics/derive.ts';
import type { Letter } from '../../letter/schema.ts';
import type { ReviewThread } from '../../letter/threads.ts';
import { normalizeFileNumber } from '../../identifiers.ts';
import { formatThreads } from '../../letter/thread-format.ts';
import type { Item } from '../../letter/schema.ts';
import { openPipelineDeps } from '../../app/open-pipeline-deps.ts';
import { loadCompanyLetters, threadsOf } from '../../pipeline/thread-stage.ts';
import { EXIT, usageError, type CliContext, type ExitCode } from '../context.ts';
import { terminalSafe } from '../terminal-text.ts';

/** Each staff comment's resolution and the earlier comments it follows up (src/analytics), by `accession#number`. */
function commentRowsOf(
  threads: readonly ReviewThread[],
  byCompany: ReadonlyMap<string, readonly Letter[]>,
): { resolutions: Map<string, string>; followsUp: Map<string, readonly number[]> } {
  const letters = new Map([...byCompany.values()].flat().map((l) => [l.accessionNumber, l]));
  const resolutions = new Map<string, string>();
  const followsUp = new Map<string, readonly number[]>();
  for (const t of threads) {
    const own = t.letters.map((e) => letters.get(e.accessionNumber)).filter((l) => l !== undefined);
    if (own.length === 0) continue;
    const { comments } = deriveThread({ threadId: t.threadId, letters: own, listedFilings: [] });
    for (const c of comments) {
      resolutions.set(`${c.accessionNumber}#${c.number}`, c.resolution);
      followsUp.set(`${c.accessionNumber}#${c.number}`, c.priorComments);
    }
  }
  return { resolutions, followsUp };
}

export function registerThread(program: Command, context: () => CliContext, setExit: (code: ExitCode) => void) {
  program
    .command('thread')
    .description('show the review threads of a file number, letter by letter')
    .argument('<file-number>', 'file number, e.g. 001-35126')
    .option('--no-items', 'do not list each letter’s numbered items')
    .action(async (raw: string, options: { items: boolean }) => {
      const ctx = context();
      const fileNumber = normalizeFileNumber(raw);
      if (fileNumber === null) throw usageError(`${JSON.stringify(raw)} is not a file number, e.g. 001-35126`);
      const deps = await openPipelineDeps(ctx.config(), { logger: ctx.logger(), offline: true });
      try {
        const byCompany = await loadCompanyLetters(deps.store, { fileNumbers: [fileNumber] });
        if (byCompany.size === 0) {
          ctx.stderr.write(
            `thread: no stored letter of file number ${fileNumber} (run: edgar-corresp backfill ${fileNumber})\n`,
          );
          setExit(EXIT.FAILED);
          return;
        }
        const threads = threadsOf(byCompany).filter((t) => t.fileNumbers.includes(fileNumber));
        const items = new Map<string, readonly Item[]>();
        if (options.items)
          for (const letters of byCompany.values()) for (const l of letters) items.set(l.accessionNumber, l.items);
        const rows = options.items ? commentRowsOf(threads, byCompany) : null;
        await ctx.stdout.write(terminalSafe(formatThreads(threads, rows ? { items, ...rows } : {})));
        setExit(EXIT.OK);
      } finally {
        await deps.close();
      }
    });
}
