/**
 * The distributed runner, in one process (support.ts): the same outcomes as the embedded runner for the same
 * company, and the filing lifecycle's one answer for a failed filing whose bytes are archived.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fetchFiling } from '../../../../src/pipeline/fetch-stage.ts';
import { discoverTarget } from '../../../../src/pipeline/discover-stage.ts';
import { exitCodeOf } from '../../../../src/pipeline/run-events.ts';
import { acc, archivesRequests, CIK, FN } from '../../../unit/pipeline/support/stand-in-company.ts';
import { endpoints } from '../../../unit/pipeline/support/stand-ins.ts';
import { withCluster } from './support.ts';

const FILE_NUMBER = { kind: 'file-number', value: FN } as const;
const COMPANY = { kind: 'cik', value: CIK } as const;

describe('distributed runner (in one process)', () => {
  it('backfills a file number through the queues with the embedded runner’s summary', () =>
    withCluster('drun-fn', async ({ h, runner }) => {
      const summary = await runner.runTargets({ targets: [FILE_NUMBER] });
      assert.equal(summary.letters, 6);
      assert.equal(summary.fetched, 6);
      assert.equal(archivesRequests(h).length, 6);
      assert.equal(summary.counts.stored, 5);
      assert.equal(summary.counts['not-attributed'], 1);
      assert.equal(summary.threadAttributed, 1);
      assert.equal(summary.skipped, 1);
      assert.equal(exitCodeOf(summary), 0);
      assert.equal(await h.deps.store.countLetters({ fileNumber: FN }), 5);
      // Which route named the companies comes back through the queue with the discover job's result.
      assert.equal(summary.targets[0]?.resolution?.route, 'browse-edgar');
    }));

  it('stores the letter of other file numbers when the same run also backfills its CIK', () =>
    withCluster('drun-widen', async ({ h, runner }) => {
      const summary = await runner.runTargets({ targets: [FILE_NUMBER, COMPANY] });
      assert.equal(summary.letters, 6, 'each letter counted once');
      assert.equal(summary.counts.stored, 6);
      assert.equal(summary.counts['not-attributed'], 0);
      assert.equal(await h.deps.store.countLetters(), 6);
      assert.equal(archivesRequests(h).length, 6, 'each letter fetched once');
    }));

  it('parses a filing that failed at parse from the archive, with no request (as the embedded runner now does)', () =>
    withCluster('drun-failed', async ({ h, runner }) => {
      await discoverTarget(h.deps, { target: COMPANY });
      await fetchFiling(h.deps, { accessionNumber: acc('u1'), cik: CIK });
      await h.deps.store.recordFailed(acc('u1'), {
        stage: 'parse',
        code: 'BAD_INPUT',
        reason: 'corrupt-pdf: an earlier parser could not read it',
        badInputReason: 'corrupt-pdf',
      });
      const from = h.client.requests.length;
      const summary = await runner.runTargets({ targets: [COMPANY] });
      assert.ok(!archivesRequests(h, from).includes(endpoints.submissionText(CIK, acc('u1'))));
      assert.equal(summary.counts.stored, 6);
      assert.equal(summary.fromArchive, 1);
    }));

  it('fetches again a filing whose archive object was found damaged (parsing it again would fail the same way)', () =>
    withCluster('drun-damaged', async ({ h, runner }) => {
      await discoverTarget(h.deps, { target: COMPANY });
      const { sha256 } = await fetchFiling(h.deps, { accessionNumber: acc('u1'), cik: CIK });
      const path = join(h.dir, 'archive', 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      await writeFile(path, (await readFile(path)).subarray(1));
      const first = await runner.runTargets({ targets: [COMPANY] });
      assert.deepEqual(
        first.failures.map((f) => [f.accessionNumber, f.stage, f.reason.split(':')[0]]),
        [[acc('u1'), 'parse', 'archive-damaged']],
      );
      const from = h.client.requests.length;
      const again = await runner.runTargets({ targets: [COMPANY] });
      assert.deepEqual(archivesRequests(h, from), [endpoints.submissionText(CIK, acc('u1'))]);
      assert.equal(again.failures.length, 0);
      assert.equal((await h.deps.store.getFiling(acc('u1')))?.state, 'parsed');
    }));
});
