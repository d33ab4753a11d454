/**
 * Starts the replica in a child process (test/replica/start.ts) and talks to it through its admin endpoints.
 * Rate tests use it so the replica counts arrivals on an event loop of its own, not the one sending them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import type { EdgarBases } from '../../src/edgar/endpoints.ts';
import type { FaultSpec } from './server.ts';
import type { ReplicaLogEntry, ReplicaStats } from './traffic.ts';

export interface ChildReplica {
  readonly url: string;
  readonly bases: EdgarBases;
  readonly pid: number;
  stats(): Promise<ReplicaStats>;
  log(from?: number): Promise<ReplicaLogEntry[]>;
  reset(): Promise<void>;
  /** `regex`: the path as a RegExp source instead of a substring; a count of Infinity is kept. */
  injectFault(spec: Omit<FaultSpec, 'path'> & { path: string; regex?: string }): Promise<void>;
  close(): Promise<void>;
}

/** `args` as start.ts takes them, e.g. ['--max-rps', '10', '--block-ms', '2000']. */
export async function spawnReplica(args: readonly string[] = []): Promise<ChildReplica> {
  // A session of its own puts the replica in its own scheduler autogroup, whose priority can then be raised.
  const child: ChildProcess = spawn(
    process.execPath,
    [new URL('./start.ts', import.meta.url).pathname, '--exit-with-parent', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    },
  );
  raisePriority(child.pid, REPLICA_RT_PRIORITY);
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`replica process exited with code ${String(code)} before listening`);
    }),
  ]);
  lines.close();
  const started = JSON.parse(first) as { url: string; bases: EdgarBases; pid: number };
  const admin = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${started.url}/__replica/${path}`, init);
    if (!response.ok) throw new Error(`replica admin ${path}: HTTP ${response.status}`);
    return response.json();
  };
  return {
    ...started,
    stats: () => admin('stats') as Promise<ReplicaStats>,
    log: (from = 0) => admin(`log?from=${from}`) as Promise<ReplicaLogEntry[]>,
    reset: async () => void (await admin('reset', { method: 'POST' })),
    injectFault: async (spec) => void (await admin('faults', { method: 'POST', body: JSON.stringify(spec) })),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Real-time priority of the processes that send (workers, the test's own): the lowest. */
export const SENDER_RT_PRIORITY = 1;
/**
 * The replica's, above every sender's: EDGAR does not share our CPU, so its referee must not queue behind the
 * senders it counts. At the workers' priority it waited its turn (round-robin) behind their CPU bursts and
 * stamped arrivals up to 8.8 ms after the kernel saw them leave (4 workers, load 8-17); above them, 1.2 ms.
 */
export const REPLICA_RT_PRIORITY = 2;

/**
 * EDGAR does not share our CPU: on a loaded machine give the replica's process (or the caller's own, with no
 * pid) a higher scheduling priority so it stamps arrivals when they arrive. Needs root or CAP_SYS_NICE;
 * without them it silently keeps the normal priority. `rtPriority`: the real-time priority of a child.
 */
export function raisePriority(pid?: number, rtPriority = SENDER_RT_PRIORITY): void {
  try {
    if (pid === undefined) setPriority(-10);
    else setPriority(pid, -10);
  } catch {
    // not permitted: measure at normal priority
  }
  // With autogroup scheduling (Linux desktops and VMs), a nice value only ranks processes within their
  // session's group; the group's own nice ranks it against the other sessions' load.
  if (pid !== undefined) {
    try {
      writeFileSync(`/proc/${pid}/autogroup`, '-10');
    } catch {
      // no autogroup, or not permitted
    }
    // A nice value still leaves the replica waiting its turn behind CPU burners: on a loaded machine it stamped
    // arrivals 40 ms and more late, bunched them and refused requests the client had sent in time. Real-time
    // round-robin runs it as soon as a request arrives, as EDGAR's own machines would (the kernel keeps 5% of
    // each second for everything else). Every thread, and the ones it starts later.
    spawnSync('chrt', ['--all-tasks', '--rr', '--pid', String(rtPriority), String(pid)], { stdio: 'ignore' });
  }
}

/** How a process is scheduled, from /proc/<pid>/stat: session id, nice, policy (0 normal, 2 round-robin), real-time priority. */
export function schedulingOf(pid: number): { session: number; nice: number; policy: number; rtPriority: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (in parentheses, may hold spaces): the line's 3rd field comes first.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { session: fields[6 - 3]!, nice: fields[19 - 3]!, rtPriority: fields[40 - 3]!, policy: fields[41 - 3]! };
}
