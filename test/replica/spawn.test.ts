import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { raisePriority, schedulingOf, spawnReplica } from './spawn.ts';

describe('spawnReplica', { timeout: 60_000 }, () => {
  it('runs the replica above every sender it counts, so it never queues behind one to stamp an arrival', async () => {
    const sender = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const replica = await spawnReplica(['--dataset', 'tiny']);
    try {
      raisePriority(sender.pid);
      const senders = schedulingOf(sender.pid!);
      const referee = schedulingOf(replica.pid);
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
