/**
 * 21Vianet Group, Inc. in the replica: the letters of its 2011 listing (F-1 file number, an acceleration
 * request naming two file numbers, an underwriters' letter accepted later the same day), the 2013 and 2017
 * reviews of its Form 20-F (comment, response, comment, response, review complete), a "no review" letter on a
 * shelf registration, an SEC STAFF LETTER (to be skipped), and the other forms whose submissions-JSON rows
 * carry the file numbers.
 */

import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import type { LetterSpec } from '../../fixtures/render/letter-spec.ts';
import { DEFAULT_SEC_STYLE, SEC_LETTERHEAD_CLASSIC } from '../../fixtures/render/letter-spec.ts';
import { disseminationAfter } from './calendar.ts';
import type { LetterFilingOptions, OtherFilingOptions } from './filing-builders.ts';
import { buildCorrespFiling, buildOtherFiling, buildUploadFiling, companyOf } from './filing-builders.ts';
import { VNET_2011, vnetAccelerationRequest, vnetListingComment, vnetListingResponse } from './vnet-2011-listing.ts';
import {
  VNET_2013,
  vnetFirstComment2013,
  vnetFirstResponse2013,
  vnetReviewComplete2013,
  vnetSecondComment2013,
  vnetSecondResponse2013,
} from './vnet-2013-review.ts';
import {
  VNET_2017,
  vnetFirstComment2017,
  vnetFirstResponse2017,
  vnetReviewComplete2017,
  vnetSecondComment2017,
  vnetSecondResponse2017,
} from './vnet-2017-review.ts';
import { VNET, VNET_PROFILE, vnetAddressee } from './vnet-profile.ts';

/** Accession numbers of the 21Vianet letters, for tests and the demo. */
export const VNET_ACCESSIONS = {
  listingComment: '0000000000-11-018452',
  listingResponse: '0001193125-11-089211',
  acceleration: '0001193125-11-100310',
  underwriters: '0001193125-11-100377',
  comment2013a: '0000000000-13-051233',
  response2013a: '0001193125-13-411876',
  comment2013b: '0000000000-13-068944',
  response2013b: '0001193125-14-000946',
  complete2013: '0000000000-14-002187',
  noReview2015: '0000000000-15-004512',
  comment2017a: '0000000000-17-024318',
  response2017a: '0001104659-17-046512',
  comment2017b: '0000000000-17-031877',
  response2017b: '0001104659-17-054433',
  complete2017: '0000000000-17-036120',
  staffLetter2019: '9999999997-19-004321',
} as const;

function underwritersLetter(): LetterSpec {
  return {
    ...vnetAccelerationRequest(),
    letterhead: ['Morningside Securities LLC', '1585 Avenue of the Americas', 'New York, New York 10036'],
    intro: [
      'As representatives of the several underwriters of the offering, we join in the Company’s request under Rule 461 that the effectiveness of the registration statements named above be accelerated to 4:00 p.m., Eastern time, on April 20, 2011, or as soon as practicable afterwards. We confirm that the underwriters have complied and will comply with Rule 15c2-8 under the Securities Exchange Act of 1934.',
    ],
    closingParagraphs: [],
    signatories: [{ name: 'Daniel Okafor', title: 'Managing Director', organization: 'Morningside Securities LLC' }],
  };
}

function noReviewLetter(): LetterSpec {
  return {
    sender: 'sec',
    date: '2015-01-30',
    letterhead: SEC_LETTERHEAD_CLASSIC,
    delivery: 'Via E-mail',
    addressee: vnetAddressee({ name: 'Shang-Wen Hsiao', title: 'Chief Financial Officer' }),
    re: {
      company: VNET.name,
      filings: [{ form: 'F-3', formLabel: 'Registration Statement on', filed: '2015-01-22' }],
      fileNumbers: [VNET.f3FileNumber],
    },
    salutation: 'Dear Mr. Hsiao:',
    intro: [
      'This is to advise you that we have not reviewed and will not review your registration statement.',
      'Please refer to Rules 460 and 461 regarding requests for acceleration. We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.',
    ],
    items: [],
    closingParagraphs: ['Please contact Jan Woo, Attorney-Advisor, at (202) 551-3453 with any questions.'],
    closing: 'Sincerely,',
    signatories: [{ name: 'Barbara C. Jacobs', title: 'Assistant Director' }],
    cc: [],
    style: DEFAULT_SEC_STYLE,
  };
}

function staffLetter2019(): LetterSpec {
  return {
    ...noReviewLetter(),
    date: '2019-05-10',
    re: {
      company: VNET.name,
      filings: [{ form: '20-F', fiscalYearEnd: '2018-12-31', filed: '2019-04-25' }],
      fileNumbers: [VNET.fileNumber],
    },
    intro: ['This letter concerns the confidential treatment order for exhibits to the filing named above.'],
    closingParagraphs: [],
  };
}

