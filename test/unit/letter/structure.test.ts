import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingRank, isHeadingLike, nextPath, splitPageRef } from '../../../src/letter/headings.ts';
import { findPriorComments, splitResponseItem } from '../../../src/letter/item-split.ts';
import { isPersonName, isTitle, splitNameTitle } from '../../../src/letter/people.ts';
import { joinContinuations, splitMergedUnits } from '../../../src/letter/unit-split.ts';
import { toUnits, type Unit } from '../../../src/letter/units.ts';
import { normalized, type BlockSpec } from './build.ts';

const units = (...specs: BlockSpec[]): Unit[] => toUnits(normalized(specs));

describe('headings', () => {
  const shapes: Array<[string, boolean]> = [
    ['Goodwill, page 84', true],
    ['Note 4. Acquisitions', true],
    ["Item 7. Management's Discussion and Analysis", true],
    ["Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations.", true],
    ['Item 7. We have revised the disclosure as requested.', false],
    ['"If our suppliers fail to deliver . . .", page 23', true],
    ['The Company has added the requested disclosure on page 63.', false],
    ['We note your disclosure of segment margins.', false],
    ['2015 | [***] | $[***]', false],
    ['Response:', false],
    ['May 22, 2024', false],
  ];
  for (const [text, expected] of shapes) {
    it(`${expected ? 'takes' : 'does not take'} ${JSON.stringify(text)} for a heading`, () =>
      assert.equal(isHeadingLike(units(text)[0]!), expected));
  }

  it('splits a page reference off a heading', () => {
    assert.deepEqual(splitPageRef('Note 17. Segment Information, page F-33'), {
      heading: 'Note 17. Segment Information',
      pageRef: 'F-33',
    });
    assert.deepEqual(splitPageRef('Liquidity, pages 45-46'), { heading: 'Liquidity', pageRef: '45-46' });
  });

  it('ranks the filing above its parts and numbered notes above other headings', () => {
    assert.deepEqual(
      [
        'Form 10-K for the Fiscal Year Ended December 31, 2023',
        'Item 8. Financial Statements',
        'Use of Proceeds',
        'Note 3. Leases',
        'Goodwill',
      ].map(headingRank),
      [0, 1, 1, 2, 9],
    );
  });

  it('keeps the higher-ranked headings of the item before when a run starts lower down', () => {
    const first = nextPath({ headings: [], pages: [] }, [
      'Form 10-K for the Fiscal Year Ended December 31, 2023',
      'Notes to Financial Statements',
      'Note 7. Leases, page 70',
    ]);
    const second = nextPath(first, ['Note 9. Debt, page 75']);
    assert.deepEqual(second.headings, [
      'Form 10-K for the Fiscal Year Ended December 31, 2023',
      'Notes to Financial Statements',
      'Note 9. Debt',
    ]);
    assert.deepEqual(nextPath(second, []), second);
  });

  it("ranks a spin-off's summary, tax consequences, background and financial index as sections, not the filing", () => {
    assert.deepEqual(
      [
        'Information Statement Summary',
        'Material U.S. Federal Income Tax Consequences',
        'Background of the Merger',
        'Index to the Financial Statements',
        'The Separation and Distribution',
        'Description of Material Indebtedness',
        'Information Statement',
      ].map(headingRank),
      [1, 1, 1, 1, 1, 1, 0],
    );
  });

  it('puts a numbered note under the financial statements, not under the prose section before it', () => {
    const prose = nextPath({ headings: [], pages: [] }, [
      'Registration Statement on Form 10 filed March 1, 2024',
      'Certain Relationships and Related Party Transactions, page 139',
    ]);
    assert.deepEqual(nextPath(prose, ['Note 11. Commitments and Contingencies, page F-26']).headings, [
      'Registration Statement on Form 10 filed March 1, 2024',
      'Note 11. Commitments and Contingencies',
    ]);
    const statements = nextPath({ headings: [], pages: [] }, [
      'Form 10-K for the Fiscal Year Ended December 31, 2023',
      'Item 8. Financial Statements and Supplementary Data',
    ]);
    assert.deepEqual(nextPath(statements, ['Note 4. Revenue']).headings, [
      'Form 10-K for the Fiscal Year Ended December 31, 2023',
      'Item 8. Financial Statements and Supplementary Data',
      'Note 4. Revenue',
    ]);
  });

  it('does not keep the pro forma information above a caption of the business section that follows it', () => {
    const proForma = nextPath({ headings: [], pages: [] }, [
      'Amendment No. 2 to Draft Registration Statement on Form 10-12B',
      'Unaudited Pro Forma Condensed Combined Financial Statements, page 70',
    ]);
    assert.deepEqual(nextPath(proForma, ['Patents and Trademarks, page 112']).headings, [
      'Amendment No. 2 to Draft Registration Statement on Form 10-12B',
      'Patents and Trademarks',
    ]);
    assert.deepEqual(nextPath(proForma, ['Transaction Accounting Adjustments, page 73']).headings, [
      'Amendment No. 2 to Draft Registration Statement on Form 10-12B',
      'Unaudited Pro Forma Condensed Combined Financial Statements',
      'Transaction Accounting Adjustments',
    ]);
    assert.deepEqual(nextPath(proForma, ['Note 3. Adjustments to the Balance Sheet']).headings, [
      'Amendment No. 2 to Draft Registration Statement on Form 10-12B',
      'Unaudited Pro Forma Condensed Combined Financial Statements',
      'Note 3. Adjustments to the Balance Sheet',
    ]);
  });
});

