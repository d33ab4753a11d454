/**
 * Brightwater Analytics, Inc. (invented: CIK 1961238, BWTR, file number 001-41822): a company whose letters
 * have today's shape. Its UPLOADs are PDF + TEXT-EXTRACT with SEC FILE NUMBER and PUBLIC REFERENCE ACCESSION
 * NUMBER in the header and the file number in the submissions JSON; its 10-K review runs comment -> response
 * -> comment -> response -> review complete; its shelf registration (with a co-registrant subsidiary) gets a
 * "no review" letter and a Rule 461 acceleration request with a uuencoded JPEG letterhead naming two file numbers.
 */

import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import type { ItemSpec, LetterSpec } from '../../fixtures/render/letter-spec.ts';
import {
  DEFAULT_COMPANY_STYLE,
  DEFAULT_SEC_STYLE,
  SEC_ADDRESS,
  SEC_LOGO_TEXT,
} from '../../fixtures/render/letter-spec.ts';
import { disseminationAfter } from './calendar.ts';
import type { CompanyProfile } from './filing-builders.ts';
import { buildCorrespFiling, buildOtherFiling, buildUploadFiling, companyOf } from './filing-builders.ts';

export const BRIGHTWATER = {
  cik: '1961238',
  coRegistrantCik: '1961240',
  name: 'Brightwater Analytics, Inc.',
  fileNumber: '001-41822',
  shelfFileNumber: '333-285511',
  coRegistrantShelfFileNumber: '333-285511-01',
  tenK: '0001961238-24-000012',
  comment1: '0000000000-24-013377',
  response1: '0001961238-24-000041',
  comment2: '0000000000-25-000512',
  response2: '0001961238-25-000006',
  complete: '0000000000-25-001488',
  shelf: '0001961238-25-000019',
  noReview: '0000000000-25-002210',
  acceleration: '0001104659-25-021944',
} as const;

const ADDRESS = { street1: '2200 INNOVATION WAY', street2: 'SUITE 400', city: 'RALEIGH', state: 'NC', zip: '27606' };

export const BRIGHTWATER_PROFILE: CompanyProfile = {
  cik: BRIGHTWATER.cik,
  name: BRIGHTWATER.name,
  tickers: ['BWTR'],
  exchanges: ['Nasdaq'],
  sic: '7372',
  sicDescription: 'Services-Prepackaged Software',
  entityType: 'operating',
  stateOfIncorporation: 'DE',
  fiscalYearEnd: '1231',
  formerNames: [{ name: 'Brightwater Data Corp', from: '2023-01-09', to: '2023-06-30' }],
  fileNumbers: [BRIGHTWATER.fileNumber, BRIGHTWATER.shelfFileNumber],
  filer: {
    companyName: BRIGHTWATER.name,
    cik: BRIGHTWATER.cik,
    sic: { code: '7372', description: 'SERVICES-PREPACKAGED SOFTWARE' },
    organizationName: '06 Technology',
    ein: '882734105',
    stateOfIncorporation: 'DE',
    fiscalYearEnd: '1231',
    businessAddress: { ...ADDRESS, phone: '919-555-0188' },
    mailAddress: ADDRESS,
    formerNames: [{ name: 'Brightwater Data Corp', dateOfChange: '2023-06-30' }],
  },
};

export const BRIGHTWATER_HOLDINGS_PROFILE: CompanyProfile = {
  ...BRIGHTWATER_PROFILE,
  cik: BRIGHTWATER.coRegistrantCik,
  name: 'Brightwater Analytics Holdings LLC',
  tickers: [],
  exchanges: [],
  entityType: 'other',
  formerNames: [],
  fileNumbers: [BRIGHTWATER.coRegistrantShelfFileNumber],
  filer: {
    ...BRIGHTWATER_PROFILE.filer,
    companyName: 'Brightwater Analytics Holdings LLC',
    cik: BRIGHTWATER.coRegistrantCik,
    ein: '882734177',
    formerNames: [],
  },
};

const CFO = { name: 'Dana Whitcombe', title: 'Chief Financial Officer' };
const TEN_K = { form: '10-K', fiscalYearEnd: '2023-12-31', filed: '2024-03-12' } as const;
const HEADINGS_1 = [
  'Form 10-K for the fiscal year ended December 31, 2023',
  'Management’s Discussion and Analysis of Financial Condition and Results of Operations',
  'Key Metrics, page 44',
];

