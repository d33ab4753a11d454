import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isReissued } from '../../../src/letter/reissue.ts';

describe('reissued comments', () => {
  const cases: Array<[string, string, number[], boolean]> = [
    ['"we reissue prior comment 3"', 'We reissue prior comment 3. Please revise the summary.', [3], true],
    [
      '"reissue the comment in part"',
      'We note your revised disclosure in response to comment 8 and reissue the comment in part.',
      [],
      true,
    ],
    [
      '"we continue to believe"',
      'We note your response to comment 2. We continue to believe the measure is misleading.',
      [2],
      true,
    ],
    [
      '"it continues to appear to us"',
      'Based on your response, it continues to appear to us that you should disclose the carrying value.',
      [4],
      true,
    ],
    [
      '"as previously requested"',
      'As previously requested, please amend the filing to include a signed audit report.',
      [1],
      true,
    ],
    [
      '"your response does not address"',
      'Your response does not address how you identified the segments. Please tell us.',
      [5],
      true,
    ],
    [
      '"not completely responsive"',
      'We note your amended disclosure; however, it is not completely responsive to our comment.',
      [4],
      true,
    ],
    [
      '"we do not agree"',
      'We note your response to comment 6. We do not agree that the exclusion is appropriate.',
      [6],
      true,
    ],
    [
      'a response answered with "however, it remains unclear"',
      'We note your response to comment 3. However, it remains unclear how you arrived at the rate. Please clarify.',
      [3],
      true,
    ],
    [
      '"it is not clear based on your response"',
      'It is not clear based on your response why these products are similar. Please help us understand.',
      [],
      true,
    ],
    [
      'a follow-up that builds on a response is not a reissue',
      'We note your response to prior comment 3. Please further tell us how you arrived at this conclusion.',
      [3],
      false,
    ],
    [
      'a "however" about the filing, not the response, is not a reissue',
      'We note your response to comment 2. However, your disclosure on page 19 states that the positions will continue to grow.',
      [2],
      false,
    ],
    [
      'the staff rejects the position of the response',
      'We note in your response to comments 25 and 26 that you believe revenue is the most directly comparable GAAP measure. Since revenue does not contemplate costs, it is not the most directly comparable GAAP measure. Please reconcile to gross profit.',
      [25, 26],
      true,
    ],
    [
      '"we do not believe" your analysis, answering a response',
      'We note your response to prior comment 2. We do not believe your analysis supports aggregating the two segments.',
      [2],
      true,
    ],
    [
      '"it is not appropriate" in a first-round comment is a new comment',
      'You present adjusted revenue. It is not appropriate to adjust revenue for deferred revenue haircuts. Please remove it.',
      [],
      false,
    ],
    [
      'a shortfall word with no earlier comment is a new comment',
      'It remains unclear how you allocate costs between segments. Please explain.',
      [],
      false,
    ],
    [
      'reissued financial statements are not a reissued comment',
      'Tell us whether the auditor reissued its report.',
      [],
      false,
    ],
    [
      '"as requested above" points inside the same letter',
      'As requested above, please provide the basis for your estimates.',
      [],
      false,
    ],
  ];
  for (const [name, comment, priorComments, expected] of cases) {
    it(name, () => assert.equal(isReissued({ comment, priorComments }), expected));
  }
  it('gives false for an item without comment text', () =>
    assert.equal(isReissued({ comment: null, priorComments: [1] }), false));
});
