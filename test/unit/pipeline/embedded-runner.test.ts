import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { discoverTarget } from '../../../src/pipeline/discover-stage.ts';
import { runBackfill, runFilings } from '../../../src/pipeline/embedded-runner.ts';
import { fetchFiling } from '../../../src/pipeline/fetch-stage.ts';
import { parseFiling } from '../../../src/pipeline/parse-stage.ts';
import { exitCodeOf } from '../../../src/pipeline/run-events.ts';
import { endpoints, standInSubmission } from './support/stand-ins.ts';
import { acc, archivesRequests, CIK, FN, letters, withCompany } from './support/stand-in-company.ts';

const FILE_NUMBER = { kind: 'file-number', value: FN } as const;

/** Cuts the last byte off an archive object in place: another size, another sha256. */
async function damageArchiveObject(dir: string, sha256: string): Promise<void> {
  const path = join(dir, 'archive', 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const bytes = await readFile(path);
  await writeFile(path, bytes.subarray(0, bytes.length - 1));
}
const COMPANY = { kind: 'cik', value: CIK } as const;

describe('embedded runner', () => {
  it('backfills a file number: one Archives request per letter, only its letters stored', () =>
    withCompany(async (h) => {
      const events: string[] = [];
      const summary = await runBackfill(h.deps, {
        targets: [FILE_NUMBER],
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
    }));

  it('a second backfill of the file number makes no Archives request and no new letter', () =>
    withCompany(async (h) => {
      await runBackfill(h.deps, { targets: [FILE_NUMBER] });
      const from = h.client.requests.length;
      const summary = await runBackfill(h.deps, { targets: [FILE_NUMBER] });
      assert.equal(archivesRequests(h, from).length, 0);
      assert.equal(summary.fetched, 0);
      assert.equal(summary.counts['already-stored'], 5);
      assert.equal(summary.counts['not-attributed'], 1, 'the letter of other numbers is held again');
      assert.equal(summary.counts.stored, 0);
      assert.equal(await h.deps.store.countLetters(), 5);
    }));

  it('a CIK backfill after a file-number backfill stores the held letter without fetching it', () =>
    withCompany(async (h) => {
      await runBackfill(h.deps, { targets: [FILE_NUMBER] });
      const from = h.client.requests.length;
      const summary = await runBackfill(h.deps, { targets: [COMPANY] });
      assert.equal(archivesRequests(h, from).length, 0);
      assert.equal(summary.counts.stored, 1);
      assert.equal(summary.counts['already-stored'], 5);
      assert.equal(summary.fromArchive, 1);
      assert.equal(await h.deps.store.countLetters(), 6);
    }));

  it('fails a broken filing with its reason, stores the rest, and retries it from the archive next run', () =>
    withCompany(async (h) => {
      h.client.serve(endpoints.submissionText(CIK, acc('u1')), 'BROKEN bytes');
      h.client.routes.delete(endpoints.submissionText(CIK, acc('u0')));
      const summary = await runBackfill(h.deps, { targets: [COMPANY] });
      assert.equal(exitCodeOf(summary), 1);
      assert.deepEqual(
        summary.failures.map((f) => [f.accessionNumber, f.stage, f.code]).sort(),
        [
          [acc('u0'), 'fetch', 'EDGAR_NOT_FOUND'],
          [acc('u1'), 'parse', 'BAD_INPUT'],
        ].sort(),
      );
      assert.match(summary.failures.find((f) => f.accessionNumber === acc('u1'))!.reason, /^truncated-submission: /);
      assert.equal(await h.deps.store.countLetters(), 4);
      const failed = await h.deps.store.getFiling(acc('u1'));
      assert.equal(failed?.state, 'failed');
      assert.equal(failed?.failure?.stage, 'parse');
      assert.equal(failed?.failure?.badInputReason, 'truncated-submission');

      const from = h.client.requests.length;
      const again = await runBackfill(h.deps, { targets: [COMPANY] });
      // u0 is fetched again (it failed at fetch); u1 is parsed again from the archive, not fetched.
      assert.deepEqual(archivesRequests(h, from), [endpoints.submissionText(CIK, acc('u0'))]);
      assert.equal(again.failures.length, 2);
      assert.equal(again.fromArchive, 1);
    }));

  it('a filing whose archive object is damaged fails at parse, and the next run fetches it again', () =>
    withCompany(async (h) => {
      await discoverTarget(h.deps, { target: COMPANY });
      const { sha256 } = await fetchFiling(h.deps, { accessionNumber: acc('u1'), cik: CIK });
      await damageArchiveObject(h.dir, sha256);
      const first = await runBackfill(h.deps, { targets: [COMPANY] });
      assert.deepEqual(
        first.failures.map((f) => [f.accessionNumber, f.stage, f.code]),
        [[acc('u1'), 'parse', 'BAD_INPUT']],
      );
      assert.equal((await h.deps.store.getFiling(acc('u1')))?.failure?.badInputReason, 'archive-damaged');

      const from = h.client.requests.length;
      const again = await runBackfill(h.deps, { targets: [COMPANY] });
      assert.deepEqual(archivesRequests(h, from), [endpoints.submissionText(CIK, acc('u1'))]);
      assert.equal(again.counts.stored, 1);
      assert.equal(again.failures.length, 0);
      assert.equal((await h.deps.store.getFiling(acc('u1')))?.state, 'parsed');
    }));

  it('stores a letter of other file numbers when a later target of the same run is its CIK, fetching it once', () =>
    withCompany(async (h) => {
      const summary = await runBackfill(h.deps, { targets: [FILE_NUMBER, COMPANY] });
      assert.equal(summary.letters, 6);
      assert.equal(summary.counts.stored, 6);
      assert.equal(summary.counts['not-attributed'], 0);
      assert.equal(archivesRequests(h).length, 6);
      assert.equal(await h.deps.store.countLetters(), 6);
    }));

  it('runs refs listed elsewhere (a crawl) through fetch and parse, storing every letter', () =>
    withCompany(async (h) => {
      const found = await discoverTarget(h.deps, { target: COMPANY });
      const summary = await runFilings(h.deps, found.refs.slice(0, 2));
      assert.equal(summary.counts.stored, 2);
      assert.equal(summary.fetched, 2);
      assert.deepEqual(summary.targets, []);
    }));

  it('after an interruption fetches only what neither the store nor the archive has', () =>
    withCompany(async (h) => {
      await discoverTarget(h.deps, { target: COMPANY });
      // As if killed: two filings archived (one also recorded fetched), one stored.
      await fetchFiling(h.deps, { accessionNumber: acc('u1'), cik: CIK });
      await h.deps.archive.put(acc('c1'), Buffer.from(standInSubmission(letters.c1!)));
      await fetchFiling(h.deps, { accessionNumber: acc('u2'), cik: CIK });
      await parseFiling(h.deps, { accessionNumber: acc('u2') });
      const from = h.client.requests.length;
      const summary = await runBackfill(h.deps, { targets: [COMPANY] });
      assert.deepEqual(
        archivesRequests(h, from).sort(),
        ['u0', 'c2', 'c3'].map((k) => endpoints.submissionText(CIK, acc(k))).sort(),
      );
      assert.equal(summary.counts['already-stored'], 1);
      assert.equal(summary.counts.stored, 5);
      assert.equal(await h.deps.store.countLetters(), 6);
    }));
});
