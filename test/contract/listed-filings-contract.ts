/** Contract: the filings company listings name (listed_filings), by company and accession, with file numbers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListedFiling } from '../../src/store/document-store.ts';
import { accessionFor } from '../fixtures/letters.ts';
import { withStore, type DocumentStoreHarness } from './harness.ts';

const listed = (n: number, overrides: Partial<ListedFiling> = {}): ListedFiling => ({
  accessionNumber: accessionFor(n),
  cik: '1999001',
  form: '20-F',
  filingDate: '2013-04-19',
  reportDate: '2012-12-31',
  fileNumbers: ['001-35126'],
  ...overrides,
});

export function listedFilingsContract(harness: DocumentStoreHarness): void {
  describe('listed filings', () => {
    it('keeps every field, file numbers in listing order, and lists by company, accession or file number', () =>
      withStore(harness, async ({ store }) => {
        const a = listed(1, { fileNumbers: ['333-199812-01', '333-199812'] });
        const b = listed(2, { form: '8-K', reportDate: null, fileNumbers: [] });
        const c = listed(3, { cik: '1999002', fileNumbers: ['000-99999'] });
        await store.saveListedFilings([a, b, c]);
        assert.deepEqual(await store.listListedFilings({ cik: '1999001' }), [a, b]);
        assert.deepEqual(await store.listListedFilings({ accessionNumbers: [accessionFor(3), accessionFor(9)] }), [c]);
        assert.deepEqual(await store.listListedFilings({ fileNumber: '333-199812' }), [a]);
        assert.deepEqual(await store.listListedFilings({ fileNumber: '0-99999' }), [c], 'any spelling of the number');
        assert.deepEqual(await store.listListedFilings({ cik: '1999002', fileNumber: '001-35126' }), []);
        assert.deepEqual(await store.listListedFilings({ accessionNumbers: [] }), []);
        const many = Array.from({ length: 40_000 }, (_, n) => accessionFor(n + 1));
        assert.deepEqual(
          await store.listListedFilings({ accessionNumbers: many }),
          [a, b, c],
          '40,000 accessions in one call',
        );
      }));

    it('keepExisting adds rows not listed yet and leaves listed ones as they are (the full index blanks nothing)', () =>
      withStore(harness, async ({ store }) => {
        const fromSubmissions = listed(1, { fileNumbers: ['001-35126', '333-1'] });
        await store.saveListedFilings([fromSubmissions]);
        const fromIndex = (n: number, cik = '1999001') =>
          listed(n, { cik, form: '20-F', reportDate: null, fileNumbers: [] });
        await store.saveListedFilings([fromIndex(1), fromIndex(2), fromIndex(1, '1999002')], { keepExisting: true });
        assert.deepEqual(await store.listListedFilings({ cik: '1999001' }), [fromSubmissions, fromIndex(2)]);
        assert.deepEqual(await store.listListedFilings({ cik: '1999002' }), [fromIndex(1, '1999002')]);
        await store.saveListedFilings([], { keepExisting: true });
      }));

    it('a later listing of the same filing replaces its facts and file numbers; co-registrants keep a row each', () =>
      withStore(harness, async ({ store }) => {
        await store.saveListedFilings([listed(1, { fileNumbers: ['001-35126', '333-1'] })]);
        const relisted = listed(1, { form: '20-F/A', fileNumbers: ['333-1'] });
        const coRegistrant = listed(1, { cik: '1999002' });
        await store.saveListedFilings([relisted, coRegistrant]);
        assert.deepEqual(await store.listListedFilings({ accessionNumbers: [accessionFor(1)] }), [
          relisted,
          coRegistrant,
        ]);
        assert.deepEqual(await store.listListedFilings({ fileNumber: '001-35126' }), [coRegistrant]);
      }));
  });
}
