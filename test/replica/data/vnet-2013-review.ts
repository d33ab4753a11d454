/**
 * The staff's 2013 review of 21Vianet's Form 20-F for fiscal 2012 (filed April 19, 2013; File No. 001-35126),
 * written in this project's own words: a first comment letter (five comments), the company's answer, the
 * December 17, 2013 letter (three follow-up comments on prior comments 3, 4 and 5), the company's January 3,
 * 2014 response, and the letter closing the review.
 */

import type { ItemSpec, LetterSpec } from '../../fixtures/render/letter-spec.ts';
import { DEFAULT_COMPANY_STYLE, DEFAULT_SEC_STYLE, SEC_LETTERHEAD_CLASSIC } from '../../fixtures/render/letter-spec.ts';
import { HSIAO, KRIKORIAN, SEC_2013, VNET, VNET_LETTERHEAD, vnetAddressee } from './vnet-profile.ts';

export const VNET_2013 = {
  firstComment: '2013-09-27',
  firstResponse: '2013-10-25',
  secondComment: '2013-12-17',
  secondResponse: '2014-01-03',
  complete: '2014-01-14',
  formFiled: '2013-04-19',
  fiscalYearEnd: '2012-12-31',
} as const;

const FORM = { form: '20-F', fiscalYearEnd: VNET_2013.fiscalYearEnd, filed: VNET_2013.formFiled } as const;
const XIAN_HEADINGS = [
  'Notes to the Consolidated Financial Statements',
  'Note 4. Acquisitions',
  'Business Combinations',
  '21V Xi’an, page F-33',
];

const FIRST_ITEMS: ItemSpec[] = [
  {
    number: 1,
    headings: ['Item 5. Operating and Financial Review and Prospects', 'Results of Operations, page 71'],
    comment: [
      'Your discussion of net revenues names several causes for the increase in hosting revenues without saying how much each contributed. Please quantify each material factor, such as the number of cabinets under management and the monthly recurring revenue per cabinet.',
    ],
  },
  {
    number: 2,
    headings: ['Liquidity and Capital Resources, page 80'],
    comment: [
      'Please tell us the amount of cash held by your subsidiaries and consolidated affiliated entities in the PRC and describe the restrictions that limit their ability to transfer it to the Company.',
    ],
  },
  {
    number: 3,
    headings: XIAN_HEADINGS,
    comment: [
      'Please explain how you measured the fair value of the real estate property obtained in the acquisition of 21V Xi’an and who performed the valuation.',
    ],
  },
  {
    number: 4,
    comment: [
      'You describe aBitCool, Inc. as a company owned by the same group of your ordinary shareholders. Please tell us whether the Company and aBitCool were under common control when you bought 21V Xi’an, and why acquisition accounting applies.',
    ],
  },
  {
    number: 5,
    headings: ['Note 23. Related Party Transactions, page F-63'],
    comment: [
      'Please tell us whether you believe your disclosure of the transaction with aBitCool meets the requirements of ASC 850-10-50.',
    ],
  },
];

export function vnetFirstComment2013(): LetterSpec {
  return {
    sender: 'sec',
    date: VNET_2013.firstComment,
    letterhead: SEC_LETTERHEAD_CLASSIC,
    delivery: 'Via E-mail',
    addressee: vnetAddressee(HSIAO),
    re: { company: VNET.name, filings: [FORM], fileNumbers: [VNET.fileNumber] },
    salutation: 'Dear Mr. Hsiao:',
    intro: [
      'We have reviewed your filing and have the following comments. In some of our comments, we may ask you to provide us with information so we may better understand your disclosure.',
      'Please respond to this letter within ten business days by providing the requested information or by advising us when you will provide the requested response. If you do not believe our comments apply to your facts and circumstances, please tell us why in your response.',
    ],
    items: FIRST_ITEMS,
    closingParagraphs: [
      'You may contact Melissa Walsh, Staff Accountant, at (202) 551-3826 or me at (202) 551-3488 if you have questions regarding these comments.',
    ],
    acknowledgement: 'staff-request',
    closing: 'Sincerely,',
    signatories: [KRIKORIAN],
    cc: [],
    style: DEFAULT_SEC_STYLE,
  };
}

