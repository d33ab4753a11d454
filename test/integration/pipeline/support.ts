/**
 * Integration harness: the EDGAR replica on 127.0.0.1 (in this process), a temporary directory for the SQLite
 * store and the archive, and the real CLI run in-process (`runCli`) with its output captured.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/program.ts';
import { MemoryLimiter } from '../../../src/edgar/memory-limiter.ts';
import type { ReplicaCompany } from '../../replica/dataset.ts';
import { startReplica, type Replica, type ReplicaOptions } from '../../replica/server.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Workspace {
  readonly replica: Replica;
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs `edgar-corresp <args>` in-process against the replica and this workspace's store and archive. */
  cli(args: readonly string[], extraEnv?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** Requests the replica has logged since `from` (an index into its log). */
  requestsSince(from: number): { archives: string[]; other: string[] };
  /** Requests the replica refused as over the rate or undeclared (must stay empty). */
  refused(): string[];
  close(): Promise<void>;
}

export async function openWorkspace(
  companies: readonly ReplicaCompany[],
  replicaOptions: Omit<ReplicaOptions, 'dataset' | 'limits'> = {},
): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'edgar-integration-'));
  // A rate-limit block lasts 2 s here (EDGAR: 10 min) so that a breach fails a test instead of stalling it.
  const replica = await startReplica({ ...replicaOptions, dataset: { companies }, limits: { blockMs: 2000 } });
  // One limiter for every CLI run of the workspace, as one long-running process would have. Half of EDGAR's
  // rate: the replica shares this process's event loop, so a busy moment here (a SQLite commit, GC) delays
  // the stamp of a request that already arrived and bunches it with the next; at 5/s that slack cannot add up
  // to a breach. Pacing itself is proven by test/integration/edgar/fair-access.test.ts, not here.
  const limiter = new MemoryLimiter({ maxRps: 5 });
  const env: NodeJS.ProcessEnv = {
    EDGAR_USER_AGENT: 'edgar-corresp tests tests@edgar-corresp.example',
    EDGAR_WWW_URL: replica.bases.wwwUrl,
    EDGAR_DATA_URL: replica.bases.dataUrl,
    EDGAR_EFTS_URL: replica.bases.eftsUrl,
    STORE_URL: `sqlite:${join(dir, 'store.sqlite')}`,
    ARCHIVE_DIR: join(dir, 'archive'),
    EDGAR_MAX_RPS: '5',
    EDGAR_BLOCK_COOLDOWN: '2',
    LOG_LEVEL: 'warn',
  };
  return {
    replica,
    dir,
    env,
    async cli(args, extraEnv = {}) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: { ...env, ...extraEnv },
        limiter,
      });
      return { code, stdout, stderr };
    },
    requestsSince(from) {
      const paths = replica.log.slice(from).map((e) => e.path);
      return {
        archives: paths.filter((p) => p.includes('/Archives/')),
        other: paths.filter((p) => !p.includes('/Archives/')),
      };
    },
    refused() {
      return replica.log.filter((e) => e.refusal !== null).map((e) => `${e.refusal} ${e.path}`);
    },
    async close() {
      await limiter.close();
      await replica.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
