import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Letter } from '../../../src/letter/schema.ts';
import { BRIGHTWATER, buildBrightwaterCompanies, buildVnetCompany, VNET_ACCESSIONS } from '../../replica/data/index.ts';
import { openWorkspace, type Workspace } from './support.ts';

const exported = async (ws: Workspace, args: string[] = []): Promise<Letter[]> => {
  const run = await ws.cli(['export', ...args]);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Letter);
};

describe('CIK and ticker backfills against the replica', () => {
  let ws: Workspace;
  before(async () => {
    ws = await openWorkspace([await buildVnetCompany(), ...(await buildBrightwaterCompanies())]);
  });
  after(() => ws.close());

  it('stores every letter of a CIK, whatever file numbers they concern', async () => {
    const run = await ws.cli(['backfill', '0001508475']);
    assert.equal(run.code, 0, run.stderr);
    const letters = Object.entries(VNET_ACCESSIONS)
      .filter(([key]) => key !== 'staffLetter2019')
      .map(([, a]) => a)
      .sort();
    const stored = await exported(ws, ['--cik', '1508475']);
    assert.deepEqual(stored.map((l) => l.accessionNumber).sort(), letters);
    assert.ok(
      stored.some((l) => l.fileNumbers.includes('333-201587')),
      'the "no review" letter of the F-3 is stored',
    );
    const { archives } = ws.requestsSince(0);
    assert.equal(archives.length, letters.length);
  });

  it('resolves a ticker to its CIK and stores its letters with every co-registrant filer and file number', async () => {
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', 'bwtr']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(ws.requestsSince(from).other.some((p) => p.includes('company_tickers.json')));
    const stored = await exported(ws, ['--cik', BRIGHTWATER.cik]);
    const expected = [
      BRIGHTWATER.comment1,
      BRIGHTWATER.response1,
      BRIGHTWATER.comment2,
      BRIGHTWATER.response2,
      BRIGHTWATER.complete,
      BRIGHTWATER.noReview,
      BRIGHTWATER.acceleration,
    ].sort();
    assert.deepEqual(stored.map((l) => l.accessionNumber).sort(), expected);
    const noReview = stored.find((l) => l.accessionNumber === BRIGHTWATER.noReview)!;
    assert.deepEqual(noReview.filers.map((f) => f.cik).sort(), [BRIGHTWATER.cik, BRIGHTWATER.coRegistrantCik].sort());
    assert.ok(noReview.fileNumbers.includes(BRIGHTWATER.shelfFileNumber));
    assert.ok(noReview.fileNumbers.includes(BRIGHTWATER.coRegistrantShelfFileNumber));
    const comment1 = stored.find((l) => l.accessionNumber === BRIGHTWATER.comment1)!;
    assert.equal(comment1.referenceAccession, BRIGHTWATER.tenK);
    assert.deepEqual(comment1.fileNumbers, [BRIGHTWATER.fileNumber]);
  });

  it('backfills a co-registrant file number through the co-registrant CIK, fetching nothing already archived', async () => {
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', BRIGHTWATER.coRegistrantShelfFileNumber]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(ws.requestsSince(from).archives, []);
    const stored = await exported(ws, ['--file-number', BRIGHTWATER.coRegistrantShelfFileNumber]);
    assert.deepEqual(
      stored.map((l) => l.accessionNumber).sort(),
      [BRIGHTWATER.noReview, BRIGHTWATER.acceleration].sort(),
    );
  });

  it('fails an unknown ticker with a reason, exit code 1, and still backfills the other targets', async () => {
    const run = await ws.cli(['backfill', 'NOSUCH', '1508475']);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /target ticker:NOSUCH FAILED EDGAR_NOT_FOUND: ticker NOSUCH is not listed in company_tickers\.json/,
    );
    assert.match(run.stderr, /15 letters listed, 0 stored, 15 already stored, 0 failed/);
  });

  it('stayed within the fair-access limit: the replica refused no request', () => {
    assert.deepEqual(ws.refused(), []);
  });
});
