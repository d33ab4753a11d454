import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isReissued,
  reissueEvidence,
  repeatsEarlierComment,
  restatesEarlierRequest,
} from '../../../src/letter/reissue.ts';

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
      'a comment "is reissued", in the passive',
      'Prior comment 7 is reissued. Please file the omitted schedules to the credit agreement.',
      [7],
      true,
    ],
    [
      '"we repeat our prior comment"',
      'We repeat our prior comment. Please disclose the dollar amount of the backlog at each year end.',
      [2],
      true,
    ],
    [
      '"as requested in our prior comment", with no number',
      'As requested in our prior comment, please quantify the effect of the price changes on net sales.',
      [],
      true,
    ],
    [
      '"it does not appear that you have revised"',
      'We note your response to comment 5. It does not appear that you have revised the table of contractual obligations.',
      [5],
      true,
    ],
    [
      '"we were unable to locate" the revision in a reply',
      'We note your response to comment 9, but we were unable to locate the revised risk factor in the amendment.',
      [9],
      true,
    ],
    [
      'repeating a figure is not repeating a comment',
      'Please repeat the tabular disclosure of the maturities for each of the next five years in your quarterly reports.',
      [],
      false,
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
    [
      '"refer to prior comment N"',
      'Refer to prior comment 7. Please provide us with the quantities you were asked for.',
      [],
      true,
    ],
    [
      '"refer to comment N of our letter" of an earlier date',
      'Revise the summary to balance the strengths you describe. Refer to comment 4 of our June 2, 2021 letter and comment 1 of our July 9, 2021 letter.',
      [],
      true,
    ],
    [
      '"please refer to comment two in your response letter"',
      'Please refer to comment two in your response letter dated March 1, 2020. Your filing does not include the discussion you said it would.',
      [],
      true,
    ],
    [
      'a cross-reference to another comment of the same letter is not a reissue',
      'Please revise the table as well. Refer to comment 4 above.',
      [],
      false,
    ],
    [
      '"address the remaining part of our prior comment"',
      'Please address the remaining portion of our prior comment, which asked for the amounts by country.',
      [],
      true,
    ],
    [
      'a reply answered with "however, [what you cite] appears to address only"',
      'You state in your response to prior comment 2 that flood losses were immaterial. However, the examples you give appear to address only your owned plants.',
      [2],
      true,
    ],
    [
      'a reply answered with "we note, however, that you do not"',
      'We note your response to comment 9. We note, however, that you do not update the forecast between budget cycles.',
      [9],
      true,
    ],
    [
      '"you have not revised", answering a response',
      'We note your response to comment 4, but you have not revised the table of contractual obligations.',
      [4],
      true,
    ],
    [
      '"we believe ... should", answering a response',
      'We note the schedules in your response to comment 1. We believe the two product lines should be presented in separate tables.',
      [1],
      true,
    ],
    [
      'a response acknowledged and set aside in one sentence ("we note your response ...; however")',
      'We note your response to comment 6 and the table on page 40; however, please also quantify the effect of each price change.',
      [6],
      true,
    ],
    [
      'a "but" that is part of what the response says is not a reissue',
      'We note your response letter and your view that the rule does not apply, but will instead look to the guidance. Please tell us the amounts.',
      [],
      false,
    ],
    [
      '"the information requested in prior comment N"',
      'Please provide the information requested in prior comment 3 for each reporting unit.',
      [],
      true,
    ],
    [
      '"the analysis we requested"',
      'Please provide us with the analysis we requested of the cost of each loyalty point.',
      [],
      true,
    ],
    [
      '"please respond fully to comment N"',
      'Please respond fully to comment 4 by quantifying each factor you identify.',
      [],
      true,
    ],
    [
      '"you did not respond to our comment"',
      'We note that you did not respond to our comment regarding the forum provision. Please revise.',
      [],
      true,
    ],
    [
      '"your revised disclosure still"',
      'Your revised disclosure still attributes the decline to several factors without quantifying them.',
      [2],
      true,
    ],
    [
      '"you continue to present", answering a response',
      'We note your response to comment 1. You continue to present the adjusted measure before the GAAP measure.',
      [1],
      true,
    ],
    [
      '"you continue to" in a first-round comment is a new comment',
      'You disclose that you continue to present store counts by region. Please define a store.',
      [],
      false,
    ],
    [
      '"you have not" in a first-round comment is a new comment',
      'You have not disclosed the maturities of your notes. Please revise.',
      [],
      false,
    ],
    [
      '"we reiterate our prior comment"',
      'We reiterate our prior comment. Please file the agreement as an exhibit.',
      [4],
      true,
    ],
    [
      'the company reiterating its own position is not the staff reiterating',
      'You disclose and reiterate in your response letter that the Committee sets goals. Please disclose them.',
      [3],
      false,
    ],
    [
      '"information responsive to our request would include"',
      'You state in your response to comment 1 that you found no reportable dealings. Please note that information responsive to our request would include contacts that are not reportable.',
      [1],
      true,
    ],
    [
      '"However, it appears" opening the sentence after the response is noted',
      'We note your response to prior comment 2. However, it appears that the measure still excludes recurring cash expenses. Please remove the adjustment.',
      [2],
      true,
    ],
    [
      'a "however" that adds a request is not a reissue',
      'We note your response to comment 5 and have a further comment. However, please also disclose the dates of the sales.',
      [5],
      false,
    ],
    [
      '"your response to comment 3 did not address"',
      'Your response to comment 3 did not address the classification of the fees. Please tell us where they are presented.',
      [3],
      true,
    ],
    [
      '"we do not believe it addresses our comment"',
      'We note your response to comment 4 but do not believe it addresses our comment. Please disclose the amounts.',
      [4],
      true,
    ],
    [
      'a proposed revision in which the staff did not find what it asked for',
      'We note your response to comment 1 and your proposed disclosure. We note the change in deferred taxes between periods but did not note inclusion in your analysis of its effect on operating cash flows.',
      [1],
      true,
    ],
    [
      '"we did not note" in a first-round comment is a new comment',
      'We did not note a discussion of your backlog. Please disclose it.',
      [],
      false,
    ],
    [
      'a balance that "remains outstanding" is not the comment remaining open',
      'Your response to prior comment 1 mentions an allowance for a loan to a related party. If a material balance remains outstanding, please disclose it.',
      [1],
      false,
    ],
    [
      'a question that "remains outstanding" is the comment still open',
      'We note your response to comment 2. The question of how you allocate costs remains outstanding. Please tell us the method.',
      [2],
      true,
    ],
    [
      'a response acknowledged, then a new request without "however"',
      'We note your response to comment 4. Please tell us the amounts for each period.',
      [4],
      false,
    ],
    [
      'a reply saying the disclosure "only cites" one of the reasons asked for',
      'We note your response to prior comment 3 and the new table on page 41. Please explain the reasons for the decline in members by region. Your revised disclosure only cites general market conditions.',
      [3],
      true,
    ],
    [
      'a reply asking for the answer "for all periods presented, not just" the ones given',
      'We note your response to comment 5 and the amounts added on page 60. Please give these amounts for all of the periods presented, not just the two most recent years.',
      [5],
      true,
    ],
    [
      'a reply asking "how your current presentation adequately" explains what was asked',
      'We note your response to comment 8. If you will not expand the discussion, tell us how your current presentation adequately explains the changes in working capital.',
      [8],
      true,
    ],
    [
      '"not just" in a first-round comment asks for more, not again',
      'Please disclose the fees charged to all of your customers, not just the largest ones.',
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

describe('a follow-up asking again in the words of the comment it follows up', () => {
  const earlier =
    'We note your Double-Double program. Please quantify the Adjusted Earnings per Share and Return on Invested Capital as of 2014 and that you hope to achieve by 2017, and discuss how these compare with your historical results. Explain how you calculate them.';
  const again =
    'We note your response to comment one. In your disclosure, please quantify the Adjusted Earnings per Share and Return on Invested Capital as of 2014 and that you hope to achieve by 2017, and discuss how these compare with your historical results, as well as those of your peers.';
  it('is reissued when it repeats fifteen or more consecutive words of it', () => {
    assert.equal(repeatsEarlierComment(again, [earlier]), true);
    assert.equal(isReissued({ comment: again, priorComments: [1], priorTexts: [earlier] }), true);
    // Without the earlier text, nothing in its own words says so.
    assert.equal(isReissued({ comment: again, priorComments: [1] }), false);
  });
  it('is not reissued for a shorter shared phrase', () => {
    const other = 'We note your response to comment one. Please quantify the Adjusted Earnings per Share for 2018.';
    assert.equal(repeatsEarlierComment(other, [earlier]), false);
  });
  it('does not count a passage both comments quote from the filing', () => {
    const quote =
      '"sales and marketing and promotions spend associated with our existing consumers is significantly lower than the spend associated with new consumers"';
    assert.equal(
      repeatsEarlierComment(`We note your amended disclosure that ${quote}. Please quantify it per cohort.`, [
        `You disclose that ${quote}. Please explain why.`,
      ]),
      false,
    );
  });
});

describe('the evidence of a reissue', () => {
  it('names the words that say so, the repetition, or the shortfall, and is null for a new request', () => {
    assert.equal(reissueEvidence({ comment: 'We reissue prior comment 3.', priorComments: [3] }), 'says: We reissue');
    const earlier =
      'Please quantify the backlog of each segment as of the end of each period and discuss the trends it shows.';
    assert.equal(
      reissueEvidence({
        comment:
          'We note your response. Please quantify the backlog of each segment as of the end of each period and discuss the trends it shows.',
        priorComments: [2],
        priorTexts: [earlier],
      }),
      'repeats 15 words of the earlier comment',
    );
    assert.equal(
      reissueEvidence({ comment: 'It remains unclear how you allocate costs.', priorComments: [2] }),
      'answers the response with: It remains unclear',
    );
    assert.equal(reissueEvidence({ comment: 'Please tell us how you allocate costs.', priorComments: [] }), null);
  });
});

describe('a follow-up restating a request of the comment it follows up', () => {
  const earlier =
    'Your results discussion appears to follow the line items of your segment note. Please revise to ensure your discussion of segment results focuses on segment revenues and items included within the segment profit measure. Refer to Item 303(b).';
  it("is reissued when one of its requests holds four fifths of an earlier request's subject words", () => {
    const again =
      'In your response to prior comment 2 you state that you will add detail on corporate charges. Please revise to ensure your discussion of segment results focuses only on items included within the segment profit measure.';
    assert.equal(restatesEarlierRequest(again, [earlier]), true);
    assert.equal(isReissued({ comment: again, priorComments: [2], priorTexts: [earlier] }), true);
    assert.equal(
      reissueEvidence({ comment: again, priorComments: [2], priorTexts: [earlier] }),
      'asks again what a request of the earlier comment asked',
    );
  });
  it('is not reissued for a new request on the same subject', () => {
    const other =
      'We note your response to prior comment 2. Please tell us how the chief operating decision maker uses segment profit to allocate resources among the segments.';
    assert.equal(restatesEarlierRequest(other, [earlier]), false);
    assert.equal(isReissued({ comment: other, priorComments: [2], priorTexts: [earlier] }), false);
  });
  it('ignores requests too short to compare and quoted passages', () => {
    assert.equal(restatesEarlierRequest('Please revise accordingly.', ['Please revise accordingly.']), false);
    const quoted = '"segment results focus on segment revenues and items included within the segment profit measure"';
    assert.equal(
      restatesEarlierRequest(`Please explain why you state that ${quoted}.`, [`Please revise so that ${quoted}.`]),
      false,
    );
  });
});

describe('a follow-up holding the company to its own response', () => {
  it('is not a reissue, though it restates the earlier request', () => {
    const earlier =
      'Your earnings releases present Adjusted EBITDA for each segment. Please reconcile each segment measure to the most directly comparable GAAP measure.';
    const reminder =
      'As in your response to prior comment 2, please make sure your future earnings releases reconcile segment Adjusted EBITDA to the most directly comparable GAAP measure.';
    assert.equal(isReissued({ comment: reminder, priorComments: [2], priorTexts: [earlier] }), false);
    const again =
      'We note your response to prior comment 2. Please reconcile each segment measure in your earnings releases to the most directly comparable GAAP measure.';
    assert.equal(isReissued({ comment: again, priorComments: [2], priorTexts: [earlier] }), true);
  });
  it('is not a reissue either when it repeats fifteen words of the earlier comment', () => {
    const earlier =
      'Please reconcile each segment measure in your earnings releases to the most directly comparable GAAP measure and explain why you present it.';
    const reminder =
      'As you proposed in your response to prior comment 2, please reconcile each segment measure in your earnings releases to the most directly comparable GAAP measure and explain why you present it.';
    assert.equal(repeatsEarlierComment(reminder, [earlier]), true);
    assert.equal(isReissued({ comment: reminder, priorComments: [2], priorTexts: [earlier] }), false);
  });
});
