import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AtomFiling } from '../../../src/discover/browse-atom.ts';
import {
  addDays,
  dedupeRefs,
  easternDate,
  indexDatesToRead,
  mayStillBePublished,
  refsFromFeed,
  refsFromIndex,
} from '../../../src/discover/crawl-plan.ts';
import type { IndexRow } from '../../../src/discover/daily-index.ts';

const row = (form: string, accessionNumber: string, cik: string, dateFiled: string): IndexRow => ({
  form,
  companyName: 'Example Corp',
  cik,
  dateFiled,
  accessionNumber,
  location: `edgar/data/${cik}/${accessionNumber}.txt`,
});

describe('crawl plan', () => {
  it('reads the date in New York, where EDGAR keeps its days', () => {
    assert.equal(easternDate(new Date('2023-07-04T03:30:00Z')), '2023-07-03');
    assert.equal(easternDate(new Date('2023-07-04T04:30:00Z')), '2023-07-04');
    assert.equal(easternDate(new Date('2023-01-10T04:30:00Z')), '2023-01-09');
  });

  const cases: Array<[string, Parameters<typeof indexDatesToRead>[0], string[]]> = [
    [
      'reads the weekdays after the cursor up to today',
      { cursor: '2023-06-29', since: null, today: '2023-07-04' },
      ['2023-06-30', '2023-07-03', '2023-07-04'],
    ],
    [
      'looks back a week on the first pass',
      { cursor: null, since: null, today: '2023-07-05', lookbackDays: 7 },
      ['2023-06-28', '2023-06-29', '2023-06-30', '2023-07-03', '2023-07-04', '2023-07-05'],
    ],
    [
      'starts at --since whatever the cursor',
      { cursor: '2023-07-03', since: '2023-06-30', today: '2023-07-03' },
      ['2023-06-30', '2023-07-03'],
    ],
    ['reads nothing when the cursor is today', { cursor: '2023-07-05', since: null, today: '2023-07-05' }, []],
    [
      'catches up at most maxDays index days per pass',
      { cursor: '2023-01-01', since: null, today: '2023-07-05', maxDays: 3 },
      ['2023-01-02', '2023-01-03', '2023-01-04'],
    ],
  ];
  for (const [name, options, expected] of cases) {
    it(name, () => assert.deepEqual(indexDatesToRead(options), expected));
  }

  it('treats a missing recent index as not yet published and an old one as a holiday', () => {
    assert.equal(mayStillBePublished('2023-07-05', '2023-07-05'), true);
    assert.equal(mayStillBePublished(addDays('2023-07-05', -3), '2023-07-05'), true);
    assert.equal(mayStillBePublished('2023-07-04', '2023-07-10'), false);
  });

  it('keeps the letters of an index with their old filing dates and drops other forms', () => {
    const refs = refsFromIndex(
      [
        row('CORRESP', '0001193125-23-180001', '1508475', '2022-05-12'),
        row('10-K', '0001193125-23-180002', '1508475', '2023-07-03'),
        row('UPLOAD', '0000000000-23-007001', '320193', '2022-11-30'),
        row('SEC STAFF LETTER', '9999999997-23-000001', '320193', '2023-07-03'),
      ],
      ['CORRESP', 'UPLOAD'],
    );
    assert.deepEqual(
      refs.map((ref) => [ref.form, ref.accessionNumber, ref.cik, ref.filingDate]),
      [
        ['CORRESP', '0001193125-23-180001', '1508475', '2022-05-12'],
        ['UPLOAD', '0000000000-23-007001', '320193', '2022-11-30'],
      ],
    );
    assert.deepEqual(refsFromIndex([row('CORRESP', '0001193125-23-180001', '1', '2022-05-12')], ['UPLOAD']), []);
  });

  it('turns feed entries into refs and leaves out entries it could not fetch', () => {
    const entry = (
      accessionNumber: string,
      form: string,
      cik: string | null,
      filingDate: string | null,
    ): AtomFiling => ({
      accessionNumber,
      form,
      filingDate,
      fileNumber: null,
      cik,
      companyName: 'Example Corp',
      updated: '2023-07-05T16:01:02-04:00',
    });
    const refs = refsFromFeed(
      [
        entry('0000000000-23-007002', 'UPLOAD', '320193', '2023-07-05'),
        entry('0000000000-23-007003', 'UPLOAD', null, '2023-07-05'),
        entry('0001193125-23-180003', 'CORRESP', '1508475', null),
        entry('0001193125-23-180004', '8-K', '1508475', '2023-07-05'),
      ],
      ['CORRESP', 'UPLOAD'],
    );
    assert.deepEqual(refs, [
      {
        accessionNumber: '0000000000-23-007002',
        cik: '320193',
        form: 'UPLOAD',
        filingDate: '2023-07-05',
        acceptanceDateTime: '2023-07-05T16:01:02-04:00',
        fileNumber: null,
        primaryDocument: null,
      },
    ]);
  });

  it('lists a co-registrant letter once, under its first filer', () => {
    const refs = refsFromIndex(
      [
        row('CORRESP', '0001193125-23-180001', '1508475', '2022-05-12'),
        row('CORRESP', '0001193125-23-180001', '1600000', '2022-05-12'),
      ],
      ['CORRESP'],
    );
    assert.deepEqual(
      dedupeRefs(refs).map((ref) => ref.cik),
      ['1508475'],
    );
  });
});
