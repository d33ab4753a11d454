import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExtensionRequest } from '../../../src/letter/extension.ts';

describe('extension requests', () => {
  const cases: Array<[string, string, boolean]> = [
    [
      'the response "which it intends to submit no later than" a date',
      'As discussed with the staff, the Company is finalizing its response, which it intends to submit no later than October 15, 2021.',
      true,
    ],
    [
      '"we respectfully request an extension"',
      'We have received your letter. We respectfully request an extension until May 20 to respond.',
      true,
    ],
    [
      '"additional time to respond"',
      'We will require additional time to gather information and prepare our response.',
      true,
    ],
    [
      'a number of business days',
      'The Company respectfully requests a ten business day extension of the original due date.',
      true,
    ],
    [
      '"we expect to respond by"',
      'As discussed with the staff, the Company intends to file its response by May 6, 2016.',
      true,
    ],
    [
      '"no later than"',
      'We are preparing a response and will respond to the comment letter no later than June 23, 2017.',
      true,
    ],
    [
      '"our response will be submitted"',
      'We anticipate that our response will be submitted to your office within 30 days.',
      true,
    ],
    [
      'a response date to be extended',
      'We are requesting that our response date be extended to February 12, 2024.',
      true,
    ],
    [
      'a receipt acknowledged with no timing',
      'We received your comment letter and will consider these comments in our next proxy statement.',
      false,
    ],
    [
      'an amendment to be filed by a date is not a request for time',
      'In response to the comment, the Company will file an amendment by June 1, 2024.',
      false,
    ],
    [
      'a request to accelerate is not one',
      'The Company requests that the registration statement be declared effective at 4:00 p.m.',
      false,
    ],
  ];
  for (const [name, opening, expected] of cases) it(name, () => assert.equal(isExtensionRequest(opening), expected));
});
