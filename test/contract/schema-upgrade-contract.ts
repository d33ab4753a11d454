/**
 * Contract: a store written by an older schema upgrades in place when opened, keeping what its rows meant.
 * Schema 1 -> 2: bad-input reasons and holds move out of the failure text and notes into their columns, the
 * company listings out of the `listing-file-numbers:<cik>` checkpoints into listed_filings, and the inferred
 * file numbers out of the letters' warnings into inferred_file_numbers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessionFor, makeLetter } from '../fixtures/letters.ts';
import type { DocumentStoreHarness } from './harness.ts';

const SHA = 'a'.repeat(64);
const AT = '2024-01-01T00:00:00.000Z';

function filingRow(n: number, state: string, failure: [string, string, string] | null, note: string | null): string {
  const text = (value: string | null) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);
  const [stage, code, reason] = failure ?? [null, null, null];
  return `('${accessionFor(n)}', '1999001', 'CORRESP', '2014-01-03', '${state}', '${SHA}', 10, ${text(stage)}, ${text(code)}, ${text(reason)}, ${text(note)}, '${AT}')`;
}

const SEED = `
  INSERT INTO filings (accession_number, cik, form, filing_date, state, archive_sha256, archive_bytes,
    failed_stage, failure_code, failure_reason, note, updated_at) VALUES
  ${[
    filingRow(1, 'failed', ['parse', 'BAD_INPUT', 'corrupt-pdf: the PDF letter cannot be read: no xref'], null),
    filingRow(2, 'failed', ['fetch', 'EDGAR_NOT_FOUND', 'https://www.sec.gov/...: 404'], null),
    filingRow(
      3,
      'fetched',
      null,
      'unnumbered: no file number in its header or text; not stored for 001-35126 unless its review thread ties it there',
    ),
    filingRow(
      4,
      'fetched',
      null,
      'not attributed: concerns 333-199812, not 001-35126; archived, not stored for this backfill',
    ),
    filingRow(5, 'skipped', null, 'SEC STAFF LETTER is outside the Letter schema (CORRESP/UPLOAD only)'),
  ].join(',\n')};
  INSERT INTO checkpoints (name, value, updated_at) VALUES
    ('listing-file-numbers:1999001', '{"${accessionFor(20)}":["333-199812-01","333-199812"],"${accessionFor(21)}":["001-35126"]}', '${AT}'),
    ('crawl:daily-index', '2024-01-02', '${AT}');
`;

export function schemaUpgradeContract(harness: DocumentStoreHarness): void {
  describe('schema upgrade', () => {
    it('a schema-1 store opens upgraded, its failures, holds, listings and inferred file numbers carried over', async () => {
      const location = await harness.createLegacyLocation(1);
      try {
        await location.exec(SEED);
        const warning = (n: number, how: string) =>
          `file number 001-35126 inferred from its review thread (${how}): the letter names none`;
        await location.insertLetterV1(
          makeLetter({ accessionNumber: accessionFor(30), warnings: [warning(30, `it answers ${accessionFor(31)}`)] }),
        );
        await location.insertLetterV1(
          makeLetter({
            accessionNumber: accessionFor(32),
            warnings: ['a warning', warning(32, `${accessionFor(33)} answers it`)],
          }),
        );
        const store = await location.open();
        try {
          const filing = async (n: number) => (await store.getFiling(accessionFor(n)))!;
          assert.equal((await filing(1)).failure?.badInputReason, 'corrupt-pdf');
          assert.equal((await filing(1)).failure?.reason, 'corrupt-pdf: the PDF letter cannot be read: no xref');
          assert.deepEqual((await filing(2)).failure, {
            stage: 'fetch',
            code: 'EDGAR_NOT_FOUND',
            reason: 'https://www.sec.gov/...: 404',
            badInputReason: null,
          });
          // A hold's file numbers and parser were not recorded: unknown numbers, a parser no build has.
          assert.deepEqual((await filing(3)).hold, { reason: 'unnumbered', fileNumbers: [], parserVersion: '' });
          assert.deepEqual((await filing(4)).hold, { reason: 'not-attributed', fileNumbers: [], parserVersion: '' });
          assert.equal((await filing(5)).hold, null);
          assert.equal((await filing(5)).state, 'skipped');
          assert.deepEqual(await store.listListedFilings({ cik: '1999001' }), [
            {
              accessionNumber: accessionFor(20),
              cik: '1999001',
              form: null,
              filingDate: null,
              reportDate: null,
              fileNumbers: ['333-199812-01', '333-199812'],
            },
            {
              accessionNumber: accessionFor(21),
              cik: '1999001',
              form: null,
              filingDate: null,
              reportDate: null,
              fileNumbers: ['001-35126'],
            },
          ]);
          assert.equal(await store.getCheckpoint('listing-file-numbers:1999001'), null);
          assert.equal(await store.getCheckpoint('crawl:daily-index'), '2024-01-02');
          assert.deepEqual(await store.listInferredFileNumbers(accessionFor(30)), [
            { fileNumber: '001-35126', via: accessionFor(31), relation: 'answers' },
          ]);
          assert.deepEqual(await store.listInferredFileNumbers(accessionFor(32)), [
            { fileNumber: '001-35126', via: accessionFor(33), relation: 'answered-by' },
          ]);
          assert.equal((await store.getLetter(accessionFor(30)))?.warnings.length, 1, 'the warning stays for people');
          await store.migrate();
          assert.equal((await store.listListedFilings({})).length, 2, 'migrating again changes nothing');
        } finally {
          await store.close();
        }
      } finally {
        await location.destroy();
      }
    });
  });
}
