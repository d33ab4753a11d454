/** Hand-built letters of one review for the analytics tests: a staff letter, a response, a closing letter. */
import type { AnalyticsLetter } from '../../../src/analytics/letters.ts';
import type { Item, Reference } from '../../../src/letter/schema.ts';

export const TENK_2020: Reference = {
  form: '10-K',
  fiscalYearEnd: '2020-12-31',
  filedDate: '2021-02-26',
  fileNumber: '001-34567',
};

export function item(number: number, comment: string | null, extra: Partial<Item> = {}): Item {
  return {
    number,
    headings: [],
    pageRef: null,
    comment,
    response: null,
    priorComments: [],
    topics: [],
    authorities: [],
    ...extra,
  };
}

let sequence = 0;

/** A letter of the review; `accessionNumber` is made up when not given. */
export function letter(spec: Partial<AnalyticsLetter> & Pick<AnalyticsLetter, 'form' | 'kind'>): AnalyticsLetter {
  sequence += 1;
  const staff = spec.form === 'UPLOAD';
  const accessionNumber =
    spec.accessionNumber ??
    (staff
      ? `0000000000-21-${String(sequence).padStart(6, '0')}`
      : `0001234567-21-${String(sequence).padStart(6, '0')}`);
  const filingDate = spec.filingDate ?? spec.letterDate ?? '2021-03-04';
  return {
    accessionNumber,
    cik: '1234567',
    companyName: 'Example Co',
    filingDate,
    acceptanceDateTime: `${filingDate}T15:00:00.000Z`,
    disseminationDate: null,
    fileNumbers: ['001-34567'],
    sender: staff ? 'sec' : 'company',
    letterDate: filingDate,
    inResponseTo: null,
    references: [],
    referenceAccession: null,
    secStaff: [],
    office: null,
    signatories: [],
    cc: [],
    items: [],
    ...spec,
  };
}
