/** Contract: per-filing processing state (discovered -> fetched -> parsed, failed, skipped), holds, checkpoints. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FilingFailure, Hold } from '../../src/filing/filing-record.ts';
import { UnknownFilingError } from '../../src/store/store-errors.ts';
import { accessionFor, makeFilingRef, makeLetter, refForLetter } from '../fixtures/letters.ts';
import { withStore, type DocumentStoreHarness } from './harness.ts';

const ARCHIVE = { sha256: 'a'.repeat(64), bytes: 48_211 };
const CORRUPT_PDF: FilingFailure = {
  stage: 'parse',
  code: 'BAD_INPUT',
  reason: 'corrupt-pdf: no xref table',
  badInputReason: 'corrupt-pdf',
};
const HOLD: Hold = { reason: 'not-attributed', fileNumbers: ['333-199812', '333-199812-01'], parserVersion: 'p-1' };

export function filingStateContract(harness: DocumentStoreHarness): void {
  describe('filing states', () => {
    it('recordDiscovered counts only the filings it has not seen before', () =>
      withStore(harness, async ({ store }) => {
        const refs = [1, 2, 3].map((n) => makeFilingRef({ accessionNumber: accessionFor(n) }));
        assert.equal(await store.recordDiscovered(refs), 3);
        const again = [2, 3, 4].map((n) => makeFilingRef({ accessionNumber: accessionFor(n) }));
        assert.equal(await store.recordDiscovered(again), 1);
        assert.equal(await store.recordDiscovered([]), 0);
        assert.deepEqual(await store.countFilingsByState(), {
          discovered: 4,
          fetched: 0,
          parsed: 0,
          failed: 0,
          skipped: 0,
        });
      }));

    it('rediscovering a filing keeps its state and fills in what the first listing lacked', () =>
      withStore(harness, async ({ store }) => {
        const bare = makeFilingRef({ acceptanceDateTime: null, fileNumber: null });
        await store.recordDiscovered([bare]);
        await store.recordFetched(bare.accessionNumber, ARCHIVE);
        const richer = makeFilingRef({ acceptanceDateTime: '2014-01-03T06:15:34-05:00', fileNumber: '001-35126' });
        assert.equal(await store.recordDiscovered([richer]), 0);
        const filing = await store.getFiling(bare.accessionNumber);
        assert.equal(filing?.state, 'fetched');
        assert.equal(filing?.acceptanceDateTime, '2014-01-03T06:15:34-05:00');
        assert.equal(filing?.listedFileNumber, '001-35126');
      }));

    it('a filing moves from discovered to fetched to parsed, keeping its archive and parser version', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter({ parserVersion: 'p-7' });
        await store.recordDiscovered([refForLetter(letter)]);
        const discovered = await store.getFiling(letter.accessionNumber);
        assert.equal(discovered?.state, 'discovered');
        assert.equal(discovered?.archiveSha256, null);
        assert.ok(discovered && !Number.isNaN(Date.parse(discovered.updatedAt)));

        await store.recordFetched(letter.accessionNumber, ARCHIVE);
        const fetched = await store.getFiling(letter.accessionNumber);
        assert.equal(fetched?.state, 'fetched');
        assert.equal(fetched?.archiveSha256, ARCHIVE.sha256);
        assert.equal(fetched?.archiveBytes, ARCHIVE.bytes);

        await store.upsertLetter(letter);
        const parsed = await store.getFiling(letter.accessionNumber);
        assert.equal(parsed?.state, 'parsed');
        assert.equal(parsed?.parserVersion, 'p-7');
        assert.equal(parsed?.archiveSha256, ARCHIVE.sha256);
        assert.equal(parsed?.cik, letter.cik);
        assert.equal(parsed?.form, 'CORRESP');
        assert.equal(parsed?.filingDate, letter.filingDate);
      }));

    it('a parsed filing is never moved back by a later discovery, fetch or fetch failure', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.recordDiscovered([refForLetter(letter)]);
        await store.recordFetched(letter.accessionNumber, ARCHIVE);
        await store.upsertLetter(letter);
        await store.recordDiscovered([refForLetter(letter)]);
        await store.recordFetched(letter.accessionNumber, ARCHIVE);
        await store.recordFailed(letter.accessionNumber, {
          stage: 'fetch',
          code: 'EDGAR_UNAVAILABLE',
          reason: 'EDGAR_UNAVAILABLE: 503',
          badInputReason: null,
        });
        const filing = await store.getFiling(letter.accessionNumber);
        assert.equal(filing?.state, 'parsed');
        assert.equal(filing?.failure, null);
        assert.equal((await store.countFilingsByState()).parsed, 1);
      }));

    it('failures keep their stage, code and reason and are listed by state', () =>
      withStore(harness, async ({ store }) => {
        const refs = [1, 2, 3].map((n) => makeFilingRef({ accessionNumber: accessionFor(n) }));
        await store.recordDiscovered(refs);
        await store.recordFetched(accessionFor(2), ARCHIVE);
        await store.recordFailed(accessionFor(2), {
          stage: 'parse',
          code: 'BAD_INPUT',
          reason: 'truncated-submission: no </DOCUMENT> after <DOCUMENT> 1',
          badInputReason: 'truncated-submission',
        });
        await store.recordFailed(accessionFor(3), {
          stage: 'fetch',
          code: 'EDGAR_NOT_FOUND',
          reason: 'EDGAR_NOT_FOUND: 404',
          badInputReason: null,
        });
        const failed = await store.listFilings({ states: ['failed'] });
        assert.deepEqual(
          failed.map((f) => [f.accessionNumber, f.failure]),
          [
            [
              accessionFor(2),
              {
                stage: 'parse',
                code: 'BAD_INPUT',
                reason: 'truncated-submission: no </DOCUMENT> after <DOCUMENT> 1',
                badInputReason: 'truncated-submission',
              },
            ],
            [
              accessionFor(3),
              { stage: 'fetch', code: 'EDGAR_NOT_FOUND', reason: 'EDGAR_NOT_FOUND: 404', badInputReason: null },
            ],
          ],
        );
        const counts = await store.countFilingsByState();
        assert.equal(counts.failed, 2);
        assert.equal(counts.discovered, 1);
      }));

    it('a later successful parse clears an earlier failure', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.recordDiscovered([refForLetter(letter)]);
        await store.recordFailed(letter.accessionNumber, CORRUPT_PDF);
        await store.upsertLetter(letter);
        const filing = await store.getFiling(letter.accessionNumber);
        assert.equal(filing?.state, 'parsed');
        assert.equal(filing?.failure, null);
        assert.equal((await store.listFilings({ states: ['failed'] })).length, 0);
      }));

    it('a failed reparse of a parsed filing marks it failed and keeps its stored letter', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.upsertLetter(letter);
        await store.recordFailed(letter.accessionNumber, CORRUPT_PDF);
        assert.equal((await store.getFiling(letter.accessionNumber))?.state, 'failed');
        assert.ok(await store.getLetter(letter.accessionNumber));
      }));

    it('the same letter stored again after a failed reparse is unchanged and marks its filing parsed again', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.upsertLetter(letter);
        await store.recordFailed(letter.accessionNumber, CORRUPT_PDF);
        assert.equal(await store.upsertLetter(letter), 'unchanged');
        const filing = await store.getFiling(letter.accessionNumber);
        assert.equal(filing?.state, 'parsed');
        assert.equal(filing?.failure, null);
      }));

    it('storing an unchanged letter again leaves its parsed filing untouched, updatedAt included', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.upsertLetter(letter);
        const before = await store.getFiling(letter.accessionNumber);
        await new Promise((resolve) => setTimeout(resolve, 15));
        assert.equal(await store.upsertLetter(letter), 'unchanged');
        assert.deepEqual(await store.getFiling(letter.accessionNumber), before);
        assert.equal(await store.upsertLetter({ ...letter, parserVersion: 'test-2' }), 'updated');
        assert.equal((await store.getFiling(letter.accessionNumber))?.parserVersion, 'test-2');
      }));

    it('a refetch after a fetch failure clears the failure', () =>
      withStore(harness, async ({ store }) => {
        const ref = makeFilingRef();
        await store.recordDiscovered([ref]);
        await store.recordFailed(ref.accessionNumber, {
          stage: 'fetch',
          code: 'EDGAR_UNAVAILABLE',
          reason: '503',
          badInputReason: null,
        });
        await store.recordFetched(ref.accessionNumber, ARCHIVE);
        const filing = await store.getFiling(ref.accessionNumber);
        assert.equal(filing?.state, 'fetched');
        assert.equal(filing?.failure, null);
      }));

    it('skipped filings keep their reason as a note', () =>
      withStore(harness, async ({ store }) => {
        const ref = makeFilingRef({ form: 'UPLOAD' });
        await store.recordDiscovered([ref]);
        await store.recordFetched(ref.accessionNumber, ARCHIVE);
        await store.recordSkipped(ref.accessionNumber, 'SEC STAFF LETTER is outside the Letter schema');
        const filing = await store.getFiling(ref.accessionNumber);
        assert.equal(filing?.state, 'skipped');
        assert.equal(filing?.note, 'SEC STAFF LETTER is outside the Letter schema');
        assert.equal((await store.countFilingsByState()).skipped, 1);
      }));

    it('a hold keeps a fetched filing fetched, with its reason, file numbers, parser and note; storing its letter clears it', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.recordDiscovered([refForLetter(letter)]);
        await store.recordFetched(letter.accessionNumber, ARCHIVE);
        await store.recordHeld(letter.accessionNumber, HOLD, 'attributed only to 333-199812, not 001-35126');
        const held = await store.getFiling(letter.accessionNumber);
        assert.equal(held?.state, 'fetched');
        assert.deepEqual(held?.hold, HOLD);
        assert.equal(held?.note, 'attributed only to 333-199812, not 001-35126');
        assert.deepEqual((await store.listFilings({ states: ['fetched'] }))[0]?.hold, HOLD);
        await store.upsertLetter(letter);
        const parsed = await store.getFiling(letter.accessionNumber);
        assert.deepEqual([parsed?.state, parsed?.hold, parsed?.note], ['parsed', null, null]);
      }));

    it('an unnumbered hold has no file numbers', () =>
      withStore(harness, async ({ store }) => {
        const ref = makeFilingRef();
        await store.recordDiscovered([ref]);
        await store.recordFetched(ref.accessionNumber, ARCHIVE);
        const hold = { reason: 'unnumbered', fileNumbers: [], parserVersion: 'p-1' } as const;
        await store.recordHeld(ref.accessionNumber, hold, 'unnumbered: no file number');
        assert.deepEqual((await store.getFiling(ref.accessionNumber))?.hold, hold);
      }));

    it('a hold after a failed parse makes the filing fetched again, the failure gone; a parsed filing is not held', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.recordDiscovered([refForLetter(letter)]);
        await store.recordFetched(letter.accessionNumber, ARCHIVE);
        await store.recordFailed(letter.accessionNumber, CORRUPT_PDF);
        await store.recordHeld(letter.accessionNumber, HOLD, 'held');
        const held = await store.getFiling(letter.accessionNumber);
        assert.deepEqual([held?.state, held?.failure, held?.hold], ['fetched', null, HOLD]);
        await store.upsertLetter(letter);
        await store.recordHeld(letter.accessionNumber, HOLD, 'held again');
        const parsed = await store.getFiling(letter.accessionNumber);
        assert.deepEqual([parsed?.state, parsed?.hold, parsed?.note], ['parsed', null, null]);
      }));

    it('a failure replaces a hold, and keeps its bad-input reason', () =>
      withStore(harness, async ({ store }) => {
        const ref = makeFilingRef();
        await store.recordDiscovered([ref]);
        await store.recordFetched(ref.accessionNumber, ARCHIVE);
        await store.recordHeld(ref.accessionNumber, HOLD, 'held');
        await store.recordFailed(ref.accessionNumber, CORRUPT_PDF);
        const failed = await store.getFiling(ref.accessionNumber);
        assert.deepEqual([failed?.state, failed?.hold, failed?.failure], ['failed', null, CORRUPT_PDF]);
      }));

    it('state changes for a filing the store has never seen are refused, naming the accession', () =>
      withStore(harness, async ({ store }) => {
        const unknown = accessionFor(404);
        const named = (error: unknown): boolean =>
          error instanceof UnknownFilingError && error.message.includes(unknown);
        await assert.rejects(store.recordFetched(unknown, ARCHIVE), named);
        await assert.rejects(store.recordFailed(unknown, CORRUPT_PDF), named);
        await assert.rejects(store.recordSkipped(unknown, 'z'), named);
        await assert.rejects(store.recordHeld(unknown, HOLD, 'z'), named);
        assert.equal(await store.getFiling(unknown), null);
      }));

    it('listFilings filters by state, CIK and accession and honours the limit', () =>
      withStore(harness, async ({ store }) => {
        await store.recordDiscovered([
          makeFilingRef({ accessionNumber: accessionFor(1), cik: '111', filingDate: '2014-01-01' }),
          makeFilingRef({ accessionNumber: accessionFor(2), cik: '222', filingDate: '2014-01-02' }),
          makeFilingRef({ accessionNumber: accessionFor(3), cik: '111', filingDate: '2014-01-03' }),
        ]);
        await store.recordFetched(accessionFor(3), ARCHIVE);
        const ids = (records: ReadonlyArray<{ accessionNumber: string }>): string[] =>
          records.map((r) => r.accessionNumber);
        assert.deepEqual(ids(await store.listFilings()), [accessionFor(1), accessionFor(2), accessionFor(3)]);
        assert.deepEqual(ids(await store.listFilings({ cik: '111' })), [accessionFor(1), accessionFor(3)]);
        assert.deepEqual(ids(await store.listFilings({ states: ['fetched'] })), [accessionFor(3)]);
        assert.deepEqual(ids(await store.listFilings({ states: ['discovered', 'fetched'], limit: 2 })), [
          accessionFor(1),
          accessionFor(2),
        ]);
        assert.deepEqual(ids(await store.listFilings({ accessionNumbers: [accessionFor(2), accessionFor(9)] })), [
          accessionFor(2),
        ]);
        assert.deepEqual(await store.listFilings({ accessionNumbers: [] }), []);
      }));

    it('lists by 40,000 accessions in one call (past SQLite 32,766 and PostgreSQL 65,535 bind limits)', () =>
      withStore(harness, async ({ store }) => {
        await store.recordDiscovered([2, 39_999].map((n) => makeFilingRef({ accessionNumber: accessionFor(n) })));
        const asked = Array.from({ length: 40_000 }, (_, n) => accessionFor(n + 1));
        const found = await store.listFilings({ accessionNumbers: asked, states: ['discovered'] });
        assert.deepEqual(
          found.map((r) => r.accessionNumber),
          [accessionFor(2), accessionFor(39_999)],
        );
      }));

    it('listFilings filters by form and by filing date, bounds inclusive, and pages after a filing', () =>
      withStore(harness, async ({ store }) => {
        await store.recordDiscovered([
          makeFilingRef({ accessionNumber: accessionFor(1), form: 'UPLOAD', filingDate: '2014-03-31' }),
          makeFilingRef({ accessionNumber: accessionFor(2), form: 'CORRESP', filingDate: '2014-04-01' }),
          makeFilingRef({ accessionNumber: accessionFor(3), form: 'UPLOAD', filingDate: '2014-06-30' }),
          makeFilingRef({ accessionNumber: accessionFor(4), form: 'CORRESP', filingDate: '2014-07-01' }),
        ]);
        const ids = (records: ReadonlyArray<{ accessionNumber: string }>): string[] =>
          records.map((r) => r.accessionNumber);
        const range = { filedFrom: '2014-04-01', filedTo: '2014-06-30' };
        assert.deepEqual(ids(await store.listFilings(range)), [accessionFor(2), accessionFor(3)]);
        assert.deepEqual(ids(await store.listFilings({ ...range, forms: ['UPLOAD'] })), [accessionFor(3)]);
        assert.deepEqual(ids(await store.listFilings({ forms: ['CORRESP'] })), [accessionFor(2), accessionFor(4)]);
        const after = { filingDate: '2014-04-01', accessionNumber: accessionFor(2) };
        assert.deepEqual(ids(await store.listFilings({ after, limit: 1 })), [accessionFor(3)]);
        assert.deepEqual(ids(await store.listFilings({ after: { ...after, accessionNumber: accessionFor(1) } })), [
          accessionFor(2),
          accessionFor(3),
          accessionFor(4),
        ]);
      }));
  });

  describe('checkpoints', () => {
    it('a checkpoint is null until set, then holds the latest value, also for another instance', () =>
      withStore(harness, async ({ store, openAnother }) => {
        assert.equal(await store.getCheckpoint('crawl:daily-index'), null);
        await store.setCheckpoint('crawl:daily-index', '2014-01-02');
        await store.setCheckpoint('crawl:daily-index', '2014-01-03');
        await store.setCheckpoint('discover:file-number:001-35126', 'done');
        const other = await openAnother();
        assert.equal(await other.getCheckpoint('crawl:daily-index'), '2014-01-03');
        assert.equal(await other.getCheckpoint('discover:file-number:001-35126'), 'done');
        assert.equal(await other.getCheckpoint('crawl:latest'), null);
      }));
  });
}
