/**
 * The run tracker: it follows a run until the lifecycle says every filing is final, puts back work no job
 * moves on, and reads job results through their schemas.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createJobProcessor } from '../../../../src/queue/job-processor.ts';
import { silentLogger } from '../../../../src/log.ts';
import { trackRun, type FinishedFiling } from '../../../../src/pipeline/distributed/run-tracker.ts';
import { discoverTarget } from '../../../../src/pipeline/discover-stage.ts';
import { fetchFiling } from '../../../../src/pipeline/fetch-stage.ts';
import { CrawlPayloadSchema } from '../../../../src/queue/job-payloads.ts';
import { enqueueCrawlPass } from '../../../../src/queue/producers.ts';
import { acc, CIK } from '../../../unit/pipeline/support/stand-in-company.ts';
import { withCluster } from './support.ts';

describe('run tracker', () => {
  it('dispatches a filing no job moves on (a lost job) where the lifecycle says, and reports it once final', async () => {
    // A discover processor that lists two archived filings but, as if its jobs were lost, dispatches nothing.
    const lister = createJobProcessor({
      queue: 'discover',
      schema: CrawlPayloadSchema,
      log: silentLogger,
      run: async () => ({ accessions: [acc('u1'), acc('c1')], ciks: [], skipped: 0, requests: 0, warnings: [] }),
    });
    await withCluster(
      'tracker-orphan',
      async ({ h, queues }) => {
        await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK } });
        for (const key of ['u1', 'c1']) await fetchFiling(h.deps, { accessionNumber: acc(key), cik: CIK });
        const finished: FinishedFiling[] = [];
        let discovered = 0;
        await trackRun({
          queues,
          store: h.deps.store,
          log: silentLogger,
          work: [
            {
              jobId: 'crawl-once=orphan-test',
              target: null,
              enqueue: async () => void (await enqueueCrawlPass(queues, ['CORRESP', 'UPLOAD'], 'orphan-test')),
            },
          ],
          retryFailed: false,
          pollMs: 20,
          onDiscovered: (_work, result) => (discovered += result?.accessions.length ?? 0),
          onFiling: (filing) => finished.push(filing),
        });
        assert.equal(discovered, 2);
        assert.deepEqual(finished.map((f) => f.record.accessionNumber).sort(), [acc('c1'), acc('u1')].sort());
        assert.ok(finished.every((f) => f.record.state === 'parsed'));
        // The parse jobs the tracker put back ran in this run: their results are read, validated.
        assert.ok(finished.every((f) => f.parse?.outcome === 'stored' && f.fetch === null));
      },
      { discover: lister },
    );
  });

  it('reports a discover job that failed with its typed code and cause', () =>
    withCluster('tracker-fail', async ({ queues, h }) => {
      const failures: unknown[] = [];
      await trackRun({
        queues,
        store: h.deps.store,
        log: silentLogger,
        work: [
          {
            jobId: 'ticker=NOPE',
            target: { kind: 'ticker', value: 'NOPE' },
            enqueue: async () =>
              void (await queues.discover.add(
                'target',
                { target: { kind: 'ticker', value: 'NOPE' }, forms: ['CORRESP'], since: null, until: null },
                { jobId: 'ticker=NOPE' },
              )),
          },
        ],
        retryFailed: true,
        pollMs: 20,
        onDiscovered: (_work, _result, failure) => failures.push(failure),
      });
      assert.equal(failures.length, 1);
      assert.deepEqual(Object.keys(failures[0] as object).sort(), ['code', 'reason']);
      assert.equal((failures[0] as { code: string }).code, 'EDGAR_NOT_FOUND');
      assert.match((failures[0] as { reason: string }).reason, /ticker NOPE is not listed/);
    }));
});
