import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CSV_COLUMNS } from '../../../src/cli/csv.ts';
import { normalizeFileNumber } from '../../../src/identifiers.ts';
import { LetterSchema } from '../../../src/letter/schema.ts';
import { buildVnetCompany, VNET_ACCESSIONS, vnetLetterSpecs } from '../../replica/data/index.ts';
import { openWorkspace, type Workspace } from './support.ts';

const FILE_NUMBER = '001-35126';

/** What the fixtures say each 21Vianet letter concerns: the numbers written in its Re: block. */
function lettersNaming(fileNumber: string): string[] {
  return Object.entries(vnetLetterSpecs())
    .filter(([, spec]) => (spec.re?.fileNumbers ?? []).some((n) => normalizeFileNumber(n) === fileNumber))
    .map(([accession]) => accession)
    .sort();
}

describe('backfill of file number 001-35126 (21Vianet) against the replica', () => {
  let ws: Workspace;
  const attributed = lettersNaming(FILE_NUMBER);
  const letters = Object.entries(VNET_ACCESSIONS)
    .filter(([key]) => key !== 'staffLetter2019')
    .map(([, a]) => a);
  const others = letters.filter((a) => !attributed.includes(a));

  before(async () => {
    ws = await openWorkspace([await buildVnetCompany()]);
  });
  after(() => ws.close());

  it('stores exactly the letters attributed to the number, archives the others, skips the SEC STAFF LETTER', async () => {
    assert.ok(attributed.length >= 10 && others.length >= 2, 'the fixture has letters of the number and of others');
    const run = await ws.cli(['backfill', FILE_NUMBER]);
    assert.equal(run.code, 0, run.stderr);
    const exported = await ws.cli(['export']);
    const stored = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { accessionNumber: string; fileNumbers: string[] });
    assert.deepEqual(stored.map((l) => l.accessionNumber).sort(), attributed);
    for (const letter of stored) assert.ok(letter.fileNumbers.includes(FILE_NUMBER), letter.accessionNumber);
    const status = await ws.cli(['status']);
    for (const accession of others) {
      assert.match(
        status.stdout,
        new RegExp(`${accession} \\S+ \\S+ not attributed: concerns [^\\n]*not ${FILE_NUMBER}`),
      );
    }
    assert.match(status.stdout, /skipped 1/);
    assert.match(
      run.stderr,
      new RegExp(
        `${letters.length} letters listed, ${attributed.length} stored, 0 already stored, 0 failed; 1 related forms skipped`,
      ),
    );
  });

  it('made one Archives request per letter and reports the discovery requests of the target', () => {
    const { archives, other } = ws.requestsSince(0);
    assert.equal(archives.length, letters.length);
    assert.equal(new Set(archives).size, letters.length);
    assert.ok(archives.every((p) => p.endsWith('.txt')));
    // browse-edgar by file number, then the submissions JSON of the CIK it resolves to
    assert.equal(other.length, 2);
  });

  it('runs again without any Archives request and without a new letter', async () => {
    const from = ws.replica.log.length;
    const run = await ws.cli(['backfill', FILE_NUMBER]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(ws.requestsSince(from).archives, []);
    assert.match(run.stderr, new RegExp(`${attributed.length} already stored`));
    const exported = await ws.cli(['export']);
    assert.equal(exported.stdout.trim().split('\n').length, attributed.length);
  });

  it('exports JSONL lines that each validate against LetterSchema', async () => {
    const run = await ws.cli(['export', '--format', 'jsonl', '--file-number', '1-35126']);
    assert.equal(run.code, 0);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, attributed.length);
    for (const line of lines) LetterSchema.parse(JSON.parse(line));
  });

  it('exports CSV with exactly the contract columns and one row per letter', async () => {
    const run = await ws.cli(['export', '--format', 'csv', '--cik', '0001508475', '--since', '2013-01-01']);
    assert.equal(run.code, 0);
    const rows = run.stdout.trim().split('\r\n');
    assert.equal(rows[0], CSV_COLUMNS.join(','));
    assert.deepEqual(CSV_COLUMNS, [
      'accessionNumber',
      'form',
      'cik',
      'companyName',
      'filingDate',
      'letterDate',
      'sender',
      'kind',
      'fileNumbers',
      'inResponseTo',
      'items',
      'threadId',
    ]);
    const since2013 = attributed.filter((a) => !a.includes('-11-'));
    assert.equal(rows.length - 1, since2013.length);
    const response = rows.find((r) => r.startsWith(`${VNET_ACCESSIONS.response2013b},`));
    assert.ok(response);
    assert.match(
      response,
      /^0001193125-14-000946,CORRESP,1508475,"21Vianet Group, Inc.",2014-01-03,2014-01-03,company,response,001-35126,2013-12-17,\d+,\S+$/,
    );
  });

  it('shows the review threads of the number and one letter readably', async () => {
    const thread = await ws.cli(['thread', FILE_NUMBER]);
    assert.equal(thread.code, 0);
    assert.match(thread.stdout, new RegExp(VNET_ACCESSIONS.comment2013a));
    assert.match(thread.stdout, new RegExp(`${VNET_ACCESSIONS.response2013b}\\s+answers 2013-12-17`));
    // Each staff comment with its classification and resolution (src/analytics).
    assert.match(thread.stdout, /topics: [a-z_]+.* resolution: (?:addressed|followed_up|reissued|open)\n/);
    const show = await ws.cli(['show', VNET_ACCESSIONS.response2013b]);
    assert.equal(show.code, 0);
    assert.match(show.stdout, /in response to\s+2013-12-17/);
    assert.match(show.stdout, /file numbers\s+001-35126/);
    const missing = await ws.cli(['show', VNET_ACCESSIONS.noReview2015]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /its filing is fetched .*not attributed/);
  });

  it('finds letters by words and by quoted phrase', async () => {
    const run = await ws.cli(['search', '"independent valuation firm"']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, new RegExp(VNET_ACCESSIONS.response2013a));
  });

  it('reparses every stored letter from the archive without any EDGAR request', async () => {
    const from = ws.replica.log.length;
    // No User-Agent and an unreachable EDGAR: reparse must not need either.
    const run = await ws.cli(['reparse'], {
      EDGAR_USER_AGENT: '',
      EDGAR_WWW_URL: 'http://127.0.0.1:9',
      EDGAR_DATA_URL: 'http://127.0.0.1:9',
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(ws.replica.log.length, from);
    assert.match(
      run.stderr,
      new RegExp(`reparse: ${attributed.length} filings, \\d+ updated, \\d+ unchanged, 0 newly stored, 0 failed`),
    );
    const exported = await ws.cli(['export']);
    assert.equal(exported.stdout.trim().split('\n').length, attributed.length);
  });

  it('stayed within the fair-access limit: the replica refused no request', () => {
    assert.deepEqual(ws.refused(), []);
  });
});
