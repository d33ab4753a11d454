/**
 * Halvorsen Marine Holdings, Inc. (invented, CIK 1999001, file number 001-36218): every bad input of the
 * fixtures (truncated, missing header, broken uuencode, corrupt PDF, encrypted PDF, windows-1252, empty
 * document) next to two good letters and a 10-K, all under one file number, so a backfill test can check that
 * each bad filing fails or warns with its reason while the good ones are stored. The 200 MiB submission is not
 * here: serve `buildHugeSubmission()` separately.
 */

import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import type { BadInputFixture } from '../../fixtures/render/bad-input.ts';
import { BAD_INPUT_CIK, buildBadInputs } from '../../fixtures/render/bad-input.ts';
import { sampleCommentLetter, sampleResponseLetter } from '../../fixtures/render/sample-letters.ts';
import { easternIso } from './calendar.ts';
import type { CompanyProfile } from './filing-builders.ts';
import { buildCorrespFiling, buildOtherFiling, buildUploadFiling, companyOf } from './filing-builders.ts';

export const BAD_INPUT_COMPANY = {
  cik: BAD_INPUT_CIK,
  fileNumber: '001-36218',
  goodUpload: '0000000000-15-900010',
  goodCorresp: '0001999001-15-000011',
  tenK: '0001999001-15-000001',
  disseminationDate: '2015-08-20',
} as const;

const ADDRESS = { street1: '410 HARBOR POINT DRIVE', city: 'NORFOLK', state: 'VA', zip: '23510' };

export const BAD_INPUT_PROFILE: CompanyProfile = {
  cik: BAD_INPUT_CIK,
  name: 'Halvorsen Marine Holdings, Inc.',
  tickers: ['HMHX'],
  exchanges: ['NYSE'],
  sic: '4400',
  sicDescription: 'Water Transportation',
  entityType: 'operating',
  stateOfIncorporation: 'DE',
  fiscalYearEnd: '1231',
  formerNames: [],
  fileNumbers: [BAD_INPUT_COMPANY.fileNumber],
  filer: {
    companyName: 'Halvorsen Marine Holdings, Inc.',
    cik: BAD_INPUT_CIK,
    sic: { code: '4400', description: 'WATER TRANSPORTATION' },
    stateOfIncorporation: 'DE',
    fiscalYearEnd: '1231',
    businessAddress: { ...ADDRESS, phone: '7575550100' },
    mailAddress: ADDRESS,
  },
};

function badFiling(f: BadInputFixture): ReplicaFiling {
  const date = f.form === 'UPLOAD' ? '2015-06-09' : '2015-06-30';
  return {
    accessionNumber: f.accessionNumber,
    form: f.form,
    filingDate: date,
    reportDate: '',
    acceptanceDateTime: easternIso(date, '10:12:44'),
    disseminationDate: BAD_INPUT_COMPANY.disseminationDate,
    listedFileNumber: '',
    primaryDocument: f.form === 'UPLOAD' ? 'filename1.pdf' : 'filename1.htm',
    primaryDocDescription: '',
    coRegistrantCiks: [],
    submissionText: f.bytes,
    documents: [],
  };
}

/** The company, with the bad inputs (documents lists left empty: only the `.txt` matters) and the good letters. */
export async function buildBadInputCompany(): Promise<ReplicaCompany> {
  const P = BAD_INPUT_PROFILE;
  const common = { disseminationDate: BAD_INPUT_COMPANY.disseminationDate };
  const filings = [
    ...(await buildBadInputs()).map(badFiling),
    await buildUploadFiling(P, {
      ...common,
      accessionNumber: BAD_INPUT_COMPANY.goodUpload,
      filingDate: '2015-06-09',
      acceptanceTime: '15:30:02',
      letter: sampleCommentLetter(),
    }),
    await buildCorrespFiling(P, {
      ...common,
      accessionNumber: BAD_INPUT_COMPANY.goodCorresp,
      filingDate: '2015-06-30',
      acceptanceTime: '16:45:10',
      letter: sampleResponseLetter(),
    }),
    buildOtherFiling(P, {
      accessionNumber: BAD_INPUT_COMPANY.tenK,
      form: '10-K',
      filingDate: '2015-03-02',
      acceptanceTime: '16:02:31',
      reportDate: '2014-12-31',
      fileNumber: BAD_INPUT_COMPANY.fileNumber,
      primaryDocument: 'hmh-10k2014.htm',
      primaryDocDescription: '10-K',
      summary: 'Annual report on Form 10-K for 2014.',
    }),
  ];
  return companyOf(P, filings);
}
