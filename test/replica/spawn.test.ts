import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { raisePriority, spawnReplica } from './spawn.ts';

/** Scheduling policy (0 = normal, 2 = real-time round-robin) and real-time priority of a process, from /proc. */
function scheduling(pid: number): { policy: number; rtPriority: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (in parentheses, may hold spaces): the 3rd field of the line comes first.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { rtPriority: Number(fields[40 - 3]), policy: Number(fields[41 - 3]) };
}

describe('spawnReplica', { timeout: 60_000 }, () => {
  it('runs the replica above every sender it counts, so it never queues behind one to stamp an arrival', async () => {
    const sender = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const replica = await spawnReplica(['--dataset', 'tiny']);
    try {
      raisePriority(sender.pid);
      const senders = scheduling(sender.pid!);
      const referee = scheduling(replica.pid);
      if (senders.policy === 0) {
        // Real-time priorities not permitted here (they need root or CAP_SYS_NICE, and chrt): then neither is
        // raised, and raising fails quietly rather than stopping the replica or the bench.
        assert.equal(referee.policy, 0, 'the replica is not raised where the senders could not be');
        return;
      }
      assert.equal(referee.policy, senders.policy, 'both real-time round-robin');
      assert.ok(
        referee.rtPriority > senders.rtPriority,
        `replica at ${referee.rtPriority}, sender at ${senders.rtPriority}`,
      );
    } finally {
      sender.kill();
      await once(sender, 'exit');
      await replica.close();
    }
  });
});
