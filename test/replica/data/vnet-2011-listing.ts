/**
 * Letters of 21Vianet's 2011 listing, under the F-1 registration statement's own file number: a staff
 * comment letter, the company's response and the acceleration request (Rule 461) that names both the F-1 and
 * the Form 8-A (several file numbers in one letter). Invented for the dataset, in this project's own words.
 */

import type { LetterSpec } from '../../fixtures/render/letter-spec.ts';
import {
  DEFAULT_COMPANY_STYLE,
  DEFAULT_SEC_STYLE,
  SEC_ADDRESS,
  SEC_LETTERHEAD_CLASSIC,
} from '../../fixtures/render/letter-spec.ts';
import { HSIAO, VNET, VNET_LETTERHEAD, vnetAddressee } from './vnet-profile.ts';

export const VNET_2011 = {
  f1Filed: '2011-03-18',
  comment: '2011-03-29',
  response: '2011-04-05',
  acceleration: '2011-04-18',
} as const;

const F1 = { form: 'F-1', formLabel: 'Registration Statement on', filed: VNET_2011.f1Filed } as const;
const STAFF_PERSON = { name: 'Jan Woo', title: 'Attorney-Advisor' };

const ITEMS = [
  {
    number: 1,
    headings: ['Prospectus Summary, page 1'],
    comment: [
      'Please explain in the summary how you measure the number of cabinets under management and why the measure is useful to investors.',
    ],
  },
  {
    number: 2,
    headings: ['Our Corporate Structure, page 6'],
    comment: [
      'Please add a diagram of the contractual arrangements with your consolidated affiliated entities and name the PRC entities that hold your operating licenses.',
    ],
  },
];

export function vnetListingComment(): LetterSpec {
  return {
    sender: 'sec',
    date: VNET_2011.comment,
    letterhead: SEC_LETTERHEAD_CLASSIC,
    delivery: 'Via E-mail',
    addressee: vnetAddressee({ name: 'Sheng Chen', title: 'Chairman and Chief Executive Officer' }),
    re: { company: VNET.name, filings: [F1], fileNumbers: [VNET.f1FileNumber] },
    salutation: 'Dear Mr. Chen:',
    intro: ['We have reviewed your registration statement and have the following comments.'],
    items: ITEMS,
    closingParagraphs: ['Please contact Jan Woo, Attorney-Advisor, at (202) 551-3453 with any questions.'],
    closing: 'Sincerely,',
    signatories: [{ name: 'Barbara C. Jacobs', title: 'Assistant Director' }],
    cc: ['Z. Julie Gao, Esq., Skadden, Arps, Slate, Meagher & Flom LLP'],
    style: DEFAULT_SEC_STYLE,
  };
}

export function vnetListingResponse(): LetterSpec {
  return {
    sender: 'company',
    date: VNET_2011.response,
    letterhead: VNET_LETTERHEAD,
    delivery: 'VIA EDGAR',
    addressee: {
      people: [{ name: 'Barbara C. Jacobs', title: 'Assistant Director' }, STAFF_PERSON],
      organization: ['Division of Corporation Finance', 'Securities and Exchange Commission'],
      address: SEC_ADDRESS,
    },
    re: { company: VNET.name, filings: [F1], fileNumbers: [VNET.f1FileNumber] },
    salutation: 'Dear Ms. Jacobs:',
    intro: [
      'On behalf of 21Vianet Group, Inc. (the “Company”), we respond below to the Staff’s letter dated March 29, 2011. The Staff’s comments are set out in italics, each followed by the Company’s response.',
    ],
    items: [
      {
        ...ITEMS[0]!,
        response: [
          'The Company has revised page 1 to explain that it counts cabinets in service at the end of each period and that investors use the count to follow its capacity.',
        ],
      },
      {
        ...ITEMS[1]!,
        response: [
          'The Company has added the requested diagram on page 7 and named the PRC entities that hold its licenses.',
        ],
      },
    ],
    closingParagraphs: ['Please contact the undersigned with any questions.'],
    closing: 'Very truly yours,',
    signatories: [HSIAO],
    cc: ['Z. Julie Gao, Esq., Skadden, Arps, Slate, Meagher & Flom LLP'],
    style: { ...DEFAULT_COMPANY_STYLE, quote: 'italic', marker: 'company-response', numbering: 'comment-label' },
  };
}

/** Acceleration request naming the F-1 and the Form 8-A: two file numbers in one Re: block. */
export function vnetAccelerationRequest(): LetterSpec {
  return {
    sender: 'company',
    date: VNET_2011.acceleration,
    letterhead: VNET_LETTERHEAD,
    delivery: 'VIA EDGAR',
    addressee: {
      people: [STAFF_PERSON],
      organization: ['Division of Corporation Finance', 'Securities and Exchange Commission'],
      address: SEC_ADDRESS,
    },
    re: {
      company: VNET.name,
      filings: [F1, { form: '8-A', formLabel: 'Registration Statement on' }],
      fileNumbers: [VNET.f1FileNumber, VNET.fileNumber],
    },
    salutation: 'Ladies and Gentlemen:',
    intro: [
      'Under Rule 461 of the General Rules and Regulations under the Securities Act of 1933, as amended, 21Vianet Group, Inc. asks that the effectiveness of the Registration Statement on Form F-1 and of the Registration Statement on Form 8-A named above be accelerated to 4:00 p.m., Eastern time, on April 20, 2011, or as soon as practicable afterwards.',
    ],
    items: [],
    closingParagraphs: [
      'Please tell Z. Julie Gao of Skadden, Arps, Slate, Meagher & Flom LLP, at +852 3740-4850, when the registration statements have been declared effective.',
    ],
    closing: 'Very truly yours,',
    signatories: [HSIAO],
    cc: [],
    style: DEFAULT_COMPANY_STYLE,
  };
}
