import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EdgarNotFoundError } from '../../../src/errors.ts';
import type { Letter } from '../../../src/letter/schema.ts';
import { discoverTarget } from '../../../src/pipeline/discover-stage.ts';
import { runBackfill, runFilings } from '../../../src/pipeline/embedded-runner.ts';
import { fetchFiling } from '../../../src/pipeline/fetch-stage.ts';
import { attributeUnnumbered, parseFiling } from '../../../src/pipeline/parse-stage.ts';
import { exitCodeOf } from '../../../src/pipeline/run-events.ts';
import { makeLetter } from '../../fixtures/letters.ts';
import {
  companyListFeed,
  endpoints,
  openHarness,
  standInSubmission,
  submissionColumns,
  type Harness,
} from './support/stand-ins.ts';

const CIK = '1999001';
const OTHER_CIK = '1999002';
const FN = '001-35126';

/** The letters of the stand-in company, as the stand-in builder will read them back. */
const letters: Record<string, Letter> = {
  u0: makeLetter({
    accessionNumber: '0000000000-12-000100',
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    cik: CIK,
    filingDate: '2012-05-01',
    letterDate: '2012-05-01',
    inResponseTo: null,
    fileNumbers: [FN],
  }),
  u1: makeLetter({
    accessionNumber: '0000000000-13-000200',
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    cik: CIK,
    filingDate: '2013-12-17',
    letterDate: '2013-12-17',
    inResponseTo: null,
    fileNumbers: [FN],
  }),
  c1: makeLetter({
    accessionNumber: '0001999001-14-000001',
    cik: CIK,
    filingDate: '2014-01-03',
    letterDate: '2014-01-03',
    inResponseTo: '2013-12-17',
    fileNumbers: [FN],
  }),
  c2: makeLetter({
    accessionNumber: '0001999001-14-000002',
    cik: CIK,
    filingDate: '2014-01-20',
    letterDate: '2014-01-20',
    inResponseTo: null,
    fileNumbers: ['333-199812'],
  }),
  u2: makeLetter({
    accessionNumber: '0000000000-14-000300',
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    cik: CIK,
    filingDate: '2014-02-10',
    letterDate: '2014-02-10',
    inResponseTo: null,
    fileNumbers: [FN],
  }),
  c3: makeLetter({
    accessionNumber: '0001999001-14-000003',
    cik: CIK,
    filingDate: '2014-02-24',
    letterDate: '2014-02-24',
    inResponseTo: '2014-02-10',
    fileNumbers: [],
  }),
};
const acc = (key: string) => letters[key]!.accessionNumber;

function serveCompany(h: Harness) {
  h.client
    .serve(endpoints.browseByFileNumber(FN), companyListFeed([CIK, OTHER_CIK]))
    .serve(endpoints.submissions(CIK), {
      cik: CIK,
      name: 'Northwind Traders Holdings Ltd.',
      tickers: ['NWTH'],
      filings: {
        recent: submissionColumns([
          [acc('c3'), 'CORRESP', '2014-02-24'],
          [acc('u2'), 'UPLOAD', '2014-02-10'],
          ['9999999997-14-000009', 'SEC STAFF LETTER', '2014-02-01'],
          [acc('c2'), 'CORRESP', '2014-01-20'],
          [acc('c1'), 'CORRESP', '2014-01-03'],
          [acc('u1'), 'UPLOAD', '2013-12-17'],
          ['0001999001-13-000050', '20-F', '2013-04-19', FN],
        ]),
        files: [
          {
            name: `CIK000${CIK}-submissions-001.json`,
            filingCount: 2,
            filingFrom: '2011-01-01',
            filingTo: '2012-12-31',
          },
        ],
      },
    })
    .serve(
      endpoints.submissionsPage(`CIK000${CIK}-submissions-001.json`),
      submissionColumns([
        [acc('u0'), 'UPLOAD', '2012-05-01'],
        ['0001999001-12-000010', '20-F', '2012-04-20', FN],
      ]),
    )
    .serve(endpoints.submissions(OTHER_CIK), {
      cik: OTHER_CIK,
      name: 'Unrelated Co',
      filings: { recent: submissionColumns([['0001999002-14-000001', '10-K', '2014-03-01', '000-99999']]), files: [] },
    })
    .serve(endpoints.companyTickers(), { '0': { cik_str: Number(CIK), ticker: 'NWTH', title: 'Northwind' } });
  for (const letter of Object.values(letters)) {
    h.client.serve(endpoints.submissionText(CIK, letter.accessionNumber), standInSubmission(letter));
  }
}

