import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EdgarNotFoundError } from '../../../src/errors.ts';
import { discoverTarget } from '../../../src/pipeline/discover-stage.ts';
import { fetchFiling } from '../../../src/pipeline/fetch-stage.ts';
import { attributeUnnumbered, parseFiling } from '../../../src/pipeline/parse-stage.ts';
import { eftsAnswer, eftsHit } from '../../fixtures/efts.ts';
import { endpoints, openHarness, type Harness } from './support/stand-ins.ts';
import { acc, archivesRequests, CIK, FN, OTHER_CIK, serveCompany, withCompany } from './support/stand-in-company.ts';

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

  it('reads no overflow page that lies outside --since/--until, widened back by the reviewed-filing lookback', async () => {
    const before = h.client.requests.length;
    // 2014-03-01 less 400 days is 2013-01-25: the page (2011-01-01 .. 2012-12-31) lies before it.
    const found = await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK }, since: '2014-03-01' });
    assert.deepEqual(h.client.requests.slice(before), [endpoints.submissions(CIK)]);
    assert.deepEqual(found.refs, []);
  });

  it('reads the older page a --since run needs for the filing its letters review, without listing its letters', async () => {
    const before = h.client.requests.length;
    // 2013-12-01 less 400 days is 2012-10-27: the page ending 2012-12-31 may hold the filing a December letter reviews.
    const found = await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK }, since: '2013-12-01' });
    assert.deepEqual(h.client.requests.slice(before), [
      endpoints.submissions(CIK),
      endpoints.submissionsPage(`CIK000${CIK}-submissions-001.json`),
    ]);
    // The page's letter (u0, 2012) stays outside the window; its 20-F becomes a listed filing.
    assert.deepEqual(
      found.refs.map((r) => r.accessionNumber),
      ['u1', 'c1', 'c2', 'u2', 'c3'].map(acc),
    );
    const listed = await h.deps.store.listListedFilings({ cik: CIK });
    assert.ok(listed.some((f) => f.accessionNumber === '0001999001-12-000010' && f.form === '20-F'));
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

  it('asks full-text search when browse-edgar names nothing, and lists a letter only its text names', async () => {
    const fn = '001-35127';
    h.client.serve(endpoints.browseByFileNumber(fn), '<html><body>No matching file number</body></html>');
    const filing = eftsHit({ adsh: '0001999001-15-000009', ciks: [CIK], form: '10-K', fileDate: '2015-03-01' });
    const cited = { ...filing, _source: { ...filing._source, file_num: [fn] } };
    const letter = eftsHit({
      adsh: '0001777777-15-000001',
      ciks: ['1777777'],
      form: 'CORRESP',
      fileDate: '2015-04-01',
    });
    h.client.serve(endpoints.fileNumberSearch(fn), eftsAnswer({ q: fn, hits: [cited] }));
    h.client.serve(
      endpoints.fileNumberSearch(fn, { forms: ['CORRESP', 'UPLOAD'] }),
      eftsAnswer({ q: fn, hits: [letter] }),
    );
    const found = await discoverTarget(h.deps, { target: { kind: 'file-number', value: fn } });
    // The stand-in listing carries 001-35126 only: CIK named by full-text search, kept unconfirmed.
    assert.deepEqual(found.ciks, [CIK]);
    assert.equal(found.resolution?.route, 'full-text-search');
    assert.deepEqual(found.resolution?.fullTextSearch?.ciks, [CIK]);
    assert.equal(found.resolution?.textOnlyLetters, 1);
    assert.ok(found.refs.some((r) => r.accessionNumber === '0001777777-15-000001' && r.cik === '1777777'));
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
  /** A fresh company with these letters fetched (archived, recorded fetched). */
  const fetched = (keys: readonly string[], work: (h: Harness) => Promise<void>) =>
    withCompany(async (h) => {
      await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK } });
      for (const key of keys) await fetchFiling(h.deps, { accessionNumber: acc(key), cik: CIK });
      await work(h);
    });

  it('fetches a filing with one request and never again once archived, even with a new store', () =>
    withCompany(async (h) => {
      await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK } });
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
    }));

  it('refuses to archive an HTML page served instead of the submission', () =>
    withCompany(async (h) => {
      await discoverTarget(h.deps, { target: { kind: 'cik', value: CIK } });
      h.client.serve(endpoints.submissionText(CIK, acc('c2')), '<!DOCTYPE html><html><body>Oops</body></html>');
      await assert.rejects(fetchFiling(h.deps, { accessionNumber: acc('c2'), cik: CIK }), /HTML page instead/);
      assert.equal(await h.deps.archive.lookup(acc('c2')), null);
    }));

  it('stores a letter of the backfilled file number, holds one of other numbers and one with none', () =>
    fetched(['u2', 'c2', 'c3'], async (h) => {
      const scope = { fileNumbers: [FN] };
      const stored = await parseFiling(h.deps, { accessionNumber: acc('u2'), scope });
      assert.equal(stored.outcome, 'stored');
      assert.equal(stored.upsert, 'inserted');
      assert.equal(stored.hold, null);
      const other = await parseFiling(h.deps, { accessionNumber: acc('c2'), scope });
      assert.equal(other.outcome, 'not-attributed');
      const filing = await h.deps.store.getFiling(acc('c2'));
      assert.equal(filing?.state, 'fetched');
      assert.deepEqual(filing?.hold, {
        reason: 'not-attributed',
        fileNumbers: ['333-199812'],
        parserVersion: 'test-1',
      });
      assert.match(filing?.note ?? '', /concerns 333-199812, not 001-35126/);
      assert.equal(await h.deps.store.getLetter(acc('c2')), null);
      const none = await parseFiling(h.deps, { accessionNumber: acc('c3'), scope });
      assert.equal(none.outcome, 'unnumbered');
      assert.deepEqual((await h.deps.store.getFiling(acc('c3')))?.hold?.fileNumbers, []);
    }));

  it('ties a held letter without file number to the number through the comment letter it answers', () =>
    fetched(['u2', 'c3'], async (h) => {
      const scope = { fileNumbers: [FN] };
      await parseFiling(h.deps, { accessionNumber: acc('u2'), scope });
      await parseFiling(h.deps, { accessionNumber: acc('c3'), scope });
      const linked = await attributeUnnumbered(h.deps, { fileNumber: FN, ciks: [CIK] });
      assert.deepEqual(linked, [acc('c3')]);
      const letter = await h.deps.store.getLetter(acc('c3'));
      assert.deepEqual(letter?.fileNumbers, [FN]);
      assert.ok(letter?.warnings.some((w) => w.includes(`it answers ${acc('u2')}`)));
      assert.deepEqual(await h.deps.store.listInferredFileNumbers(acc('c3')), [
        { fileNumber: FN, via: acc('u2'), relation: 'answers' },
      ]);
      assert.equal((await h.deps.store.getFiling(acc('c3')))?.hold, null);
    }));

  it('stores every letter when the scope is a CIK or ticker, a held one included', () =>
    fetched(['c2'], async (h) => {
      await parseFiling(h.deps, { accessionNumber: acc('c2'), scope: { fileNumbers: [FN] } });
      const result = await parseFiling(h.deps, { accessionNumber: acc('c2'), scope: null });
      assert.equal(result.outcome, 'stored');
      assert.equal((await h.deps.store.getFiling(acc('c2')))?.state, 'parsed');
    }));

  it('keeps the listing of the company: its filings with a file number or of a reviewed form', () =>
    fetched([], async (h) => {
      const listed = await h.deps.store.listListedFilings({ cik: CIK });
      assert.deepEqual(
        listed.map((f) => [f.accessionNumber, f.form, f.fileNumbers]),
        [
          ['0001999001-12-000010', '20-F', [FN]],
          ['0001999001-13-000050', '20-F', [FN]],
        ],
      );
      assert.deepEqual(await h.deps.store.listListedFilings({ cik: OTHER_CIK }), []);
    }));
});
