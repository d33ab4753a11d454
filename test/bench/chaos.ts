/**
 * Chaos benchmark on the EDGAR replica: `npm run bench:chaos`.
 * A backfill of the replica's 600-letter company (CIK 1800042) plus four hostile letters (a gzip bomb, a
 * deflate bomb, a dripping body, a letter of ReDoS patterns: _chaos-dataset.ts), with 5% 503s, 2% connection
 * resets and 1% truncated bodies on every request, the CLI killed with SIGKILL at a random moment, then run
 * again to the end. The same backfill without faults, in a fresh store, is the reference. Each run is the real
 * CLI in a process of its own; its peak RSS is read from /proc (VmHWM) while it runs, so a killed run has one.
 * Short deadlines via env so it takes minutes: EDGAR_RESPONSE_TIMEOUT_MS and PARSE_TIMEOUT_MS (default 5000
 * each here; set them to override). CHAOS_SEED fixes the kill moment. Prints a table and one JSON line; exits 1
 * when a target is missed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnReplica, type ChildReplica } from '../replica/spawn.ts';
import type { ReplicaLogEntry } from '../replica/traffic.ts';
import { BENCH_GENERATED_CIK, dataset, HOSTILE } from './_chaos-dataset.ts';

const here = new URL('.', import.meta.url).pathname;
const cliPath = join(here, '..', '..', 'src', 'cli', 'main.ts');
const RESPONSE_TIMEOUT_MS = Number(process.env.EDGAR_RESPONSE_TIMEOUT_MS ?? 5000);
const PARSE_TIMEOUT_MS = Number(process.env.PARSE_TIMEOUT_MS ?? 5000);
/** The client's attempts per request (src/edgar/client.ts DEFAULT_RETRY): the drip is waited out this often. */
const ATTEMPTS = 4;
const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface Run {
  readonly label: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly ms: number;
  readonly peakRssKb: number;
  readonly stderr: string;
  readonly log: ReplicaLogEntry[];
  readonly hung: boolean;
}