function other(o: Omit<OtherFilingOptions, 'acceptanceTime'> & { acceptanceTime?: string }): ReplicaFiling {
  return buildOtherFiling(VNET_PROFILE, { acceptanceTime: '17:05:12', ...o });
}

function otherFilings(): ReplicaFiling[] {
  const annual = (accessionNumber: string, filingDate: string, year: number, filmNumber: string) =>
    other({
      accessionNumber,
      form: '20-F',
      filingDate,
      reportDate: `${year}-12-31`,
      fileNumber: VNET.fileNumber,
      filmNumber,
      primaryDocument: `d${year}20f.htm`,
      primaryDocDescription: '20-F',
      summary: `Annual report on Form 20-F of 21Vianet Group, Inc. for the fiscal year ended December 31, ${year}.`,
    });
  return [
    other({
      accessionNumber: '0001193125-11-071234',
      form: 'F-1',
      filingDate: VNET_2011.f1Filed,
      fileNumber: VNET.f1FileNumber,
      filmNumber: '11697845',
      primaryDocument: 'df1.htm',
      primaryDocDescription: 'FORM F-1',
      summary: 'Registration statement on Form F-1 of 21Vianet Group, Inc.',
    }),
    other({
      accessionNumber: '0001193125-11-096543',
      form: 'F-1/A',
      filingDate: '2011-04-11',
      fileNumber: VNET.f1FileNumber,
      filmNumber: '11752318',
      primaryDocument: 'df1a.htm',
      primaryDocDescription: 'AMENDMENT NO. 1 TO FORM F-1',
      summary: 'Amendment No. 1 to the registration statement on Form F-1.',
    }),
    other({
      accessionNumber: '0001193125-11-101875',
      form: '8-A12B',
      filingDate: '2011-04-19',
      fileNumber: VNET.fileNumber,
      filmNumber: '11768012',
      primaryDocument: 'd8a12b.htm',
      primaryDocDescription: 'FORM 8-A',
      summary: 'Registration of American depositary shares under Section 12(b).',
    }),
    other({
      accessionNumber: '0001193125-11-104321',
      form: '424B4',
      filingDate: '2011-04-21',
      fileNumber: VNET.f1FileNumber,
      filmNumber: '11771290',
      primaryDocument: 'd424b4.htm',
      primaryDocDescription: 'FINAL PROSPECTUS',
      summary: 'Final prospectus of the initial public offering.',
    }),
    annual('0001193125-12-190123', '2012-04-27', 2011, '12790551'),
    annual('0001193125-13-160412', VNET_2013.formFiled, 2012, '13772630'),
    other({
      accessionNumber: '0001193125-13-338899',
      form: '6-K',
      filingDate: '2013-08-20',
      reportDate: '2013-08-31',
      fileNumber: VNET.fileNumber,
      filmNumber: '131050023',
      primaryDocument: 'd6k.htm',
      primaryDocDescription: 'FORM 6-K',
      summary: 'Report of foreign private issuer: second-quarter results.',
    }),
    annual('0001193125-14-157321', '2014-04-24', 2013, '14783301'),
    other({
      accessionNumber: '0001193125-15-019876',
      form: 'F-3',
      filingDate: '2015-01-22',
      fileNumber: VNET.f3FileNumber,
      filmNumber: '15542871',
      primaryDocument: 'df3.htm',
      primaryDocDescription: 'FORM F-3',
      summary: 'Shelf registration statement on Form F-3.',
    }),
    annual('0001104659-17-023456', VNET_2017.formFiled, 2016, '17757204'),
    other({
      accessionNumber: '0001104659-17-053210',
      form: '6-K',
      filingDate: '2017-08-24',
      reportDate: '2017-08-31',
      fileNumber: VNET.fileNumber,
      filmNumber: '171047188',
      primaryDocument: 'tv6k.htm',
      primaryDocDescription: '6-K',
      summary: 'Report of foreign private issuer: second-quarter 2017 results.',
    }),
    annual('0001104659-19-022871', '2019-04-25', 2018, '19767701'),
  ];
}