const ROUND_1: ItemSpec[] = [
  {
    number: 1,
    headings: HEADINGS_1,
    comment: [
      'You present net revenue retention as a key metric. Please define how you calculate it, explain how management uses it, and disclose the rate for each period presented.',
    ],
  },
  {
    number: 2,
    headings: ['Notes to Consolidated Financial Statements', 'Note 3 – Revenue Recognition, page F-14'],
    comment: [
      'Please tell us how you identify the performance obligations in your multi-year platform subscriptions that include implementation services, and address the following:',
      {
        bullets: [
          'whether implementation services are distinct within the context of the contract;',
          'how you allocate the transaction price when standalone selling prices are not observable; and',
          'when you begin recognizing subscription revenue relative to the go-live date.',
        ],
      },
    ],
  },
  {
    number: 3,
    headings: ['Note 14 – Segment Information, page F-38'],
    comment: [
      'Please tell us how you considered the disclosure requirements of ASU 2023-07 for significant segment expenses regularly provided to your chief operating decision maker.',
    ],
  },
];

const ROUND_2: ItemSpec[] = [
  {
    number: 1,
    headings: ['Form 10-K for the fiscal year ended December 31, 2023', 'Key Metrics, page 44'],
    comment: [
      'We note your response to prior comment 1. Please also disclose the number of customers included in the calculation for each period, so investors can understand the base of the metric.',
    ],
  },
  {
    number: 2,
    headings: ['Note 14 – Segment Information, page F-38'],
    comment: [
      'We note your response to prior comment 3 and your proposed disclosure. Please tell us why hosting costs are not separately presented when your response indicates they are provided to the chief operating decision maker monthly.',
    ],
  },
];

function staffLetter(date: string, items: ItemSpec[], intro: string[], responseDates: string[] = []): LetterSpec {
  return {
    sender: 'sec',
    date,
    letterhead: [SEC_LOGO_TEXT],
    addressee: {
      people: [CFO],
      organization: [BRIGHTWATER.name],
      address: ['2200 Innovation Way, Suite 400', 'Raleigh, NC 27606'],
    },
    re: { company: BRIGHTWATER.name, filings: [TEN_K], responseDates, fileNumbers: [BRIGHTWATER.fileNumber] },
    salutation: 'Dear Dana Whitcombe:',
    intro,
    items,
    closingParagraphs:
      items.length > 0
        ? ['Please contact Aaron Feld at 202-551-3316 or Priya Raman at 202-551-3742 if you have any questions.']
        : [],
    closing: 'Sincerely,',
    signatories: [],
    signatureOrganization: ['Division of Corporation Finance', 'Office of Technology'],
    cc: items.length > 0 ? ['Lena Ortiz, Esq.'] : [],
    style: DEFAULT_SEC_STYLE,
  };
}

function companyLetter(date: string, commentDate: string, items: ItemSpec[], answers: string[][]): LetterSpec {
  return {
    sender: 'company',
    date,
    letterhead: [],
    confidentialLegend:
      'CONFIDENTIAL TREATMENT REQUESTED BY BRIGHTWATER ANALYTICS, INC. PURSUANT TO RULE 83 (17 C.F.R. § 200.83)',
    delivery: 'VIA EDGAR',
    addressee: {
      people: [],
      organization: [
        'U.S. Securities and Exchange Commission',
        'Division of Corporation Finance',
        'Office of Technology',
      ],
      address: SEC_ADDRESS,
    },
    re: { company: BRIGHTWATER.name, filings: [TEN_K], fileNumbers: [BRIGHTWATER.fileNumber] },
    salutation: 'Ladies and Gentlemen:',
    intro: [
      `Brightwater Analytics, Inc. (the “Company”) responds below to the comments of the staff of the Division of Corporation Finance (the “Staff”) in its letter dated ${commentDate}. The Staff’s comments are repeated in bold italics, each followed by the Company’s response. Information the Company asks to keep confidential under Rule 83 is marked [***].`,
    ],
    items: items.map((item, i) => ({ ...item, response: answers[i] ?? [] })),
    closingParagraphs: [
      'Please direct questions about this letter to Lena Ortiz of Calder Whitney LLP at (919) 555-0120.',
    ],
    closing: 'Sincerely,',
    signatories: [CFO],
    cc: ['Marcus Hale, Chief Executive Officer, Brightwater Analytics, Inc.', 'Lena Ortiz, Esq., Calder Whitney LLP'],
    style: { ...DEFAULT_COMPANY_STYLE, quote: 'bold', marker: 'response-colon' },
  };
}

