import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOffice } from '../../../src/letter/office.ts';

describe('the staff office a letter names', () => {
  const cases: Array<[string, string, string | null]> = [
    [
      'a staff signature',
      'Sincerely,\n/s/ Jane Roe\nDivision of Corporation Finance\nOffice of Technology',
      'Office of Technology',
    ],
    [
      '"and" is written "&" as the SEC does',
      'Division of Corporation Finance, Office of Healthcare and Insurance',
      'Office of Healthcare & Insurance',
    ],
    [
      '"&" where the SEC writes "and"',
      'Office of Industrial Applications & Services',
      'Office of Industrial Applications and Services',
    ],
    ['a broken line in PDF text', 'Office of Real Estate & - Commodities', 'Office of Real Estate and Commodities'],
    [
      'an address block',
      'Mr. John Doe\nOffice of Energy & Transportation\nDivision of Corporation Finance\nUnited States Securities',
      'Office of Energy & Transportation',
    ],
    [
      'a numbered office of older letters',
      'Legal Branch Chief, AD Office 5 - Transportation and Leisure',
      'AD Office 5',
    ],
    [
      '"Assistant Director Office No. 11"',
      'Assistant Director Office No. 11, Division of Corporation Finance',
      'AD Office 11',
    ],
    [
      'an office missing from the list, beside the Division',
      'Division of Corporation Finance, Office of Disclosure Standards, 100 F Street',
      'Office of Disclosure Standards',
    ],
    [
      "Treasury's office is not a review office",
      'sanctions administered by the Office of Foreign Assets Control',
      null,
    ],
    [
      'the Disclosure Review Program',
      'Sincerely,\nDivision of Corporation Finance\nDisclosure Review Program',
      'Disclosure Review Program',
    ],
    ['no office named', 'Sincerely,\nDivision of Corporation Finance', null],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.equal(findOffice(text), expected));
});