describe('comment and response inside an item', () => {
  it('takes the paragraphs written as staff requests for the comment when nothing else marks the answer', () => {
    const item = units(
      'Your website lists port calls. Describe the contacts.',
      'Tell us the revenue.',
      'The calls were made by charterers.',
    );
    assert.deepEqual(splitResponseItem(item, item[0]!.text, null), {
      comment: 'Your website lists port calls. Describe the contacts.\n\nTell us the revenue.',
      response: 'The calls were made by charterers.',
    });
  });

  it('reads a "Company Response:" label', () => {
    const item = units('Please disclose the amount.', 'Company Response: The amount is $4.8 million.');
    assert.deepEqual(splitResponseItem(item, item[0]!.text, null), {
      comment: 'Please disclose the amount.',
      response: 'The amount is $4.8 million.',
    });
  });

  const prior: Array<[string, number[]]> = [
    ['We note your response to prior comment 3.', [3]],
    ['Your responses to prior comments 2 and 4 refer to a test.', [2, 4]],
    ['You indicate in your response to prior comment one that targets are set.', [1]],
    ['See comments 1 through 3 of our letter dated May 1, 2020.', [1, 2, 3]],
    ['Please revise the table on page 12.', []],
    ['We reissue comment 5 in part. Please revise to provide more detail.', [5]],
    ['We note your revised disclosure in response to comment 10 and reissue the comment.', [10]],
    ['We note your response to comment 6. Please tell us more.', [6]],
    ['We reissue prior comments 2 and 3.', [2, 3]],
    ['Within your response, please refer to the literature.', []],
  ];
  for (const [text, expected] of prior) {
    it(`finds prior comments ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () =>
      assert.deepEqual(findPriorComments(text), expected));
  }
});

describe('units', () => {
  it('joins a paragraph a normaliser broke mid-sentence', () => {
    const joined = joinContinuations(
      units('Explain how you estimate the value of fruit held in', 'controlled-atmosphere storage.', 'cc: Jane Roe'),
    );
    assert.deepEqual(
      joined.map((u) => u.text),
      ['Explain how you estimate the value of fruit held in controlled-atmosphere storage.', 'cc: Jane Roe'],
    );
  });

  it('splits a block before its salutation, Re: line and numbered comment', () => {
    const split = splitMergedUnits(
      units('Re: Example Co\nForm 10-K\nDear Mr. Roe:\nWe have reviewed your filing.\n1. Please revise.'),
    );
    assert.deepEqual(
      split.map((u) => u.text),
      ['Re: Example Co\nForm 10-K', 'Dear Mr. Roe:', 'We have reviewed your filing.', '1. Please revise.'],
    );
  });
});

describe('people', () => {
  const names: Array<[string, boolean]> = [
    ['Mr. Stephen Krikorian', true],
    ['J. Nolan McWilliams', true],
    ['Disclosure Review Program', false],
    ['The Netherlands', false],
    ['Assistant Director', false],
    ['Division of Corporation Finance', false],
  ];
  for (const [text, expected] of names) {
    it(`${expected ? 'takes' : 'does not take'} ${JSON.stringify(text)} for a name`, () =>
      assert.equal(isPersonName(text), expected));
  }

  it('splits a name from its title and keeps suffixes with the name', () => {
    assert.deepEqual(splitNameTitle('Stephen Krikorian, Accounting Branch Chief'), {
      name: 'Stephen Krikorian',
      title: 'Accounting Branch Chief',
    });
    assert.deepEqual(splitNameTitle('Robert A. Johnson Jr., Vice President'), {
      name: 'Robert A. Johnson Jr.',
      title: 'Vice President',
    });
    assert.equal(isTitle('Senior Vice President and Chief Financial Officer'), true);
    assert.equal(isTitle('Office of Global Security Risk'), false);
  });
});