export function brightwaterLetterSpecs(): Record<string, LetterSpec> {
  const reviewIntro = (what: string) => [
    what,
    'Please respond to this letter within ten business days by providing the requested information or advise us as soon as possible when you will respond. If you do not believe a comment applies to your facts and circumstances, please tell us why in your response.',
  ];
  return {
    [BRIGHTWATER.comment1]: staffLetter(
      '2024-11-19',
      ROUND_1,
      reviewIntro('We have reviewed your filing and have the following comments.'),
    ),
    [BRIGHTWATER.response1]: companyLetter('2024-12-17', 'November 19, 2024', ROUND_1, [
      [
        'Net revenue retention compares annual recurring revenue from customers a year ago with the same customers today. It was [***]% for 2023 and [***]% for 2022. The Company will disclose both rates in future filings.',
      ],
      [
        'The Company respectfully advises the Staff that implementation services are not distinct: customers cannot use the platform without them.',
        'Subscription revenue is recognized ratably from the go-live date.',
      ],
      [
        'The Company will adopt ASU 2023-07 in its Form 10-K for fiscal 2024 and proposes to present personnel, hosting and sales commission expenses separately.',
      ],
    ]),
    [BRIGHTWATER.comment2]: staffLetter(
      '2025-01-14',
      ROUND_2,
      reviewIntro(
        'We have reviewed your December 17, 2024 response to our comment letter and have the following comments. Unless we note otherwise, any references to prior comments are to comments in our November 19, 2024 letter.',
      ),
      ['2024-12-17'],
    ),
    [BRIGHTWATER.response2]: companyLetter('2025-01-28', 'January 14, 2025', ROUND_2, [
      ['The Company will disclose the number of customers in the calculation, which was 412 for 2023.'],
      [
        'The Company will present hosting costs as a separate significant segment expense beginning with its Form 10-K for fiscal 2024.',
      ],
    ]),
    [BRIGHTWATER.complete]: staffLetter(
      '2025-02-11',
      [],
      [
        'We have completed our review of your filing. We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.',
      ],
    ),
    [BRIGHTWATER.noReview]: {
      ...staffLetter(
        '2025-03-07',
        [],
        [
          'This is to advise you that we have not reviewed and will not review your registration statement.',
          'Please refer to Rules 460 and 461 regarding requests for acceleration.',
        ],
      ),
      re: {
        company: BRIGHTWATER.name,
        filings: [{ form: 'S-3', formLabel: 'Registration Statement on', filed: '2025-03-03' }],
        fileNumbers: [BRIGHTWATER.shelfFileNumber],
      },
      signatureOrganization: ['Division of Corporation Finance', 'Office of Technology'],
    },
    [BRIGHTWATER.acceleration]: {
      ...companyLetter('2025-03-10', '', [], []),
      letterhead: [],
      confidentialLegend: undefined,
      re: {
        company: `${BRIGHTWATER.name} and Brightwater Analytics Holdings LLC`,
        filings: [{ form: 'S-3', formLabel: 'Registration Statement on', filed: '2025-03-03' }],
        fileNumbers: [BRIGHTWATER.shelfFileNumber, BRIGHTWATER.coRegistrantShelfFileNumber],
      },
      intro: [
        'Pursuant to Rule 461 under the Securities Act of 1933, as amended, Brightwater Analytics, Inc. and Brightwater Analytics Holdings LLC request that the effective date of the Registration Statement on Form S-3 named above be accelerated to 4:00 p.m., Eastern Time, on March 12, 2025, or as soon thereafter as practicable.',
      ],
      closingParagraphs: [
        'Please notify Lena Ortiz of Calder Whitney LLP at (919) 555-0120 when the Registration Statement is declared effective.',
      ],
      signatories: [
        CFO,
        { name: 'Dana Whitcombe', title: 'Manager', organization: 'Brightwater Analytics Holdings LLC' },
      ],
      cc: [],
    },
  };
}

