/**
 * A file-number backfill through each route against the replica: browse-edgar alone when it answers; full-text
 * search when browse-edgar answers 500, an empty feed or garbage; both asked when browse-edgar names a company
 * that does not file under the number (they disagree), with full-text search paged. The summary says which.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildUnderwriterCompany,
  buildVnetCompany,
  UNDERWRITER,
  VNET,
  VNET_ACCESSIONS,
} from '../../replica/data/index.ts';
import type { ReplicaCompany } from '../../replica/dataset.ts';
import { openWorkspace, type Workspace } from './support.ts';

const FN = VNET.fileNumber;
const BROWSE = `filenum=${FN}`;
const SEARCH = '/LATEST/search-index';

async function storedAccessions(ws: Workspace): Promise<string[]> {
  const exported = await ws.cli(['export']);
  return exported.stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { accessionNumber: string }).accessionNumber);
}

let companies: ReplicaCompany[];
before(async () => {
  companies = [await buildVnetCompany(), await buildUnderwriterCompany()];
});

describe('file number routes: browse-edgar, then full-text search when it gives nothing usable', () => {
  let ws: Workspace;
  before(async () => {
    ws = await openWorkspace(companies);
  });
  after(() => ws.close());

  it('uses browse-edgar alone when it answers, and says so', async () => {
    const run = await ws.cli(['backfill', FN]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`file number ${FN}: resolved by browse-edgar \\(CIK ${VNET.cik}\\)\\n`));
    assert.doesNotMatch(run.stderr, /routes disagree|found only by/);
    const { other } = ws.requestsSince(0);
    assert.deepEqual(
      other.filter((p) => p.startsWith(SEARCH)),
      [],
    );
    assert.ok(!(await storedAccessions(ws)).includes(UNDERWRITER.letter));
  });

  it('falls back on full-text search when browse-edgar answers 500, and stores the letter only its text names', async () => {
    const from = ws.replica.log.length;
    ws.replica.injectFault({ path: BROWSE, kind: '500', count: Infinity });
    const run = await ws.cli(['backfill', FN]);
    ws.replica.clearFaults();
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `file number ${FN}: resolved by full-text search \\(CIK ${VNET.cik}\\); browse-edgar: EDGAR_UNAVAILABLE[^;\\n]*500[^;\\n]*; 1 letter found only by its text\\n`,
      ),
    );
    const searches = ws.requestsSince(from).other.filter((p) => p.startsWith(SEARCH));
    assert.deepEqual(searches, [`${SEARCH}?q=%22${FN}%22`, `${SEARCH}?q=%22${FN}%22&forms=CORRESP%2CUPLOAD`]);
    // The underwriter's letter cites the number in its Re: block: attributed and stored, fetched from its folder.
    assert.ok((await storedAccessions(ws)).includes(UNDERWRITER.letter));
    assert.ok(ws.requestsSince(from).archives.some((p) => p.includes(`/data/${UNDERWRITER.cik}/`)));
    assert.match(run.stderr, /1 stored, \d+ already stored, 0 failed/);
  });

  for (const kind of ['empty-feed', 'garbage'] as const) {
    it(`falls back on full-text search when browse-edgar answers ${kind === 'garbage' ? 'garbage' : 'an empty feed'}`, async () => {
      ws.replica.injectFault({ path: BROWSE, kind, count: Infinity });
      const run = await ws.cli(['backfill', FN]);
      ws.replica.clearFaults();
      assert.equal(run.code, 0, run.stderr);
      assert.match(
        run.stderr,
        new RegExp(
          `file number ${FN}: resolved by full-text search \\(CIK ${VNET.cik}\\); browse-edgar: its answer names no company`,
        ),
      );
    });
  }

  it('fails the target naming both routes when neither knows the number', async () => {
    const run = await ws.cli(['backfill', '001-99999']);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /target file-number:001-99999 FAILED EDGAR_NOT_FOUND: no company files under file number 001-99999 \(browse-edgar: [^;]+; full-text search: [^)]+\)/,
    );
  });

  it('stayed within the fair-access limit: the replica refused no request', () => {
    assert.deepEqual(ws.refused(), []);
  });
});

describe('file number routes: browse-edgar names a company that does not file under the number', () => {
  let ws: Workspace;
  before(async () => {
    // A stale browse-edgar index naming the underwriter; full-text search pages of 4 hits.
    ws = await openWorkspace(companies, { fileNumberCiks: { [FN]: [UNDERWRITER.cik] }, eftsPageSize: 4 });
  });
  after(() => ws.close());

  it('asks full-text search, lists the company it names, and says where the routes disagree', async () => {
    const run = await ws.cli(['backfill', FN]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `file number ${FN}: resolved by full-text search \\(CIK ${VNET.cik}\\); browse-edgar: no CIK it names has a filing carrying the number; 1 letter found only by its text\\n`,
      ),
    );
    assert.match(
      run.stderr,
      new RegExp(
        `file number ${FN}: the routes disagree: CIK ${UNDERWRITER.cik} only by browse-edgar, CIK ${VNET.cik} only by full-text search\\n`,
      ),
    );
    const stored = await storedAccessions(ws);
    assert.ok(stored.includes(VNET_ACCESSIONS.response2013b));
    // The wrong company's listing is dropped: its letter comes back through its text, and cites the number.
    assert.ok(stored.includes(UNDERWRITER.letter));
  });

  it('followed every page of full-text search', async () => {
    const searches = ws.requestsSince(0).other.filter((p) => p.startsWith(SEARCH));
    const pagesAsked = (forms: boolean) =>
      searches
        .filter((p) => p.includes('forms=') === forms)
        .map((p) => Number(new URL(p, ws.replica.url).searchParams.get('from') ?? 0));
    // What the replica counts for each query, asked once more here (after the run, outside its figures).
    const total = async (query: string) => {
      const response = await fetch(`${ws.replica.bases.eftsUrl}/search-index?${query}`, {
        headers: { 'user-agent': ws.env['EDGAR_USER_AGENT']! },
      });
      return ((await response.json()) as { hits: { total: { value: number } } }).hits.total.value;
    };
    const q = `q=${encodeURIComponent(`"${FN}"`)}`;
    for (const [forms, query] of [
      [false, q],
      [true, `${q}&forms=CORRESP,UPLOAD`],
    ] as const) {
      const hits = await total(query);
      const pages = Math.ceil(hits / 4);
      assert.ok(pages >= 2, `${query}: ${hits} hits make several pages`);
      assert.deepEqual(
        pagesAsked(forms),
        Array.from({ length: pages }, (_, i) => i * 4),
      );
    }
  });

  it('stayed within the fair-access limit: the replica refused no request', () => {
    assert.deepEqual(ws.refused(), []);
  });
});
