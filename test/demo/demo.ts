/**
 * `npm run demo [-- --keep] [-- --serve]`: the whole pipeline offline, with no setup. Starts the bundled EDGAR replica
 * (test/replica) on a free port of 127.0.0.1 with the demo dataset, points EDGAR_WWW_URL / EDGAR_DATA_URL /
 * EDGAR_EFTS_URL at it, uses a demo User-Agent and a temporary store and archive, then runs the real CLI:
 * `backfill 001-35126`, `thread 001-35126`, `show` of the first response, `search`, `status` and a CSV export.
 * The temporary directory is removed at the end unless --keep is given. `--serve` then serves the viewer and
 * read API over the demo store (`edgar-corresp serve`) until Ctrl-C.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../../src/cli/program.ts';
import { buildDemoDataset } from '../replica/data/index.ts';
import { startReplica } from '../replica/server.ts';

const { values } = parseArgs({
  options: { keep: { type: 'boolean', default: false }, serve: { type: 'boolean', default: false } },
});
const FILE_NUMBER = '001-35126';

const dir = await mkdtemp(join(tmpdir(), 'edgar-corresp-demo-'));
process.stderr.write('demo: building the replica dataset (hand-made letters in EDGAR formats) ...\n');
const replica = await startReplica({ dataset: await buildDemoDataset() });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  EDGAR_USER_AGENT: 'edgar-corresp demo demo@edgar-corresp.example',
  EDGAR_WWW_URL: replica.bases.wwwUrl,
  EDGAR_DATA_URL: replica.bases.dataUrl,
  EDGAR_EFTS_URL: replica.bases.eftsUrl,
  STORE_URL: `sqlite:${join(dir, 'edgar-corresp.sqlite')}`,
  ARCHIVE_DIR: join(dir, 'archive'),
  REDIS_URL: '',
  LOG_LEVEL: 'warn',
};

/** Output of `show`/`export` can be long: the demo shows its first lines. */
function clipped(limit: number) {
  let lines = 0;
  let clippedAt = false;
  return {
    isTTY: false,
    write(chunk: string) {
      for (const line of chunk.split(/(?<=\n)/)) {
        if (lines < limit) process.stdout.write(line);
        else if (!clippedAt) {
          clippedAt = true;
          process.stdout.write('    [... clipped by the demo ...]\n');
        }
        if (line.endsWith('\n')) lines += 1;
      }
      return true;
    },
  };
}

async function run(args: string[], stdoutLimit = Infinity): Promise<number> {
  process.stdout.write(`\n$ edgar-corresp ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`);
  const stdout = stdoutLimit === Infinity ? process.stdout : clipped(stdoutLimit);
  const code = await runCli(args, { stdout, stderr: process.stderr, env });
  if (code !== 0) process.stdout.write(`(exit code ${code})\n`);
  return code;
}

let exitCode = 0;
try {
  process.stdout.write(`demo: EDGAR replica at ${replica.url}; store and archive in ${dir}\n`);
  exitCode = await run(['backfill', FILE_NUMBER]);
  await run(['thread', FILE_NUMBER], 60);
  const firstResponse = await firstLetter(env, 'response');
  if (firstResponse) await run(['show', firstResponse], 45);
  await run(['search', 'revenue recognition'], 12);
  await run(['status']);
  await run(['export', '--format', 'csv', '--file-number', FILE_NUMBER], 8);
  const archives = replica.log.filter((e) => e.path.includes('/Archives/')).length;
  process.stdout.write(
    `\ndemo: the replica saw ${replica.log.length} requests (${archives} to Archives: one complete submission per letter)\n`,
  );
  if (values.serve) {
    process.stdout.write('\ndemo: serving the viewer over the demo store; open the address below, Ctrl-C stops\n');
    await run(['serve', '--port', process.env['PORT'] ?? '8080']);
  } else {
    process.stdout.write(
      '\ndemo: to browse these letters in the web viewer (review side by side, search, plots): npm run demo -- --serve\n',
    );
  }
} finally {
  await replica.close();
  if (values.keep) process.stdout.write(`demo: kept ${dir} (STORE_URL=sqlite:${join(dir, 'edgar-corresp.sqlite')})\n`);
  else await rm(dir, { recursive: true, force: true });
}
process.exitCode = exitCode;

/** The accession of the first stored letter of a kind, read through `export` like a user would. */
async function firstLetter(environment: NodeJS.ProcessEnv, kind: string): Promise<string | null> {
  let found: string | null = null;
  const sink = {
    write(chunk: string) {
      for (const line of chunk.split('\n')) {
        // accessionNumber is the first column, kind the one after "sender" (company/sec).
        const accession = line.split(',')[0];
        if (!found && accession && new RegExp(`,(company|sec),${kind},`).test(line)) found = accession;
      }
      return true;
    },
  };
  await runCli(['export', '--format', 'csv', '--file-number', FILE_NUMBER], {
    stdout: sink,
    stderr: { write: () => true },
    env: environment,
  });
  return found;
}