/** mulberry32, for a kill moment that CHAOS_SEED reproduces. */
function prng(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function envFor(replica: ChildReplica, dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    EDGAR_USER_AGENT: 'edgar-corresp bench bench@edgar-corresp.example',
    EDGAR_WWW_URL: replica.bases.wwwUrl,
    EDGAR_DATA_URL: replica.bases.dataUrl,
    EDGAR_EFTS_URL: replica.bases.eftsUrl,
    STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`,
    ARCHIVE_DIR: join(dir, 'archive'),
    REDIS_URL: '',
    LOG_LEVEL: 'error',
    EDGAR_BLOCK_COOLDOWN: '5',
    EDGAR_RESPONSE_TIMEOUT_MS: String(RESPONSE_TIMEOUT_MS),
    PARSE_TIMEOUT_MS: String(PARSE_TIMEOUT_MS),
  };
}

/** Peak resident set of a live process so far (kB), 0 once it is gone. */
function vmHwmKb(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** One CLI run: killed with SIGKILL after `killAfterMs` when given, and after `hangMs` in any case (a hang). */
async function runCli(
  replica: ChildReplica,
  dir: string,
  label: string,
  args: string[],
  options: { killAfterMs?: number; hangMs: number },
): Promise<Run> {
  const from = (await replica.log()).length;
  const started = performance.now();
  const child = spawn(process.execPath, [cliPath, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: envFor(replica, dir),
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRssKb = 0;
  const sampler = setInterval(() => (peakRssKb = Math.max(peakRssKb, vmHwmKb(child.pid!))), 100);
  let hung = false;
  const killer =
    options.killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  const hang = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, options.hangMs);
  const [exitCode, signal] = (await once(child, 'exit')) as [number | null, string | null];
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (killer) clearTimeout(killer);
  clearTimeout(hang);
  const log = await replica.log(from);
  return { label, exitCode, signal, ms, peakRssKb, stderr, log, hung };
}

async function exportedAccessions(replica: ChildReplica, dir: string): Promise<string[]> {
  const out = join(dir, 'export.jsonl');
  const args = ['export', '--cik', BENCH_GENERATED_CIK, '--format', 'jsonl', '--out', out];
  const run = await runCli(replica, dir, 'export', args, { hangMs: 300_000 });
  if (run.exitCode !== 0) throw new Error(`export failed (${run.exitCode}): ${run.stderr.slice(-2000)}`);
  const lines = (await readFile(out, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => (JSON.parse(line) as { accessionNumber: string }).accessionNumber);
}

/** The failure lines of a run's summary: failed filings and failed targets. */
function failureLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => / at (discover|fetch|parse): /.test(line) || /^ {2}target \S+ FAILED /.test(line))
    .map((line) => line.trim());
}

const archivesOf = (log: readonly ReplicaLogEntry[]) => log.filter((e) => e.path.includes('/Archives/'));
const asked = (log: readonly ReplicaLogEntry[], accession: string) =>
  archivesOf(log).filter((e) => e.path.endsWith(`/${accession}.txt`)).length;

async function injectChaos(replica: ChildReplica): Promise<void> {
  const txt = (accession: string) => `/${accession}.txt`;
  await replica.injectFault({ path: txt(HOSTILE.gzipBomb), kind: 'gzip-bomb', count: Infinity });
  await replica.injectFault({ path: txt(HOSTILE.deflateBomb), kind: 'deflate-bomb', count: Infinity });
  await replica.injectFault({ path: txt(HOSTILE.drip), kind: 'drip-body', delayMs: 100, count: Infinity });
  // Rates of the requests the faults before spared: 5%, 2% and 1% of all requests.
  await replica.injectFault({ path: '/', kind: '503', rate: 0.05, count: Infinity });
  await replica.injectFault({ path: '/', kind: 'reset', rate: 0.02 / 0.95, count: Infinity });
  await replica.injectFault({ path: '/', kind: 'truncated-body', rate: 0.01 / 0.93, count: Infinity });
}

async function expectedLetters(): Promise<string[]> {
  const company = (await dataset()).companies.find((c) => c.cik === BENCH_GENERATED_CIK)!;
  return company.filings.filter((f) => f.form === 'CORRESP' || f.form === 'UPLOAD').map((f) => f.accessionNumber);
}

// EDGAR's rule of 10 a second, with a block of 5 s instead of 10 min (and the client's pause to match): on this
// shared machine a late-stamped burst can still draw one, which the table counts instead of the run stalling.
const replica = await spawnReplica(['--dataset', join(here, '_chaos-dataset.ts'), '--block-ms', '5000']);
const letters = await expectedLetters();
const hostile = new Set<string>(Object.values(HOSTILE));
const backfill = ['backfill', BENCH_GENERATED_CIK];
const baseDir = await mkdtemp(join(tmpdir(), 'edgar-chaos-base-'));
const chaosDir = await mkdtemp(join(tmpdir(), 'edgar-chaos-'));
let report: ReturnType<typeof evaluate>;
try {
  const base = await runCli(replica, baseDir, 'fault-free', backfill, { hangMs: 1_800_000 });
  const baseStored = await exportedAccessions(replica, baseDir);
  await injectChaos(replica);
  const killAfterMs = Math.round(base.ms * (0.15 + 0.7 * prng(seed)()));
  const hangMs = Math.round(4 * base.ms + 4 * ATTEMPTS * RESPONSE_TIMEOUT_MS + 4 * PARSE_TIMEOUT_MS);
  const first = await runCli(replica, chaosDir, 'chaos run 1 (kill -9)', backfill, { killAfterMs, hangMs });
  const second = await runCli(replica, chaosDir, 'chaos run 2 (rerun)', backfill, { hangMs });
  const stored = await exportedAccessions(replica, chaosDir);
  report = evaluate({ base, baseStored, first, second, stored, killAfterMs });
} finally {
  await replica.close();
  await rm(baseDir, { recursive: true, force: true });
  await rm(chaosDir, { recursive: true, force: true });
}
printReport(report);
process.exitCode = report.targets.every((t) => t.met) ? 0 : 1;

interface Outcome {
  readonly base: Run;
  readonly baseStored: string[];
  readonly first: Run;
  readonly second: Run;
  readonly stored: string[];
  readonly killAfterMs: number;
}

function hostileOutcomes(o: Outcome, failures: string[]) {
  const log = [...o.first.log, ...o.second.log];
  const reasonOf = (accession: string) => failures.find((line) => line.startsWith(accession)) ?? null;
  const expected: Record<string, RegExp> = {
    [HOSTILE.gzipBomb]: /at fetch: BAD_INPUT oversize/,
    [HOSTILE.deflateBomb]: /at fetch: BAD_INPUT oversize/,
    [HOSTILE.drip]: /at fetch: EDGAR_UNAVAILABLE .*no complete response within/,
    [HOSTILE.redos]: /at parse: BAD_INPUT timeout/,
  };
  return Object.entries(HOSTILE).map(([kind, accession]) => {
    const storedClean = o.stored.includes(accession);
    const failure = reasonOf(accession);
    const ok = storedClean || (failure !== null && expected[accession]!.test(failure));
    return { kind, accession, asked: asked(log, accession), storedClean, failure, ok };
  });
}

function evaluate(o: Outcome) {
  const failures = failureLines(o.second.stderr);
  const nonHostile = letters.filter((a) => !hostile.has(a));
  const storedSet = new Set(o.stored);
  const missing = nonHostile.filter((a) => !storedSet.has(a));
  const duplicates = o.stored.length - storedSet.size;
  const chaosLog = [...o.first.log, ...o.second.log];
  const faults: Record<string, number> = {};
  for (const entry of chaosLog) if (entry.fault) faults[entry.fault] = (faults[entry.fault] ?? 0) + 1;
  const hostileRows = hostileOutcomes(o, failures);
  const chaosMs = o.first.ms + o.second.ms;
  const allowanceMs = 2 * (ATTEMPTS * RESPONSE_TIMEOUT_MS + PARSE_TIMEOUT_MS);
  const peakChaosKb = Math.max(o.first.peakRssKb, o.second.peakRssKb);
  const targets = [
    {
      target: 'every non-hostile letter stored',
      met: missing.length === 0,
      figure: `${nonHostile.length - missing.length} / ${nonHostile.length}`,
    },
    { target: 'no letter stored twice', met: duplicates === 0, figure: String(duplicates) },
    {
      target: 'each hostile letter failed with its reason or stored clean',
      met: hostileRows.every((h) => h.ok),
      figure: hostileRows.filter((h) => h.ok).length + ' / 4',
    },
    {
      target: 'no hang',
      met: !o.first.hung && !o.second.hung && o.second.exitCode !== null,
      figure: `run 2 exit ${o.second.exitCode}`,
    },
    {
      target: 'time <= 2x fault-free + deadlines',
      met: chaosMs <= 2 * o.base.ms + allowanceMs,
      figure: `${(chaosMs / 1000).toFixed(1)} s <= ${((2 * o.base.ms + allowanceMs) / 1000).toFixed(1)} s`,
    },
    {
      target: 'peak RSS <= fault-free + 100 MB',
      met: peakChaosKb <= o.base.peakRssKb + 100 * 1024,
      figure: `${(peakChaosKb / 1024).toFixed(0)} MB <= ${(o.base.peakRssKb / 1024 + 100).toFixed(0)} MB`,
    },
  ];
  return {
    o,
    failures,
    missing,
    duplicates,
    faults,
    hostileRows,
    chaosMs,
    allowanceMs,
    targets,
    letters: letters.length,
  };
}

function runRow(run: Run, letterCount: number) {
  const archives = archivesOf(run.log);
  return {
    run: run.label,
    exit: run.signal ?? run.exitCode,
    seconds: (run.ms / 1000).toFixed(1),
    'peak RSS MB': (run.peakRssKb / 1024).toFixed(0),
    requests: run.log.length,
    'Archives requests': archives.length,
    'Archives req/letter': (archives.length / letterCount).toFixed(3),
    'refused (403/429)': run.log.filter((e) => e.refusal !== null).length,
  };
}

function printReport(r: ReturnType<typeof evaluate>): void {
  const { o } = r;
  console.log(
    `seed ${seed}; kill -9 after ${(o.killAfterMs / 1000).toFixed(1)} s; EDGAR_RESPONSE_TIMEOUT_MS=${RESPONSE_TIMEOUT_MS} PARSE_TIMEOUT_MS=${PARSE_TIMEOUT_MS}`,
  );
  console.table([runRow(o.base, r.letters), runRow(o.first, r.letters), runRow(o.second, r.letters)]);
  const archivesBoth = archivesOf(o.first.log).length + archivesOf(o.second.log).length;
  console.log(
    `letters stored / expected: ${new Set(o.stored).size} / ${r.letters} (fault-free: ${o.baseStored.length}); duplicates ${r.duplicates}; Archives requests per letter, both chaos runs: ${(archivesBoth / r.letters).toFixed(3)}`,
  );
  console.log(`faults served: ${JSON.stringify(r.faults)}`);
  console.log(
    `wall time: chaos ${(r.chaosMs / 1000).toFixed(1)} s (both runs) vs fault-free ${(o.base.ms / 1000).toFixed(1)} s: ratio ${(r.chaosMs / o.base.ms).toFixed(2)}; deadline allowance ${(r.allowanceMs / 1000).toFixed(0)} s`,
  );
  console.table(r.hostileRows.map(({ ok, ...row }) => ({ ...row, ok })));
  console.log('failures reported by run 2:');
  for (const line of r.failures) console.log(`  ${line}`);
  if (r.missing.length > 0) console.log(`missing letters: ${r.missing.join(' ')}`);
  console.table(r.targets);
  console.log(
    JSON.stringify({
      bench: 'chaos',
      seed,
      killAfterMs: o.killAfterMs,
      targets: r.targets,
      faults: r.faults,
      runs: [o.base, o.first, o.second].map((run) => ({
        ...runRow(run, r.letters),
        ms: run.ms,
        peakRssKb: run.peakRssKb,
      })),
    }),
  );
}