/** 21Vianet Group, Inc. with all its letters and other filings. */
export async function buildVnetCompany(): Promise<ReplicaCompany> {
  const P = VNET_PROFILE;
  const A = VNET_ACCESSIONS;
  const listingOut = disseminationAfter('2011-04-20');
  const out2013 = disseminationAfter(VNET_2013.complete);
  const out2017 = disseminationAfter(VNET_2017.complete);
  const upload = (o: LetterFilingOptions) => buildUploadFiling(P, o);
  const corresp = (o: LetterFilingOptions) => buildCorrespFiling(P, o);
  const filings = await Promise.all([
    upload({
      accessionNumber: A.listingComment,
      filingDate: VNET_2011.comment,
      acceptanceTime: '18:22:41',
      disseminationDate: listingOut,
      letter: vnetListingComment(),
    }),
    corresp({
      accessionNumber: A.listingResponse,
      filingDate: VNET_2011.response,
      acceptanceTime: '07:48:03',
      disseminationDate: listingOut,
      letter: vnetListingResponse(),
      format: 'html-classic',
    }),
    corresp({
      accessionNumber: A.acceleration,
      filingDate: VNET_2011.acceleration,
      acceptanceTime: '16:35:20',
      disseminationDate: listingOut,
      letter: vnetAccelerationRequest(),
      format: 'html-classic',
    }),
    corresp({
      accessionNumber: A.underwriters,
      filingDate: VNET_2011.acceleration,
      acceptanceTime: '17:02:09',
      disseminationDate: listingOut,
      letter: underwritersLetter(),
      format: 'html-classic',
    }),
    upload({
      accessionNumber: A.comment2013a,
      filingDate: VNET_2013.firstComment,
      acceptanceTime: '15:41:07',
      disseminationDate: out2013,
      letter: vnetFirstComment2013(),
    }),
    corresp({
      accessionNumber: A.response2013a,
      filingDate: VNET_2013.firstResponse,
      acceptanceTime: '06:02:55',
      disseminationDate: out2013,
      letter: vnetFirstResponse2013(),
      format: 'html-classic',
    }),
    upload({
      accessionNumber: A.comment2013b,
      filingDate: VNET_2013.secondComment,
      acceptanceTime: '16:12:38',
      disseminationDate: out2013,
      letter: vnetSecondComment2013(),
    }),
    corresp({
      accessionNumber: A.response2013b,
      filingDate: VNET_2013.secondResponse,
      acceptanceTime: '06:15:34',
      disseminationDate: out2013,
      letter: vnetSecondResponse2013(),
      format: 'html-classic',
    }),
    upload({
      accessionNumber: A.complete2013,
      filingDate: VNET_2013.complete,
      acceptanceTime: '11:27:50',
      disseminationDate: out2013,
      letter: vnetReviewComplete2013(),
    }),
    upload({
      accessionNumber: A.noReview2015,
      filingDate: '2015-01-30',
      acceptanceTime: '14:03:17',
      disseminationDate: disseminationAfter('2015-02-05'),
      letter: noReviewLetter(),
    }),
    upload({
      accessionNumber: A.comment2017a,
      filingDate: VNET_2017.firstComment,
      acceptanceTime: '17:18:02',
      disseminationDate: out2017,
      letter: vnetFirstComment2017(),
    }),
    corresp({
      accessionNumber: A.response2017a,
      filingDate: VNET_2017.firstResponse,
      acceptanceTime: '08:31:44',
      disseminationDate: out2017,
      letter: vnetFirstResponse2017(),
      letterheadImage: 'tv471234_vnetlogo.jpg',
    }),
    upload({
      accessionNumber: A.comment2017b,
      filingDate: VNET_2017.secondComment,
      acceptanceTime: '16:47:29',
      disseminationDate: out2017,
      letter: vnetSecondComment2017(),
    }),
    corresp({
      accessionNumber: A.response2017b,
      filingDate: VNET_2017.secondResponse,
      acceptanceTime: '07:05:58',
      disseminationDate: out2017,
      letter: vnetSecondResponse2017(),
      letterheadImage: 'tv473890_vnetlogo.jpg',
    }),
    upload({
      accessionNumber: A.complete2017,
      filingDate: VNET_2017.complete,
      acceptanceTime: '10:54:13',
      disseminationDate: out2017,
      letter: vnetReviewComplete2017(),
    }),
    upload({
      accessionNumber: A.staffLetter2019,
      form: 'SEC STAFF LETTER',
      filingDate: '2019-05-10',
      acceptanceTime: '12:20:31',
      disseminationDate: '2019-05-10',
      letter: staffLetter2019(),
    }),
  ]);
  return companyOf(P, [...filings, ...otherFilings()]);
}

/** Specs of every 21Vianet letter by accession, for tests that check rendered facts. */
export function vnetLetterSpecs(): Record<string, LetterSpec> {
  const A = VNET_ACCESSIONS;
  return {
    [A.listingComment]: vnetListingComment(),
    [A.listingResponse]: vnetListingResponse(),
    [A.acceleration]: vnetAccelerationRequest(),
    [A.underwriters]: underwritersLetter(),
    [A.comment2013a]: vnetFirstComment2013(),
    [A.response2013a]: vnetFirstResponse2013(),
    [A.comment2013b]: vnetSecondComment2013(),
    [A.response2013b]: vnetSecondResponse2013(),
    [A.complete2013]: vnetReviewComplete2013(),
    [A.noReview2015]: noReviewLetter(),
    [A.comment2017a]: vnetFirstComment2017(),
    [A.response2017a]: vnetFirstResponse2017(),
    [A.comment2017b]: vnetSecondComment2017(),
    [A.response2017b]: vnetSecondResponse2017(),
    [A.complete2017]: vnetReviewComplete2017(),
  };
}