export function vnetFirstResponse2013(): LetterSpec {
  const answers = [
    'The Company respectfully advises the Staff that the rise in hosting revenues came mainly from a larger number of cabinets under management and, to a smaller degree, from higher monthly recurring revenue per cabinet. The Company will quantify each factor in its future Form 20-F filings.',
    'Cash held in the PRC by the Company’s subsidiaries and consolidated affiliated entities was RMB 1,416.9 million as of December 31, 2012. PRC rules on statutory reserves and foreign exchange limit transfers of that cash, as described under “Risk Factors” and “Item 5.B.”',
    'The Company engaged an independent valuation firm, which applied the market method and used prices of comparable properties nearby as its starting point.',
    'The Company respectfully advises the Staff that no single shareholder controlled both the Company and aBitCool, and that acquisition accounting therefore applies.',
    'The Company believes that its current disclosure of the transaction with aBitCool is sufficient.',
  ];
  return {
    sender: 'company',
    date: VNET_2013.firstResponse,
    letterhead: VNET_LETTERHEAD,
    delivery: 'VIA EDGAR',
    addressee: SEC_2013,
    re: {
      company: VNET.name,
      companyNote: '(the “Company”)',
      filings: [{ ...FORM, filedLabel: 'Filed on', definedAs: '(the “2012 Form 20-F”)' }],
      fileNumbers: [VNET.fileNumber],
      layout: 'inline',
    },
    salutation: 'Dear Mr. Krikorian and Ms. Walsh:',
    intro: [
      'The Company answers below the comments in the Staff’s letter dated September 27, 2013 on the 2012 Form 20-F. Each comment is repeated in bold and followed by the Company’s response.',
    ],
    items: FIRST_ITEMS.map((item, i) => ({ ...item, response: [answers[i]!] })),
    separator: '* *',
    acknowledgement: 'company',
    closingParagraphs: [
      'Please direct any questions about this letter to the Company’s U.S. counsel, Z. Julie Gao of Skadden, Arps, Slate, Meagher & Flom LLP, at +852 3740-4850.',
    ],
    closing: 'Very truly yours,',
    signatories: [HSIAO],
    cc: [
      'Sheng Chen, Chairman and Chief Executive Officer, 21Vianet Group, Inc.',
      'Z. Julie Gao, Esq., Skadden, Arps, Slate, Meagher & Flom LLP',
      'Ben Yang, Ernst & Young Hua Ming LLP',
    ],
    style: { ...DEFAULT_COMPANY_STYLE, quote: 'bold', marker: 'none' },
  };
}

/** The three comments of December 17, 2013, on prior comments 3, 4 and 5. */
export const DECEMBER_2013_ITEMS: ItemSpec[] = [
  {
    number: 1,
    headings: XIAN_HEADINGS,
    comment: [
      'Your response to prior comment 3 says that an independent valuation firm helped you measure the fair value of the real estate property acquired, using a market method based on comparable properties. Please tell us whether you also considered other valuation techniques, such as an income approach or a cost approach, and why you did not use them.',
    ],
  },
  {
    number: 2,
    comment: [
      'In response to prior comment 4 you state that no single shareholder controlled both the Company and aBitCool, Inc. Please describe the shareholders who together held a controlling voting interest in both companies, any relationships among them, and any agreements on how they vote.',
    ],
  },
  {
    number: 3,
    comment: [
      'Your response to prior comment 5 concludes that your disclosures are sufficient, and your relationship with aBitCool, Inc. is described on page 63. Please consider disclosing the common economic and voting interests in each company, and whether the transaction was made on terms equivalent to an arm’s-length transaction, with support for that conclusion. Refer to ASC 850-10-50-1a and 50-5.',
    ],
  },
];