/** Brightwater Analytics, Inc., and its co-registrant subsidiary (listed under the shared filings only). */
export async function buildBrightwaterCompanies(): Promise<ReplicaCompany[]> {
  const B = BRIGHTWATER;
  const P = BRIGHTWATER_PROFILE;
  const specs = brightwaterLetterSpecs();
  const reviewOut = disseminationAfter('2025-02-11');
  const shelfOut = disseminationAfter('2025-03-12');
  const modernUpload = {
    textExtract: true,
    headerFileNumber: B.fileNumber,
    listedFileNumber: B.fileNumber,
    publicReferenceAccession: B.tenK,
  };
  const filings: ReplicaFiling[] = await Promise.all([
    buildUploadFiling(P, {
      ...modernUpload,
      accessionNumber: B.comment1,
      filingDate: '2024-11-19',
      acceptanceTime: '16:40:11',
      disseminationDate: reviewOut,
      letter: specs[B.comment1]!,
    }),
    buildCorrespFiling(P, {
      accessionNumber: B.response1,
      filingDate: '2024-12-17',
      acceptanceTime: '16:05:37',
      disseminationDate: reviewOut,
      letter: specs[B.response1]!,
    }),
    buildUploadFiling(P, {
      ...modernUpload,
      accessionNumber: B.comment2,
      filingDate: '2025-01-14',
      acceptanceTime: '17:12:03',
      disseminationDate: reviewOut,
      letter: specs[B.comment2]!,
    }),
    buildCorrespFiling(P, {
      accessionNumber: B.response2,
      filingDate: '2025-01-28',
      acceptanceTime: '09:00:21',
      disseminationDate: reviewOut,
      letter: specs[B.response2]!,
    }),
    buildUploadFiling(P, {
      ...modernUpload,
      accessionNumber: B.complete,
      filingDate: '2025-02-11',
      acceptanceTime: '13:26:58',
      disseminationDate: reviewOut,
      letter: specs[B.complete]!,
    }),
    buildUploadFiling(P, {
      accessionNumber: B.noReview,
      filingDate: '2025-03-07',
      acceptanceTime: '11:02:44',
      disseminationDate: shelfOut,
      letter: specs[B.noReview]!,
      textExtract: true,
      headerFileNumber: [B.shelfFileNumber, B.coRegistrantShelfFileNumber],
      listedFileNumber: B.shelfFileNumber,
      publicReferenceAccession: B.shelf,
      coRegistrants: [BRIGHTWATER_HOLDINGS_PROFILE],
    }),
    buildCorrespFiling(P, {
      accessionNumber: B.acceleration,
      filingDate: '2025-03-10',
      acceptanceTime: '16:10:09',
      disseminationDate: shelfOut,
      letter: specs[B.acceleration]!,
      letterheadImage: 'tm2508812d1_corresp-img01.jpg',
      coRegistrants: [BRIGHTWATER_HOLDINGS_PROFILE],
    }),
  ]);
  filings.push(
    buildOtherFiling(P, {
      accessionNumber: B.tenK,
      form: '10-K',
      filingDate: '2024-03-12',
      acceptanceTime: '16:31:05',
      reportDate: '2023-12-31',
      fileNumber: B.fileNumber,
      filmNumber: '24742118',
      primaryDocument: 'bwtr-20231231.htm',
      primaryDocDescription: '10-K',
      summary: 'Annual report on Form 10-K for the fiscal year ended December 31, 2023.',
    }),
    buildOtherFiling(P, {
      accessionNumber: '0001961238-24-000027',
      form: '10-Q',
      filingDate: '2024-08-06',
      acceptanceTime: '16:15:40',
      reportDate: '2024-06-30',
      fileNumber: B.fileNumber,
      filmNumber: '241179035',
      primaryDocument: 'bwtr-20240630.htm',
      primaryDocDescription: '10-Q',
      summary: 'Quarterly report for the quarter ended June 30, 2024.',
    }),
    buildOtherFiling(P, {
      accessionNumber: '0001961238-25-000011',
      form: '10-K',
      filingDate: '2025-02-25',
      acceptanceTime: '16:20:12',
      reportDate: '2024-12-31',
      fileNumber: B.fileNumber,
      filmNumber: '25660914',
      primaryDocument: 'bwtr-20241231.htm',
      primaryDocDescription: '10-K',
      summary: 'Annual report on Form 10-K for the fiscal year ended December 31, 2024.',
    }),
    buildOtherFiling(P, {
      accessionNumber: B.shelf,
      form: 'S-3',
      filingDate: '2025-03-03',
      acceptanceTime: '17:01:50',
      fileNumber: B.shelfFileNumber,
      filmNumber: '25693302',
      primaryDocument: 'tm2508812-1_s3.htm',
      primaryDocDescription: 'S-3',
      summary: 'Shelf registration statement on Form S-3.',
      coRegistrants: [BRIGHTWATER_HOLDINGS_PROFILE],
    }),
  );
  return [companyOf(P, filings), companyOf(BRIGHTWATER_HOLDINGS_PROFILE, [])];
}
