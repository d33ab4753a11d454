/**
 * The staff's 2017 review of 21Vianet's Form 20-F for fiscal 2016 (filed April 12, 2017; File No. 001-35126),
 * in this project's own words: a first letter (three comments), the company's answer, the August 16, 2017
 * letter (five comments, four on prior comments), the company's August 30, 2017 response ("Response:" markers,
 * a bare "Response", a "- 5." item with sub-bullets) and the letter closing the review.
 */

import type { ItemSpec, LetterSpec } from '../../fixtures/render/letter-spec.ts';
import { DEFAULT_COMPANY_STYLE, DEFAULT_SEC_STYLE, SEC_LETTERHEAD_CLASSIC } from '../../fixtures/render/letter-spec.ts';
import { KRIKORIAN, SEC_2017, VNET, VNET_LETTERHEAD, WANG, vnetAddressee } from './vnet-profile.ts';

export const VNET_2017 = {
  firstComment: '2017-06-28',
  firstResponse: '2017-07-21',
  secondComment: '2017-08-16',
  secondResponse: '2017-08-30',
  complete: '2017-09-19',
  formFiled: '2017-04-12',
  fiscalYearEnd: '2016-12-31',
} as const;

const FORM = { form: '20-F', fiscalYearEnd: VNET_2017.fiscalYearEnd, filed: VNET_2017.formFiled } as const;
const SELECTED_DATA = ['Item 3. Key Information', 'A. Selected Financial Data, page 3'];
const NON_GAAP = ['Discussion of Non-GAAP Financial Measures, page 5'];
const GOODWILL = [
  'Item 5. Operating and Financial Review and Prospects',
  'Critical Accounting Policies',
  'Goodwill, page 84',
];

const FIRST_ITEMS: ItemSpec[] = [
  {
    number: 1,
    headings: SELECTED_DATA,
    comment: [
      'Your bad debt allowance for trade receivables grew sharply in fiscal 2016. Please tell us which customers account for the increase and how you concluded that collection was reasonably assured when you recognized revenue from them.',
    ],
  },
  {
    number: 2,
    headings: NON_GAAP,
    comment: [
      'Your earnings releases present Adjusted EBITDA for each segment. Please reconcile each segment measure to the most directly comparable GAAP measure.',
    ],
  },
  {
    number: 3,
    comment: ['Please tell us how you present the income tax effects of your non-GAAP adjustments.'],
  },
];

export function vnetFirstComment2017(): LetterSpec {
  return {
    sender: 'sec',
    date: VNET_2017.firstComment,
    letterhead: SEC_LETTERHEAD_CLASSIC,
    addressee: vnetAddressee(WANG),
    re: { company: VNET.name, filings: [FORM], fileNumbers: [VNET.fileNumber] },
    salutation: 'Dear Mr. Wang:',
    intro: [
      'We have limited our review of your filing to the financial statements and related disclosures and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.',
      'Please respond to these comments within ten business days by providing the requested information or advise us as soon as possible when you will respond.',
    ],
    items: FIRST_ITEMS,
    closingParagraphs: [
      'You may contact Mengyao Lu, Staff Accountant, at (202) 551-3471 or me at (202) 551-3488 if you have questions regarding these comments.',
    ],
    closing: 'Sincerely,',
    signatories: [{ ...KRIKORIAN, organization: 'Office of Information Technologies and Services' }],
    cc: [],
    style: DEFAULT_SEC_STYLE,
  };
}

const COMPANY_CC = [
  'Steve Zhang, Chief Executive Officer, 21Vianet Group, Inc.',
  'Z. Julie Gao, Esq., Partner, Skadden, Arps, Slate, Meagher & Flom LLP',
  'Will Cai, Esq., Partner, Skadden, Arps, Slate, Meagher & Flom LLP',
  'Henry Song, Ernst & Young Hua Ming LLP',
];