const archivesRequests = (h: Harness, from = 0) =>
  h.client.requests.slice(from).filter((u) => u.includes('/Archives/'));

describe('discover stage', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    serveCompany(h);
  });
  after(() => h.close());

  it('resolves a file number to the CIK whose filings carry it and lists every letter of it, overflow pages included', async () => {
    const found = await discoverTarget(h.deps, { target: { kind: 'file-number', value: FN } });
    assert.deepEqual(found.ciks, [CIK]);
    assert.deepEqual(
      found.refs.map((r) => r.accessionNumber),
      ['u0', 'u1', 'c1', 'c2', 'u2', 'c3'].map(acc),
    );
    assert.deepEqual(
      found.skipped.map((s) => s.ref.form),
      ['SEC STAFF LETTER'],
    );
    // feed + two candidates' submissions + one overflow page
    assert.equal(found.requests, 4);
    assert.ok(found.warnings.some((w) => w.includes(`CIK ${OTHER_CIK}`) && w.includes('dropped')));
    const counts = await h.deps.store.countFilingsByState();
    assert.equal(counts.discovered, 6);
    assert.equal(counts.skipped, 1);
  });

  it('reads no overflow page that lies outside --since/--until', async () => {
    const before = h.client.requests.length;
    const found = await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK }, since: '2014-01-01' });
    assert.deepEqual(h.client.requests.slice(before), [endpoints.submissions(CIK)]);
    assert.deepEqual(
      found.refs.map((r) => r.accessionNumber),
      ['c1', 'c2', 'u2', 'c3'].map(acc),
    );
  });

  it('resolves a ticker through company_tickers.json, and names an unknown ticker', async () => {
    const found = await discoverTarget(h.deps, { target: { kind: 'ticker', value: 'NWTH' }, forms: ['UPLOAD'] });
    assert.deepEqual(found.ciks, [CIK]);
    assert.deepEqual(
      found.refs.map((r) => r.form),
      ['UPLOAD', 'UPLOAD', 'UPLOAD'],
    );
    await assert.rejects(
      discoverTarget(h.deps, { target: { kind: 'ticker', value: 'NOPE' } }),
      (e: unknown) => e instanceof EdgarNotFoundError && /ticker NOPE is not listed/.test(e.message),
    );
  });

  it('fails a file number that no company files under', async () => {
    h.client.serve(endpoints.browseByFileNumber('333-000001'), '<html><body>No matching file number</body></html>');
    await assert.rejects(
      discoverTarget(h.deps, { target: { kind: 'file-number', value: '333-000001' } }),
      /no company files under file number 333-000001/,
    );
  });
});

