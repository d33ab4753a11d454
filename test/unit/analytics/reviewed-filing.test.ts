import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveReviewedFiling, type ListedFilingRow } from '../../../src/analytics/reviewed-filing.ts';
import type { Reference } from '../../../src/letter/schema.ts';

const row = (
  accessionNumber: string,
  form: string,
  filingDate: string,
  reportDate: string | null,
  fileNumbers: string[] = [],
): ListedFilingRow => ({
  accessionNumber,
  cik: '1234567',
  form,
  filingDate,
  reportDate,
  fileNumbers,
});

const LISTED: ListedFilingRow[] = [
  row('0001234567-21-000010', '10-K', '2021-02-26', '2020-12-31'),
  row('0001234567-21-000020', '10-K/A', '2021-04-30', '2020-12-31'),
  row('0001234567-20-000010', '10-K', '2020-02-27', '2019-12-31'),
  row('0001234567-21-000030', '10-Q', '2021-05-05', '2021-03-31'),
  row('0001234567-21-000040', '20-F', '2021-03-31', '2021-01-30'),
  row('0001234567-21-000050', 'S-1', '2021-01-15', null, ['333-250001']),
  row('0001234567-21-000060', 'S-1/A', '2021-02-10', null, ['333-250001']),
];

const ref = (
  form: string | null,
  fiscalYearEnd: string | null,
  filedDate: string | null,
  fileNumber: string | null = null,
): Reference => ({
  form,
  fiscalYearEnd,
  filedDate,
  fileNumber,
});

describe('resolveReviewedFiling', () => {
  const cases: { name: string; refs: Reference[]; openedOn?: string; want: string | null | undefined }[] = [
    { name: 'form and fiscal year end', refs: [ref('10-K', '2020-12-31', null)], want: '0001234567-21-000010' },
    {
      name: 'filed date picks the filing',
      refs: [ref('10-K', '2020-12-31', '2021-02-26')],
      want: '0001234567-21-000010',
    },
    { name: 'an amendment by its own form', refs: [ref('10-K/A', '2020-12-31', null)], want: '0001234567-21-000020' },
    {
      name: '52/53-week year end within a week',
      refs: [ref('20-F', '2021-01-31', null)],
      want: '0001234567-21-000040',
    },
    { name: 'a quarter', refs: [ref('10-Q', '2021-03-31', '2021-05-05')], want: '0001234567-21-000030' },
    {
      name: 'registration statement by its file number, the form as named',
      refs: [ref('S-1', null, null, '333-250001')],
      openedOn: '2021-02-20',
      want: '0001234567-21-000050',
    },
    { name: 'not in the listing (predates it)', refs: [ref('10-K', '2015-12-31', null)], want: null },
    {
      name: 'no period named: latest filed before the review',
      refs: [ref('10-Q', null, null)],
      want: '0001234567-21-000030',
    },
    { name: 'no filing named', refs: [ref(null, null, null)], want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = resolveReviewedFiling(c.refs, LISTED, c.openedOn ?? '2021-06-01');
      assert.equal(got === null ? undefined : got.accessionNumber, c.want);
      if (got) assert.equal(got.form, c.refs[0]!.form);
    });
  }
  describe("the staff letters' header reference (PUBLIC REFERENCE ACCESSION NUMBER)", () => {
    const OLD = '0001234567-16-000010';
    it('names a filing older than the listing', () => {
      assert.equal(
        resolveReviewedFiling([ref('10-K', '2015-12-31', null)], LISTED, '2021-06-01', [null, OLD])?.accessionNumber,
        OLD,
      );
    });
    it('yields to the listed filing the letter names', () => {
      const got = resolveReviewedFiling([ref('10-K', '2020-12-31', null)], LISTED, '2021-06-01', [
        '0001234567-21-000020',
      ]);
      assert.equal(got?.accessionNumber, '0001234567-21-000010');
    });
    it('is not taken when the listing shows it to be of another form', () => {
      const got = resolveReviewedFiling([ref('10-K', '2015-12-31', null)], LISTED, '2021-06-01', [
        '0001234567-21-000030',
      ]);
      assert.equal(got?.accessionNumber, null);
    });
    it('describes the filing from the listing when no letter names one', () => {
      assert.deepEqual(resolveReviewedFiling([ref(null, null, null)], LISTED, '2021-06-01', ['0001234567-21-000030']), {
        form: '10-Q',
        fiscalYearEnd: '2021-03-31',
        filedDate: '2021-05-05',
        accessionNumber: '0001234567-21-000030',
      });
    });
    it('gives the accession alone when neither a letter nor the listing describes it', () => {
      assert.deepEqual(resolveReviewedFiling([], LISTED, '2021-06-01', [OLD]), {
        form: null,
        fiscalYearEnd: null,
        filedDate: null,
        accessionNumber: OLD,
      });
    });
  });
  it('keeps form and dates with a null accession when no listing is stored', () => {
    assert.deepEqual(resolveReviewedFiling([ref('10-K', '2020-12-31', '2021-02-26')], [], '2021-06-01'), {
      form: '10-K',
      fiscalYearEnd: '2020-12-31',
      filedDate: '2021-02-26',
      accessionNumber: null,
    });
  });
});