function companyLetter(date: string, commentDate: string, items: ItemSpec[]): LetterSpec {
  return {
    sender: 'company',
    date,
    letterhead: VNET_LETTERHEAD,
    addressee: SEC_2017,
    re: { company: VNET.name, filings: [FORM], fileNumbers: [VNET.fileNumber], label: 'RE:' },
    salutation: 'Ladies and Gentlemen:',
    intro: [
      `The Company answers below the comments in the letter of the staff of the Securities and Exchange Commission (the “Staff”) dated ${commentDate} on its Form 20-F for the fiscal year ended December 31, 2016 (the “2016 20-F”). In this letter the “Company” means 21Vianet Group, Inc. together with its subsidiaries and consolidated affiliated entities. Each comment is repeated below and followed by the Company’s response.`,
    ],
    items,
    separator: '* * *',
    closingParagraphs: [
      'Please contact the undersigned at +86 10 8456 2121, or the Company’s U.S. counsel, Will Cai of Skadden, Arps, Slate, Meagher & Flom LLP, at +852 3740-4891, with any further questions on the 2016 20-F.',
    ],
    closing: 'Very truly yours,',
    signatories: [WANG],
    cc: COMPANY_CC,
    style: { ...DEFAULT_COMPANY_STYLE, quote: 'plain', marker: 'response-colon' },
  };
}

export function vnetFirstResponse2017(): LetterSpec {
  const answers = [
    'The Company respectfully advises the Staff that the increase relates mainly to two state-owned enterprise customers and to a loan receivable from a related party, for which an allowance of RMB 37.9 million was recorded.',
    'The Company will include the reconciliations of segment Adjusted EBITDA in its future earnings releases.',
    'The Company presents the income tax effects of its non-GAAP adjustments together with the adjustments themselves and will reconsider that presentation.',
  ];
  return companyLetter(
    VNET_2017.firstResponse,
    'June 28, 2017',
    FIRST_ITEMS.map((item, i) => ({ ...item, response: [answers[i]!] })),
  );
}

/** The five comments of August 16, 2017. */
export const AUGUST_2017_ITEMS: ItemSpec[] = [
  {
    number: 1,
    headings: SELECTED_DATA,
    comment: [
      'We are still evaluating your response to prior comment 1 about the bad debt allowances on trade receivables. Please tell us the revenue recognized from the two state-owned enterprise customers in fiscal 2016 and in the latest interim period, and confirm that you stopped doing business with them after writing off their balances. Explain why these receivables became uncollectible although you describe such customers as large and reputable, why revenue recognition was appropriate when you recorded it, and how you judged collection probable then. Tell us about recent events such as lost customers and the “clean-up” of long-aging receivables mentioned in your earnings call of May 26, 2017, and how your future filings will disclose these events or trends if material.',
    ],
  },
  {
    number: 2,
    comment: [
      'Your response to prior comment 1 mentions a RMB 37.9 million bad debt allowance for a loan receivable from a related party. If a material balance from this party remains outstanding, please disclose it in future filings under ASC 850-10-50, and tell us how you assessed the recoverability of any remaining receivable from this party at December 31, 2016.',
    ],
  },
  {
    number: 3,
    headings: NON_GAAP,
    comment: [
      'As in your response to prior comment 2, please make sure your future earnings releases reconcile segment Adjusted EBITDA to the most directly comparable GAAP measure. Refer to Item 100(a) of Regulation G.',
    ],
  },
  {
    number: 4,
    comment: [
      'We note your response to prior comment 3. In future earnings releases, please show the tax effect of your non-GAAP adjustments as a separate reconciling item, and explain in future filings and releases how you computed it. Refer to Question 102.11 of the Non-GAAP Financial Measures Compliance and Disclosure Interpretations updated May 17, 2016.',
    ],
  },
  {
    number: 5,
    headings: GOODWILL,
    comment: [
      'Please tell us whether your MNS reporting unit was at risk of failing step 1 and by what percentage its estimated fair value exceeded its carrying value at October 1 and December 31, 2016. Tell us whether you have tested it for impairment more recently, and whether the sustained fall in your market capitalization and the continuing losses of the MNS unit are triggering events; if not, explain why. Refer to ASC 350-20-35-30. For any reporting unit at risk of failing step 1, your future filings should disclose:',
      {
        bullets: [
          'the percentage by which fair value exceeded carrying value at the date of the latest impairment test;',
          'how the key assumptions were determined and how uncertain they are, as specifically as possible; and',
          'the events or changes in circumstances that could reasonably be expected to affect those assumptions adversely.',
        ],
      },
      'Otherwise, disclose that no material goodwill exists at reporting units at risk of failing step 1, or that no reporting unit is at risk.',
    ],
  },
];

