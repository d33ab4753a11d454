/**
 * Letter material for generated companies: a pool of comment topics (headings, comment, response) and the
 * letter specs of one review round, in the shape of the year they are dated.
 */

import type {
  ItemNumbering,
  ItemSpec,
  LetterSpec,
  QuoteStyle,
  ResponseMarker,
} from '../../fixtures/render/letter-spec.ts';
import { SEC_ADDRESS, SEC_LETTERHEAD_CLASSIC, SEC_LOGO_TEXT } from '../../fixtures/render/letter-spec.ts';
import { formatLongDate } from '../../fixtures/render/text-format.ts';

interface Topic {
  readonly headings: readonly string[];
  readonly comment: string;
  readonly response: string;
}

export const TOPICS: readonly Topic[] = [
  {
    headings: ['Management’s Discussion and Analysis', 'Results of Operations, page 38'],
    comment:
      'Please quantify each factor you cite for the change in gross margin and discuss whether you expect the trend to continue.',
    response: 'The Company will quantify the effect of product mix and input costs on gross margin in future filings.',
  },
  {
    headings: ['Liquidity and Capital Resources, page 45'],
    comment:
      'Please discuss the material terms of your revolving credit facility, including covenants, and whether you were in compliance at year end.',
    response: 'The Company was in compliance with all covenants and will describe them in future filings.',
  },
  {
    headings: ['Critical Accounting Estimates', 'Goodwill, page 52'],
    comment:
      'Please disclose the percentage by which the fair value of each reporting unit at risk exceeded its carrying value and the key assumptions used.',
    response:
      'No reporting unit was at risk of failing the impairment test; the Company will say so in future filings.',
  },
  {
    headings: ['Notes to Consolidated Financial Statements', 'Note 2. Revenue Recognition, page F-12'],
    comment: 'Please tell us how you determined that your service contracts contain a single performance obligation.',
    response: 'The services are highly interdependent and are delivered as one integrated output to the customer.',
  },
  {
    headings: ['Note 9. Income Taxes, page F-27'],
    comment:
      'Please explain the positive and negative evidence you weighed in releasing part of your valuation allowance.',
    response:
      'The Company weighed three years of cumulative pre-tax income against the expiry dates of its loss carryforwards.',
  },
  {
    headings: ['Note 11. Segment Information, page F-33'],
    comment: 'Please tell us how you identified your operating segments and whether any have been aggregated.',
    response:
      'The chief operating decision maker reviews results for two operating segments, which are not aggregated.',
  },
  {
    headings: ['Item 1A. Risk Factors, page 14'],
    comment: 'Please revise the risk factor on cybersecurity to describe any material incidents you have experienced.',
    response:
      'The Company has not experienced a material cybersecurity incident and will state this in future filings.',
  },
  {
    headings: ['Non-GAAP Financial Measures, page 41'],
    comment:
      'Please present the most directly comparable GAAP measure with equal or greater prominence than adjusted EBITDA.',
    response: 'The Company will present net income before adjusted EBITDA in future filings and earnings releases.',
  },
];

export interface RoundStyle {
  readonly numbering: ItemNumbering;
  readonly marker: ResponseMarker;
  readonly quote: QuoteStyle;
}

export interface GeneratedCompanyFacts {
  readonly name: string;
  readonly fileNumber: string;
  readonly address: readonly string[];
  readonly officer: { readonly name: string; readonly title: string };
  readonly form: '10-K' | '20-F';
}

function reviewedFiling(facts: GeneratedCompanyFacts, fiscalYear: number) {
  return {
    form: facts.form,
    fiscalYearEnd: `${fiscalYear}-12-31`,
    filed: `${fiscalYear + 1}-03-0${1 + (fiscalYear % 8)}`,
  };
}

function modernSec(date: string): boolean {
  return date >= '2019-01-01';
}

export function itemsFor(topicIndexes: readonly number[], priorOf: ((n: number) => number | null) | null): ItemSpec[] {
  return topicIndexes.map((t, i) => {
    const topic = TOPICS[t % TOPICS.length]!;
    const prior = priorOf?.(i + 1) ?? null;
    const comment =
      prior === null ? topic.comment : `We note your response to prior comment ${prior}. ${topic.comment}`;
    return { number: i + 1, headings: topic.headings, comment: [comment] };
  });
}

export function staffComment(
  facts: GeneratedCompanyFacts,
  date: string,
  fiscalYear: number,
  items: ItemSpec[],
  responseDate: string | null,
): LetterSpec {
  const modern = modernSec(date);
  return {
    sender: 'sec',
    date,
    letterhead: modern ? [SEC_LOGO_TEXT] : SEC_LETTERHEAD_CLASSIC,
    addressee: { people: [facts.officer], organization: [facts.name], address: facts.address },
    re: {
      company: facts.name,
      filings: [reviewedFiling(facts, fiscalYear)],
      responseDates: responseDate && modern ? [responseDate] : [],
      fileNumbers: [facts.fileNumber],
    },
    salutation: `Dear ${facts.officer.name}:`,
    intro:
      items.length === 0
        ? [
            'We have completed our review of your filing. We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.',
          ]
        : [
            responseDate
              ? `We have reviewed your ${formatLongDate(responseDate)} response to our comment letter and have the following comments.`
              : 'We have reviewed your filing and have the following comments.',
            'Please respond to this letter within ten business days by providing the requested information.',
          ],
    items,
    closingParagraphs:
      items.length === 0 ? [] : ['Please contact the staff accountant at (202) 551-3300 with any questions.'],
    closing: 'Sincerely,',
    signatories: modern ? [] : [{ name: 'Alicia Benton', title: 'Accounting Branch Chief' }],
    signatureOrganization: modern ? ['Division of Corporation Finance', 'Office of Manufacturing'] : [],
    cc: [],
    style: { numbering: 'dot', marker: 'none', quote: 'plain' },
  };
}

export function companyResponse(
  facts: GeneratedCompanyFacts,
  date: string,
  fiscalYear: number,
  commentDate: string,
  items: ItemSpec[],
  topicIndexes: readonly number[],
  style: RoundStyle,
): LetterSpec {
  return {
    sender: 'company',
    date,
    letterhead: [facts.name, ...facts.address],
    delivery: 'VIA EDGAR',
    addressee: {
      people: [{ name: 'Alicia Benton', title: 'Accounting Branch Chief' }],
      organization: ['Division of Corporation Finance', 'Securities and Exchange Commission'],
      address: SEC_ADDRESS,
    },
    re: { company: facts.name, filings: [reviewedFiling(facts, fiscalYear)], fileNumbers: [facts.fileNumber] },
    salutation: 'Dear Ms. Benton:',
    intro: [
      `${facts.name} (the “Company”) responds below to the comments in the staff’s letter dated ${formatLongDate(commentDate)}. Each comment is repeated and followed by the Company’s response.`,
    ],
    items: items.map((item, i) => ({
      ...item,
      response: [TOPICS[topicIndexes[i]! % TOPICS.length]!.response],
    })),
    closingParagraphs: ['Please contact the undersigned with any questions.'],
    acknowledgement: date < '2016-06-01' ? 'company' : undefined,
    closing: 'Very truly yours,',
    signatories: [facts.officer],
    cc: [],
    style,
  };
}
