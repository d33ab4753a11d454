import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BRIGHTWATER, buildBrightwaterCompanies } from '../../replica/data/index.ts';
import { openWorkspace, type Workspace } from './support.ts';

/**
 * A --since backfill whose letters review a filing listed only on an older submissions page: with 9 recent rows,
 * Brightwater's 10-K of 2024-03-12 (the filing its 2024-11 review names) and its 10-Q sit on
 * CIK0001961238-submissions-001.json (2024-03-12 .. 2024-08-06), before the --since date.
 */
describe('a --since backfill resolves the reviewed filing from an older submissions page', () => {
  let ws: Workspace;
  before(async () => {
    ws = await openWorkspace(await buildBrightwaterCompanies(), { recentLimit: 9 });
  });
  after(() => ws.close());

  it('reads the page and gives the review its 10-K accession', async () => {
    const run = await ws.cli(['backfill', BRIGHTWATER.cik, '--since', '2024-11-01']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(
      ws.requestsSince(0).other.some((p) => p.endsWith(`/submissions/CIK000${BRIGHTWATER.cik}-submissions-001.json`)),
      'the overflow page is read',
    );
    const exported = await ws.cli(['export', '--table', 'conversations', '--cik', BRIGHTWATER.cik]);
    assert.equal(exported.code, 0, exported.stderr);
    const rows = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reviewedFiling: { form: string; accessionNumber: string | null } | null });
    const review = rows.find((r) => r.reviewedFiling?.form === '10-K');
    assert.ok(review, `a review of the 10-K among ${exported.stdout}`);
    assert.equal(review.reviewedFiling!.accessionNumber, BRIGHTWATER.tenK);
    assert.deepEqual(ws.refused(), []);
  });
});

/**
 * A listing that does not hold the reviewed filing at all (as for a filing older than every page read): the staff
 * letters' SGML header (PUBLIC REFERENCE ACCESSION NUMBER) still names it.
 */
describe("a review whose filing no listing holds takes its accession from the staff letters' header", () => {
  let ws: Workspace;
  before(async () => {
    const companies = (await buildBrightwaterCompanies()).map((c) => ({
      ...c,
      filings: c.filings.filter((f) => f.accessionNumber !== BRIGHTWATER.tenK),
    }));
    ws = await openWorkspace(companies);
  });
  after(() => ws.close());

  it('gives the review the accession the header names', async () => {
    const run = await ws.cli(['backfill', BRIGHTWATER.cik]);
    assert.equal(run.code, 0, run.stderr);
    const exported = await ws.cli(['export', '--table', 'conversations', '--cik', BRIGHTWATER.cik]);
    assert.equal(exported.code, 0, exported.stderr);
    const review = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reviewedFiling: { form: string; accessionNumber: string | null } | null })
      .find((r) => r.reviewedFiling?.form === '10-K');
    assert.ok(review, `a review of the 10-K among ${exported.stdout}`);
    assert.equal(review.reviewedFiling!.accessionNumber, BRIGHTWATER.tenK);
  });
});