describe('fetch and parse stages', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    serveCompany(h);
    await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK } });
  });
  after(() => h.close());

  it('fetches a filing with one request and never again once archived, even with a new store', async () => {
    const start = h.client.requests.length;
    const first = await fetchFiling(h.deps, { accessionNumber: acc('u1'), cik: CIK });
    assert.equal(first.fetched, true);
    assert.deepEqual(h.client.requests.slice(start), [endpoints.submissionText(CIK, acc('u1'))]);
    assert.equal((await h.deps.store.getFiling(acc('u1')))?.state, 'fetched');
    const again = await fetchFiling(h.deps, { accessionNumber: acc('u1'), cik: CIK });
    assert.equal(again.fetched, false);
    const deps = await h.reopen({ freshStore: true });
    await discoverTarget(deps, { target: { kind: 'cik', value: CIK } });
    const afterLoss = await fetchFiling(deps, { accessionNumber: acc('u1'), cik: CIK });
    assert.equal(afterLoss.fetched, false);
    assert.equal(afterLoss.sha256, first.sha256);
    assert.equal(archivesRequests(h, start).length, 1);
  });

  it('refuses to archive an HTML page served instead of the submission', async () => {
    h.client.serve(endpoints.submissionText(CIK, acc('c2')), '<!DOCTYPE html><html><body>Oops</body></html>');
    await assert.rejects(fetchFiling(h.deps, { accessionNumber: acc('c2'), cik: CIK }), /HTML page instead/);
    assert.equal(await h.deps.archive.lookup(acc('c2')), null);
    h.client.serve(endpoints.submissionText(CIK, acc('c2')), standInSubmission(letters.c2!));
  });

  it('stores a letter of the backfilled file number, notes one of other numbers and one with none', async () => {
    const scope = { fileNumbers: [FN] };
    for (const key of ['u2', 'c2', 'c3']) await fetchFiling(h.deps, { accessionNumber: acc(key), cik: CIK });
    const stored = await parseFiling(h.deps, { accessionNumber: acc('u2'), scope });
    assert.equal(stored.outcome, 'stored');
    assert.equal(stored.upsert, 'inserted');
    const other = await parseFiling(h.deps, { accessionNumber: acc('c2'), scope });
    assert.equal(other.outcome, 'not-attributed');
    const filing = await h.deps.store.getFiling(acc('c2'));
    assert.equal(filing?.state, 'fetched');
    assert.match(filing?.note ?? '', /concerns 333-199812, not 001-35126/);
    assert.equal(await h.deps.store.getLetter(acc('c2')), null);
    const none = await parseFiling(h.deps, { accessionNumber: acc('c3'), scope });
    assert.equal(none.outcome, 'unnumbered');
  });

  it('ties a letter without file number to the number through the comment letter it answers', async () => {
    const linked = await attributeUnnumbered(h.deps, { fileNumber: FN, ciks: [CIK] });
    assert.deepEqual(linked, [acc('c3')]);
    const letter = await h.deps.store.getLetter(acc('c3'));
    assert.deepEqual(letter?.fileNumbers, [FN]);
    assert.ok(letter?.warnings.some((w) => w.includes(`it answers ${acc('u2')}`)));
  });

  it('stores every letter when the scope is a CIK or ticker', async () => {
    const result = await parseFiling(h.deps, { accessionNumber: acc('c2'), scope: null });
    assert.equal(result.outcome, 'stored');
    assert.equal((await h.deps.store.getFiling(acc('c2')))?.state, 'parsed');
  });
});

