import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FsRawArchive } from '../../../src/archive/fs-raw-archive.ts';
import { BRIGHTWATER, buildBrightwaterCompanies } from '../../replica/data/index.ts';
import type { ReplicaCompany } from '../../replica/dataset.ts';
import { openWorkspace, type Workspace } from './support.ts';

const MIB = 1024 * 1024;
const txt = (accession: string) => `${accession}.txt`;
/** The filing's failure line, as the summary prints it. */
const failureLine = (accession: string, stage: string, code: string, reason: string) =>
  new RegExp(`${accession} \\S+ \\S+ at ${stage}: ${code} ${reason}`);

describe('hostile responses: bombs and dripping bodies fail with their reason, the run goes on', () => {
  let companies: ReplicaCompany[];
  before(async () => {
    companies = await buildBrightwaterCompanies();
  });

  describe('submission bombs', () => {
    let ws: Workspace;
    before(async () => {
      ws = await openWorkspace(companies);
    });
    after(() => ws.close());

    it('a gzip or deflate submission inflating past 160 MiB fails once at fetch as BAD_INPUT oversize, and is never asked for again', async () => {
      ws.replica.injectFault({ path: txt(BRIGHTWATER.comment1), kind: 'gzip-bomb', inflatedBytes: 170 * MIB });
      ws.replica.injectFault({ path: txt(BRIGHTWATER.response1), kind: 'deflate-bomb', inflatedBytes: 170 * MIB });
      const first = await ws.cli(['backfill', BRIGHTWATER.cik]);
      assert.equal(first.code, 1, first.stderr);
      for (const accession of [BRIGHTWATER.comment1, BRIGHTWATER.response1]) {
        assert.match(first.stderr, failureLine(accession, 'fetch', 'BAD_INPUT', 'oversize'));
        const asked = ws.requestsSince(0).archives.filter((p) => p.includes(txt(accession)));
        assert.equal(asked.length, 1, `${accession} asked for once, not retried`);
      }
      assert.match(first.stderr, / 5 stored/);
      const archive = await FsRawArchive.open(ws.env.ARCHIVE_DIR!);
      assert.equal(await archive.lookup(BRIGHTWATER.comment1), null);

      const from = ws.replica.log.length;
      const again = await ws.cli(['backfill', BRIGHTWATER.cik]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, failureLine(BRIGHTWATER.comment1, 'fetch', 'BAD_INPUT', 'oversize'));
      assert.deepEqual(ws.requestsSince(from).archives, [], 'nothing fetched again');
    });
  });

  describe('listings over EDGAR_MAX_RESPONSE_BYTES', () => {
    let ws: Workspace;
    before(async () => {
      ws = await openWorkspace(companies);
    });
    after(() => ws.close());

    it('a submissions JSON that inflates past the limit fails its target as EDGAR_BAD_RESPONSE, and the next run reads it', async () => {
      ws.replica.injectFault({ path: '/submissions/', kind: 'gzip-bomb', inflatedBytes: 64 * MIB });
      const env = { EDGAR_MAX_RESPONSE_BYTES: String(4 * MIB) };
      const first = await ws.cli(['backfill', BRIGHTWATER.cik], env);
      assert.equal(first.code, 1, first.stderr);
      assert.match(first.stderr, /target \S+ FAILED EDGAR_BAD_RESPONSE: .*over the limit of 4194304 bytes/);
      assert.equal(ws.requestsSince(0).other.filter((p) => p.includes('/submissions/')).length, 1, 'not retried');
      const second = await ws.cli(['backfill', BRIGHTWATER.cik], env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stderr, / 7 stored/);
    });
  });

  describe('a dripping body', () => {
    let ws: Workspace;
    before(async () => {
      ws = await openWorkspace(companies);
    });
    after(() => ws.close());

    it('is cut at EDGAR_RESPONSE_TIMEOUT_MS: the filing fails at fetch as EDGAR_UNAVAILABLE, the next run fetches it', async () => {
      ws.replica.injectFault({ path: txt(BRIGHTWATER.comment1), kind: 'drip-body', delayMs: 100, count: Infinity });
      const env = { EDGAR_RESPONSE_TIMEOUT_MS: '300' };
      const first = await ws.cli(['backfill', BRIGHTWATER.cik], env);
      assert.equal(first.code, 1, first.stderr);
      assert.match(
        first.stderr,
        failureLine(BRIGHTWATER.comment1, 'fetch', 'EDGAR_UNAVAILABLE', '.*no complete response within 300 ms'),
      );
      assert.match(first.stderr, / 6 stored/);
      ws.replica.clearFaults();
      const second = await ws.cli(['backfill', BRIGHTWATER.cik], env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stderr, / 1 stored/);
    });
  });
});
