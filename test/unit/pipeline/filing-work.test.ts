import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EdgarUndeclaredToolError } from '../../../src/errors.ts';
import { discoverTarget } from '../../../src/pipeline/discover-stage.ts';
import { fetchFiling } from '../../../src/pipeline/fetch-stage.ts';
import { FilingWork } from '../../../src/pipeline/filing-work.ts';
import { PARSER_VERSION } from '../../../src/pipeline/parser-version.ts';
import { RunReport } from '../../../src/pipeline/run-report.ts';
import type { RunEvent } from '../../../src/pipeline/run-events.ts';
import { endpoints } from './support/stand-ins.ts';
import { acc, archivesRequests, CIK, FN } from './support/stand-in-company.ts';
import { withCompany } from './support/stand-in-company.ts';
import type { Harness } from './support/stand-ins.ts';

/** The company's letters as its CIK lists them. */
const refsOf = async (h: Harness) => (await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK } })).refs;
const only = async (h: Harness, ...keys: string[]) =>
  (await refsOf(h)).filter((ref) => keys.map(acc).includes(ref.accessionNumber));

async function run(h: Harness, add: (work: FilingWork) => Promise<void>, retryFailed = true) {
  const events: RunEvent[] = [];
  const report = new RunReport((e) => events.push(e));
  const work = new FilingWork(h.deps, report, { retryFailed });
  await add(work);
  await work.drain();
  return { work, report, events, summary: report.summary(0) };
}

describe('FilingWork', () => {
  it('holds back a letter its last parse held, by this parser, for a scope that does not name its numbers', () =>
    withCompany(async (h) => {
      const [ref] = await only(h, 'c2');
      await fetchFiling(h.deps, { accessionNumber: ref!.accessionNumber, cik: CIK });
      const hold = { reason: 'not-attributed', fileNumbers: ['333-199812'], parserVersion: PARSER_VERSION } as const;
      await h.deps.store.recordHeld(ref!.accessionNumber, hold, 'held');
      const from = h.client.requests.length;
      const { summary } = await run(h, (work) => work.add([ref!], { fileNumbers: [FN] }));
      assert.equal(summary.counts['not-attributed'], 1);
      assert.equal(summary.fromArchive, 0, 'not even read from the archive');
      assert.deepEqual(h.client.requests.slice(from), []);
    }));

  it('stores a held letter when a later source of the run widens its scope', () =>
    withCompany(async (h) => {
      const refs = await only(h, 'c2', 'u2');
      const { summary, events } = await run(h, async (work) => {
        await work.add(refs, { fileNumbers: [FN] });
        await work.drain();
        await work.add(refs, null);
      });
      assert.deepEqual(summary.counts, {
        stored: 2,
        'already-stored': 0,
        'not-attributed': 0,
        unnumbered: 0,
        failed: 0,
      });
      assert.equal(summary.letters, 2);
      assert.equal(summary.fetched, 2);
      const c2Events = events.filter((e) => e.type === 'filing-done' && e.accessionNumber === acc('c2'));
      assert.deepEqual(
        c2Events.map((e) => (e.type === 'filing-done' ? e.outcome : null)),
        ['not-attributed', 'stored'],
      );
      assert.equal((await h.deps.store.getFiling(acc('c2')))?.state, 'parsed');
    }));

  it('reports a failure for good without a request, and leaves failures alone when told not to retry', () =>
    withCompany(async (h) => {
      const [u0, u1] = await only(h, 'u0', 'u1');
      await h.deps.store.recordFailed(u0!.accessionNumber, {
        stage: 'fetch',
        code: 'BAD_INPUT',
        reason: 'oversize: larger than 160 MiB',
        badInputReason: 'oversize',
      });
      await h.deps.store.recordFailed(u1!.accessionNumber, {
        stage: 'fetch',
        code: 'EDGAR_UNAVAILABLE',
        reason: '503',
        badInputReason: null,
      });
      const from = h.client.requests.length;
      const crawl = await run(h, (work) => work.add([u0!, u1!], null), false);
      assert.deepEqual(
        crawl.summary.failures.map((f) => [f.accessionNumber, f.code]),
        [
          [acc('u0'), 'BAD_INPUT'],
          [acc('u1'), 'EDGAR_UNAVAILABLE'],
        ],
      );
      assert.deepEqual(archivesRequests(h, from), []);
      const backfill = await run(h, (work) => work.add([u0!, u1!], null));
      assert.deepEqual(archivesRequests(h, from), [endpoints.submissionText(CIK, acc('u1'))]);
      assert.equal(backfill.summary.counts.stored, 1);
      assert.deepEqual(
        backfill.summary.failures.map((f) => f.accessionNumber),
        [acc('u0')],
      );
    }));

  it('stops every further request when EDGAR refuses the User-Agent', () =>
    withCompany(async (h) => {
      const refs = await refsOf(h);
      const refuse = h.deps.client.get.bind(h.deps.client);
      let gets = 0;
      h.deps.client.get = async (url, options) => {
        gets += 1;
        if (url.includes('/Archives/')) throw new EdgarUndeclaredToolError(url, 403, 'undeclared tool');
        return refuse(url, options);
      };
      const { work, summary } = await run(h, (w) => w.add(refs, null));
      assert.ok(work.fatal instanceof EdgarUndeclaredToolError);
      assert.ok(gets <= 4, `at most the fetches already in flight (${gets})`);
      assert.equal(summary.counts.stored, 0);
    }));
});