export function vnetSecondComment2017(): LetterSpec {
  return {
    ...vnetFirstComment2017(),
    date: VNET_2017.secondComment,
    re: {
      company: VNET.name,
      filings: [FORM],
      responseDates: [VNET_2017.firstResponse],
      fileNumbers: [VNET.fileNumber],
    },
    intro: [
      'We have reviewed your July 21, 2017 response to our comment letter and have the following comments. Unless we note otherwise, our references to prior comments are to comments in our June 28, 2017 letter.',
      'Please respond to these comments within ten business days by providing the requested information or advise us as soon as possible when you will respond.',
    ],
    items: AUGUST_2017_ITEMS,
  };
}

export function vnetSecondResponse2017(): LetterSpec {
  const [one, two, three, four, five] = AUGUST_2017_ITEMS as [ItemSpec, ItemSpec, ItemSpec, ItemSpec, ItemSpec];
  return companyLetter(VNET_2017.secondResponse, 'August 16, 2017', [
    {
      ...one,
      response: [
        'The Company respectfully advises the Staff that most of the net increase in the allowance relates to one state-owned customer (“Customer A”), partly offset by the reversal of a smaller allowance after a 2016 collection from the other (“Customer B”). Revenue recognized in fiscal 2016 was nil from Customer A and RMB 8 million from Customer B, and none from either in the six months ended June 30, 2017. The Company has had no transactions with Customer A since writing off its balance. When revenue was recognized all criteria of ASC 605 were met, including reasonable assurance of collection based on the customers’ background and credit history; a change of Customer A’s management in 2015 later led to a dispute over the remaining balance.',
        'The “clean-up” mentioned in the earnings call refers to long-aging receivables written off after every collection effort was exhausted. Because collection was assured when revenue was recognized and the customers paid for a reasonable time afterwards, the Company does not consider these to be known trends or uncertainties requiring disclosure under Item 5.D of Form 20-F, but it will disclose any such trend that could materially affect its financial statements.',
      ],
    },
    {
      ...two,
      response: [
        'The Company respectfully advises the Staff that, apart from the RMB 37.9 million allowance mentioned in its prior response 1, no receivable from this party remained outstanding at December 31, 2016.',
      ],
    },
    {
      ...three,
      marker: 'response-bare',
      response: [
        'The Company respectfully advises the Staff that its most recent second-quarter earnings release reconciled segment Adjusted EBITDA to the most directly comparable GAAP measures, and its future releases will do the same under Item 100(a) of Regulation G.',
      ],
    },
    {
      ...four,
      response: [
        'The Company respectfully advises the Staff that its most recent second-quarter earnings release shows the tax effect of its non-GAAP adjustments as a separate reconciling item and explains how it was determined, and its future releases will continue to do so under Question 102.11.',
      ],
    },
    {
      ...five,
      numbering: 'dash-dot',
      response: [
        'The Company respectfully advises the Staff that the MNS reporting unit was not at risk of failing step 1 at October 1 or December 31, 2016: its estimated fair value exceeded its carrying value by 8% and 14%, respectively. Given the fall in market capitalization and the continuing losses of the MNS unit in 2017, the Company is now performing step 1 of a quantitative impairment test, which was not complete at the date of this letter, and will account for its outcome when it is.',
        'In its future filings the Company will state whether any reporting unit is at risk of failing step 1 and, for any that is, give the disclosures listed above.',
      ],
    },
  ]);
}

export function vnetReviewComplete2017(): LetterSpec {
  return {
    ...vnetFirstComment2017(),
    date: VNET_2017.complete,
    intro: [
      'We have completed our review of your filing. We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.',
    ],
    items: [],
    closingParagraphs: [],
  };
}