export function vnetSecondComment2013(): LetterSpec {
  return {
    ...vnetFirstComment2013(),
    date: VNET_2013.secondComment,
    intro: [
      'We have reviewed your October 25, 2013 response to our comment letter and have the following comments. Unless we note otherwise, our references to prior comments are to comments in our September 27, 2013 letter.',
      'Please respond to this letter within ten business days by providing the requested information or by advising us when you will provide the requested response.',
    ],
    items: DECEMBER_2013_ITEMS,
    acknowledgement: undefined,
  };
}

export function vnetSecondResponse2013(): LetterSpec {
  return {
    ...vnetFirstResponse2013(),
    date: VNET_2013.secondResponse,
    intro: [
      'This letter gives the Company’s responses to the comments in the Staff’s letter dated December 17, 2013 on the 2012 Form 20-F. Each comment is repeated below in bold and followed by the Company’s response. Capitalized terms not defined here have the meanings given to them in the 2012 Form 20-F.',
    ],
    items: [
      {
        ...DECEMBER_2013_ITEMS[0]!,
        response: [
          'The Company respectfully advises the Staff that it chose the market approach because comparable properties near the site trade actively, while there is no active rental market in the immediate area of the property. The Company did consider the other two approaches.',
          'An income approach discounts expected net rental cash flows to present value. Without a rental market near the property there was no reliable basis for those cash flows, so the income approach could not be applied.',
          'A cost approach values the property at the current cost of reproducing its structures. The Company and the valuation firm concluded that it would not capture the combined value of the land and the building.',
          'Finally, the market approach rests on level 2 inputs, while the other two approaches would have rested on level 3 inputs that need more subjective adjustment.',
        ],
      },
      {
        ...DECEMBER_2013_ITEMS[1]!,
        response: [
          'The Company respectfully presents the interests of the shareholders who held shares in both the Company and aBitCool at the acquisition date, grouped by the relationships known to the Company:',
          {
            table: {
              header: [['Shareholder group', 'Voting interest in aBitCool (%)', 'Voting interest in the Company (%)']],
              rows: [
                ['Group (1): two affiliated investment vehicles', '27.66', '30.73'],
                ['Group (2): two affiliated venture funds', '7.45', '18.51'],
                ['Group (3): two affiliated partnerships', '7.45', '13.79'],
                ['Group (4): two affiliated partnerships', '3.67', '*'],
                ['Other unrelated shareholders', '44.60', '14.05'],
              ],
              notes: ['* Less than 0.01%'],
            },
          },
          'Apart from these four groups, the shareholders are not related to one another and have signed no voting agreements, so no group of shareholders controlled both companies.',
        ],
      },
      {
        ...DECEMBER_2013_ITEMS[2]!,
        response: [
          'The Company will expand footnote 23(a) on page F-63 in its future Form 20-F filings to state the common economic and voting interests, as if the disclosure had been made as of December 31, 2012, in accordance with ASC 850-10-50-1a.',
          'Having considered ASC 850-10-50-5, the Company believes the transaction is fully disclosed. The price was negotiated as in the Company’s ordinary course of business, but because the seller was a related party, there were few potential buyers and there was no competitive bidding for 21V Xi’an, the Company cannot state that the terms were equivalent to those of an arm’s-length transaction.',
        ],
      },
    ],
  };
}

export function vnetReviewComplete2013(): LetterSpec {
  return {
    ...vnetFirstComment2013(),
    date: VNET_2013.complete,
    intro: [
      'We have completed our review of your filing. We remind you that our comments or changes to disclosure in response to our comments do not foreclose the Commission from taking any action with respect to the company or the filing, and the company and its management are responsible for the accuracy and adequacy of their disclosures.',
    ],
    items: [],
    closingParagraphs: [],
    acknowledgement: undefined,
  };
}
