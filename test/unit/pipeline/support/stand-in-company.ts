/**
 * The stand-in company of the pipeline unit tests (CIK 1999001, file number 001-35126): six letters over two
 * reviews, one of another file number, one with none, served by a MapEdgarClient with its listing (one overflow
 * page) and an unrelated second candidate for the file number. `withHarness` gives each test its own store,
 * archive and client, so no test depends on another.
 */
import type { Letter } from '../../../../src/letter/schema.ts';
import { makeLetter } from '../../../fixtures/letters.ts';
import {
  companyListFeed,
  endpoints,
  openHarness,
  standInSubmission,
  submissionColumns,
  type Harness,
} from './stand-ins.ts';

export const CIK = '1999001';
export const OTHER_CIK = '1999002';
export const FN = '001-35126';

/** The letters of the stand-in company, as the stand-in builder will read them back. */
export const letters: Record<string, Letter> = {
  u0: makeLetter({
    accessionNumber: '0000000000-12-000100',
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    cik: CIK,
    filingDate: '2012-05-01',
    letterDate: '2012-05-01',
    inResponseTo: null,
    fileNumbers: [FN],
  }),
  u1: makeLetter({
    accessionNumber: '0000000000-13-000200',
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    cik: CIK,
    filingDate: '2013-12-17',
    letterDate: '2013-12-17',
    inResponseTo: null,
    fileNumbers: [FN],
  }),
  c1: makeLetter({
    accessionNumber: '0001999001-14-000001',
    cik: CIK,
    filingDate: '2014-01-03',
    letterDate: '2014-01-03',
    inResponseTo: '2013-12-17',
    fileNumbers: [FN],
  }),
  c2: makeLetter({
    accessionNumber: '0001999001-14-000002',
    cik: CIK,
    filingDate: '2014-01-20',
    letterDate: '2014-01-20',
    inResponseTo: null,
    fileNumbers: ['333-199812'],
  }),
  u2: makeLetter({
    accessionNumber: '0000000000-14-000300',
    form: 'UPLOAD',
    sender: 'sec',
    kind: 'comment',
    cik: CIK,
    filingDate: '2014-02-10',
    letterDate: '2014-02-10',
    inResponseTo: null,
    fileNumbers: [FN],
  }),
  c3: makeLetter({
    accessionNumber: '0001999001-14-000003',
    cik: CIK,
    filingDate: '2014-02-24',
    letterDate: '2014-02-24',
    inResponseTo: '2014-02-10',
    fileNumbers: [],
  }),
};
export const acc = (key: string) => letters[key]!.accessionNumber;

export function serveCompany(h: Harness) {
  h.client
    .serve(endpoints.browseByFileNumber(FN), companyListFeed([CIK, OTHER_CIK]))
    .serve(endpoints.submissions(CIK), {
      cik: CIK,
      name: 'Northwind Traders Holdings Ltd.',
      tickers: ['NWTH'],
      filings: {
        recent: submissionColumns([
          [acc('c3'), 'CORRESP', '2014-02-24'],
          [acc('u2'), 'UPLOAD', '2014-02-10'],
          ['9999999997-14-000009', 'SEC STAFF LETTER', '2014-02-01'],
          [acc('c2'), 'CORRESP', '2014-01-20'],
          [acc('c1'), 'CORRESP', '2014-01-03'],
          [acc('u1'), 'UPLOAD', '2013-12-17'],
          ['0001999001-13-000050', '20-F', '2013-04-19', FN],
        ]),
        files: [
          {
            name: `CIK000${CIK}-submissions-001.json`,
            filingCount: 2,
            filingFrom: '2011-01-01',
            filingTo: '2012-12-31',
          },
        ],
      },
    })
    .serve(
      endpoints.submissionsPage(`CIK000${CIK}-submissions-001.json`),
      submissionColumns([
        [acc('u0'), 'UPLOAD', '2012-05-01'],
        ['0001999001-12-000010', '20-F', '2012-04-20', FN],
      ]),
    )
    .serve(endpoints.submissions(OTHER_CIK), {
      cik: OTHER_CIK,
      name: 'Unrelated Co',
      filings: { recent: submissionColumns([['0001999002-14-000001', '10-K', '2014-03-01', '000-99999']]), files: [] },
    })
    .serve(endpoints.companyTickers(), { '0': { cik_str: Number(CIK), ticker: 'NWTH', title: 'Northwind' } });
  for (const letter of Object.values(letters)) {
    h.client.serve(endpoints.submissionText(CIK, letter.accessionNumber), standInSubmission(letter));
  }
}

export const archivesRequests = (h: Harness, from = 0) =>
  h.client.requests.slice(from).filter((u) => u.includes('/Archives/'));

/** Runs `work` on a fresh harness serving the stand-in company; closes it afterwards. */
export async function withCompany(work: (h: Harness) => Promise<void>): Promise<void> {
  const h = await openHarness();
  try {
    serveCompany(h);
    await work(h);
  } finally {
    await h.close();
  }
}