describe('embedded runner', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    serveCompany(h);
  });
  after(() => h.close());

  it('backfills a file number: one Archives request per letter, only its letters stored', async () => {
    const events: string[] = [];
    const summary = await runBackfill(h.deps, {
      targets: [{ kind: 'file-number', value: FN }],
      onEvent: (e) => e.type === 'filing-done' && events.push(`${e.accessionNumber} ${e.outcome}`),
    });
    assert.equal(summary.letters, 6);
    assert.equal(summary.fetched, 6);
    assert.equal(archivesRequests(h).length, 6);
    assert.equal(summary.counts.stored, 5);
    assert.equal(summary.counts['not-attributed'], 1);
    assert.equal(summary.counts.unnumbered, 0);
    assert.equal(summary.threadAttributed, 1);
    assert.equal(summary.skipped, 1);
    assert.equal(exitCodeOf(summary), 0);
    assert.equal(events.length, 6);
    assert.equal(await h.deps.store.countLetters(), 5);
    assert.equal(await h.deps.store.countLetters({ fileNumber: FN }), 5);
  });

  it('runs again without any Archives request and without a new letter', async () => {
    const from = h.client.requests.length;
    const summary = await runBackfill(h.deps, { targets: [{ kind: 'file-number', value: FN }] });
    assert.equal(archivesRequests(h, from).length, 0);
    assert.equal(summary.fetched, 0);
    assert.equal(summary.counts['already-stored'], 5);
    assert.equal(summary.counts.stored, 0);
    assert.equal(await h.deps.store.countLetters(), 5);
  });

  it('then stores the remaining letter when the CIK is backfilled, still without fetching', async () => {
    const from = h.client.requests.length;
    const summary = await runBackfill(h.deps, { targets: [{ kind: 'cik', value: CIK }] });
    assert.equal(archivesRequests(h, from).length, 0);
    assert.equal(summary.counts.stored, 1);
    assert.equal(await h.deps.store.countLetters(), 6);
  });

  it('fails a broken filing with its reason, stores the rest, and retries it from the archive next run', async () => {
    const h2 = await openHarness();
    try {
      serveCompany(h2);
      h2.client.serve(endpoints.submissionText(CIK, acc('u1')), 'BROKEN bytes');
      h2.client.routes.delete(endpoints.submissionText(CIK, acc('u0')));
      const summary = await runBackfill(h2.deps, { targets: [{ kind: 'cik', value: CIK }] });
      assert.equal(exitCodeOf(summary), 1);
      assert.deepEqual(
        summary.failures.map((f) => [f.accessionNumber, f.stage, f.code]).sort(),
        [
          [acc('u0'), 'fetch', 'EDGAR_NOT_FOUND'],
          [acc('u1'), 'parse', 'BAD_INPUT'],
        ].sort(),
      );
      assert.match(summary.failures.find((f) => f.accessionNumber === acc('u1'))!.reason, /^truncated-submission: /);
      assert.equal(await h2.deps.store.countLetters(), 4);
      const failed = await h2.deps.store.getFiling(acc('u1'));
      assert.equal(failed?.state, 'failed');
      assert.equal(failed?.failedStage, 'parse');

      const from = h2.client.requests.length;
      const again = await runBackfill(h2.deps, { targets: [{ kind: 'cik', value: CIK }] });
      // u0 is fetched again (it failed at fetch); u1 is parsed again from the archive, not fetched.
      assert.deepEqual(archivesRequests(h2, from), [endpoints.submissionText(CIK, acc('u0'))]);
      assert.equal(again.failures.length, 2);
    } finally {
      await h2.close();
    }
  });

  it('stores a letter of other file numbers when a later target of the same run is its CIK, fetching it once', async () => {
    const h4 = await openHarness();
    try {
      serveCompany(h4);
      const summary = await runBackfill(h4.deps, {
        targets: [
          { kind: 'file-number', value: FN },
          { kind: 'cik', value: CIK },
        ],
      });
      assert.equal(summary.letters, 6);
      assert.equal(summary.counts.stored, 6);
      assert.equal(summary.counts['not-attributed'], 0);
      assert.equal(archivesRequests(h4).length, 6);
      assert.equal(await h4.deps.store.countLetters(), 6);
    } finally {
      await h4.close();
    }
  });

  it('runs refs listed elsewhere (a crawl) through fetch and parse, storing every letter', async () => {
    const h5 = await openHarness();
    try {
      serveCompany(h5);
      const found = await discoverTarget(h5.deps, { target: { kind: 'cik', value: CIK } });
      const summary = await runFilings(h5.deps, found.refs.slice(0, 2));
      assert.equal(summary.counts.stored, 2);
      assert.equal(summary.fetched, 2);
      assert.deepEqual(summary.targets, []);
    } finally {
      await h5.close();
    }
  });

  it('after an interruption fetches only what neither the store nor the archive has', async () => {
    const h3 = await openHarness();
    try {
      serveCompany(h3);
      await discoverTarget(h3.deps, { target: { kind: 'cik', value: CIK } });
      // As if killed: two filings archived (one also recorded fetched), one stored.
      await fetchFiling(h3.deps, { accessionNumber: acc('u1'), cik: CIK });
      await h3.deps.archive.put(acc('c1'), Buffer.from(standInSubmission(letters.c1!)));
      await fetchFiling(h3.deps, { accessionNumber: acc('u2'), cik: CIK });
      await parseFiling(h3.deps, { accessionNumber: acc('u2') });
      const from = h3.client.requests.length;
      const summary = await runBackfill(h3.deps, { targets: [{ kind: 'cik', value: CIK }] });
      assert.deepEqual(
        archivesRequests(h3, from).sort(),
        ['u0', 'c2', 'c3'].map((k) => endpoints.submissionText(CIK, acc(k))).sort(),
      );
      assert.equal(summary.counts['already-stored'], 1);
      assert.equal(summary.counts.stored, 5);
      assert.equal(await h3.deps.store.countLetters(), 6);
    } finally {
      await h3.close();
    }
  });
});
