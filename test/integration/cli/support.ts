/** Runs the real `edgar-corresp` executable (src/cli/main.ts) as a child process and collects its output. */
import { spawn } from 'node:child_process';

export const CLI = new URL('../../../src/cli/main.ts', import.meta.url).pathname;

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment with nothing of the caller's EDGAR/STORE settings, plus `env`. */
export function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(EDGAR_|STORE_URL|ARCHIVE_DIR|REDIS_URL|FETCH_|PARSE_|LOG_LEVEL|METRICS_|DASHBOARD_|QUEUE_)/.test(key))
      base[key] = value;
  }
  return { ...base, LOG_LEVEL: 'warn', ...env };
}

export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
