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
import type { Processor } from 'bullmq';
import { createDistributedRunner } from '../../../../src/pipeline/distributed/distributed-runner.ts';
import { createStageProcessors } from '../../../../src/pipeline/distributed/stage-processors.ts';
import { filingJobId } from '../../../../src/queue/job-ids.ts';
import type { DocumentStore } from '../../../../src/store/document-store.ts';
import type { RunEvent } from '../../../../src/pipeline/run-events.ts';
import { acc, CIK, FN } from '../../../unit/pipeline/support/stand-in-company.ts';
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

  it('reports a failed filing parsed again in the run with the state its parse job left, not the one it read before', async () => {
    // Forces an order a loaded machine can give any poll: the tracker reads u1 from the store while it is still
    // failed, and only then does u1's parse job run and complete, before the tracker asks the queues about it.
    let realParse: Processor | undefined;
    let trackerSawFailed!: () => void;
    const sawFailed = new Promise<void>((resolve) => (trackerSawFailed = resolve));
    const gatedParse: Processor = async (job, token) => {
      if (job.id === filingJobId(acc('u1'))) await sawFailed;
      return realParse!(job, token);
    };
    await withCluster(
      'tracker-settled',
      async ({ h, queues }) => {
        realParse = createStageProcessors({ deps: h.deps, queues, log: silentLogger, threadsDelayMs: 200 }).parse;
        const company = { kind: 'cik', value: CIK } as const;
        await discoverTarget(h.deps, { target: company });
        await fetchFiling(h.deps, { accessionNumber: acc('u1'), cik: CIK });
        await h.deps.store.recordFailed(acc('u1'), {
          stage: 'parse',
          code: 'BAD_INPUT',
          reason: 'corrupt-pdf: an earlier parser could not read it',
          badInputReason: 'corrupt-pdf',
        });
        const store = h.deps.store;
        const listFilings: DocumentStore['listFilings'] = async (filter) => {
          const records = await store.listFilings(filter);
          if (records.some((r) => r.accessionNumber === acc('u1') && r.state === 'failed')) {
            trackerSawFailed();
            const deadline = Date.now() + 60_000;
            while ((await queues.parse.getJobState(filingJobId(acc('u1')))) !== 'completed') {
              assert.ok(Date.now() < deadline, "u1's parse job did not complete within 60 s");
              await new Promise((resolve) => setTimeout(resolve, 10));
            }
          }
          return records;
        };
        const slowStore = new Proxy(store, {
          get: (target, name) => {
            if (name === 'listFilings') return listFilings;
            const value: unknown = Reflect.get(target, name, target);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
        const runner = createDistributedRunner({ deps: { ...h.deps, store: slowStore }, queues, pollMs: 20 });
        const summary = await runner.runTargets({ targets: [company] });
        assert.equal(summary.failures.length, 0);
        assert.equal(summary.counts.stored, 6);
        assert.equal(summary.fromArchive, 1);
      },
      { parse: gatedParse },
    );
  });

  it('reports no filing while a discover job of the run may still dispatch it again', async () => {
    // Two targets list the same letters; the CIK's discover job is held until the file number's letters are all
    // final in the store. A report then could be overtaken by the CIK's dispatch replacing a finished job.
    let realDiscover: Processor | undefined;
    let releaseCik!: () => void;
    const cikMayRun = new Promise<void>((resolve) => (releaseCik = resolve));
    const gatedDiscover: Processor = async (job, token) => {
      if ((job.data as { target?: { kind?: string } }).target?.kind === 'cik') await cikMayRun;
      return realDiscover!(job, token);
    };
    await withCluster(
      'tracker-pending',
      async ({ h, queues, runner }) => {
        realDiscover = createStageProcessors({ deps: h.deps, queues, log: silentLogger, threadsDelayMs: 200 }).discover;
        const events: RunEvent[] = [];
        const run = runner.runTargets(
          {
            targets: [
              { kind: 'file-number', value: FN },
              { kind: 'cik', value: CIK },
            ],
          },
          { onEvent: (event) => events.push(event) },
        );
        const deadline = Date.now() + 60_000;
        const settled = (r: { state: string; hold: unknown }) => r.state === 'parsed' || r.hold !== null;
        while ((await h.deps.store.listFilings()).filter(settled).length < 6) {
          assert.ok(Date.now() < deadline, "the file number's letters were not all final within 60 s");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await new Promise((resolve) => setTimeout(resolve, 200)); // several tracker polls (every 50 ms)
        releaseCik();
        const summary = await run;
        const cikFound = events.findIndex((e) => e.type === 'target-discovered' && e.targetKey.includes(CIK));
        const firstDone = events.findIndex((e) => e.type === 'filing-done');
        assert.ok(cikFound >= 0 && firstDone > cikFound, 'a filing was reported before the last discover job ended');
        assert.equal(summary.counts.stored, 6);
      },
      { discover: gatedDiscover },
    );
  });
});
