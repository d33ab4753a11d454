import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FsRawArchive } from '../../../src/archive/fs-raw-archive.ts';
import type { Letter } from '../../../src/letter/schema.ts';
import type { ReplicaCompany, ReplicaFiling } from '../../replica/dataset.ts';
import { BAD_INPUT_COMPANY, buildBadInputCompany } from '../../replica/data/index.ts';
import { buildBadInputs, buildHugeSubmission, type BadInputFixture } from '../../fixtures/render/index.ts';
import { openWorkspace, type CliRun, type Workspace } from './support.ts';

/** The 200 MiB CORRESP, streamed by the replica (never held whole), listed with the company's other letters. */
function hugeFiling(): ReplicaFiling {
  const huge = buildHugeSubmission();
  return {
    accessionNumber: huge.accessionNumber,
    form: 'CORRESP',
    filingDate: '2015-07-01',
    reportDate: '',
    acceptanceDateTime: '2015-07-01T10:12:44-04:00',
    disseminationDate: BAD_INPUT_COMPANY.disseminationDate,
    listedFileNumber: '',
    primaryDocument: 'filename1.htm',
    primaryDocDescription: '',
    coRegistrantCiks: [],
    submissionText: new Uint8Array(0),
    submissionStream: { size: huge.size, chunks: () => huge.chunks() },
    documents: [],
  };
}

describe('bad input: each bad filing fails or warns with its reason, every other letter is stored', () => {
  let ws: Workspace;
  let backfill: CliRun;
  let status: CliRun;
  let fixtures: Map<string, BadInputFixture>;
  const huge = buildHugeSubmission();

  before(async () => {
    const company: ReplicaCompany = await buildBadInputCompany();
    fixtures = new Map((await buildBadInputs()).map((f) => [f.name, f]));
    ws = await openWorkspace([{ ...company, filings: [...company.filings, hugeFiling()] }]);
    backfill = await ws.cli(['backfill', BAD_INPUT_COMPANY.cik]);
    status = await ws.cli(['status']);
  });
  after(() => ws.close());

  /** The filing's failure line, as the summary and `status` both print it. */
  const failureLine = (accession: string, stage: string, reason: string) =>
    new RegExp(`${accession} \\S+ \\S+ at ${stage}: BAD_INPUT ${reason}: \\S`);

  const failsWith = (name: string, reason: string) => () => {
    const fixture = fixtures.get(name);
    assert.ok(fixture, `fixture ${name}`);
    assert.match(backfill.stderr, failureLine(fixture.accessionNumber, 'parse', reason));
    assert.match(status.stdout, failureLine(fixture.accessionNumber, 'parse', reason));
    assert.match(
      status.stdout,
      new RegExp(`${fixture.accessionNumber} .*\\(the next backfill parses it again from the archive\\)$`, 'm'),
    );
  };

  it('a truncated .txt fails with "truncated-submission"', failsWith('truncated', 'truncated-submission'));
  it('a missing header fails with "missing-header"', failsWith('missing-header', 'missing-header'));
  it('broken uuencode fails with "broken-uuencode"', failsWith('broken-uuencode', 'broken-uuencode'));
  it('a corrupt PDF fails with "corrupt-pdf"', failsWith('corrupt-pdf', 'corrupt-pdf'));
  it('an encrypted PDF fails with "encrypted-pdf"', failsWith('encrypted-pdf', 'encrypted-pdf'));
  it('an empty document fails with "empty-document"', failsWith('empty-document', 'empty-document'));

  it('a 200 MB document fails at fetch as "oversize", is not downloaded nor archived, and is not asked for again', async () => {
    assert.match(backfill.stderr, failureLine(huge.accessionNumber, 'fetch', 'oversize'));
    assert.match(status.stdout, failureLine(huge.accessionNumber, 'fetch', 'oversize'));
    assert.match(
      status.stdout,
      new RegExp(`${huge.accessionNumber} .*\\(failed for good: the same bytes would fail again\\)$`, 'm'),
    );
    const archive = await FsRawArchive.open(ws.env.ARCHIVE_DIR!);
    assert.equal(await archive.lookup(huge.accessionNumber), null);
    const from = ws.replica.log.length;
    const again = await ws.cli(['backfill', BAD_INPUT_COMPANY.cik]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, failureLine(huge.accessionNumber, 'fetch', 'oversize'));
    assert.ok(!ws.requestsSince(from).archives.some((p) => p.includes(huge.accessionNumber)));
  });

  it('a windows-1252 letter is stored with its accents and quotes decoded', async () => {
    const fixture = fixtures.get('windows-1252')!;
    const run = await ws.cli(['export', '--cik', BAD_INPUT_COMPANY.cik]);
    const letter = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Letter)
      .find((l) => l.accessionNumber === fixture.accessionNumber);
    assert.ok(letter, 'stored');
    assert.match(letter.text, /Société Rivière Holdings/);
    assert.match(letter.text, /the “Company”/);
    assert.doesNotMatch(letter.text, /\uFFFD|Ã©/);
    assert.deepEqual(letter.fileNumbers, ['000-50412']);
  });

  it('exits 1 naming every failed filing, and stores every other letter', async () => {
    assert.equal(backfill.code, 1);
    const failed = [...fixtures.values()].filter((f) => f.name !== 'windows-1252').length + 1;
    assert.match(backfill.stderr, new RegExp(`${failed} failed`));
    assert.match(status.stdout, new RegExp(`failed ${failed}`));
    const stored = (await ws.cli(['export', '--cik', BAD_INPUT_COMPANY.cik])).stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as Letter).accessionNumber)
      .sort();
    assert.deepEqual(
      stored,
      [
        BAD_INPUT_COMPANY.goodUpload,
        BAD_INPUT_COMPANY.goodCorresp,
        fixtures.get('windows-1252')!.accessionNumber,
      ].sort(),
    );
  });

  it('stayed within the fair-access limit: the replica refused no request', () => {
    assert.deepEqual(ws.refused(), []);
  });
});
