import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LETTER_PARSER_VERSION } from '../../../src/letter/parser-version.ts';
import { COMPANY_CLOSE, companyHead, parse, STAFF_CLOSE, staffHead } from './build.ts';

const RE_10K = 'Form 10-K for the Fiscal Year Ended December 31, 2020\nFiled February 26, 2021\nFile No. 001-34567';

describe('parseLetter: the head of a letter', () => {
  it('takes the dateline for letterDate, never the filing date', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K, 'April 9, 2021'),
      'We have completed our review of your filing.',
      ...STAFF_CLOSE,
    ]);
    assert.equal(r.letterDate, '2021-04-09');
  });

  it('finds a dateline written under the Re: block', () => {
    const r = parse('CORRESP', [
      'Division of Corporation Finance',
      `Re: Example Co\n${RE_10K}`,
      'September 29, 2022',
      'Ladies and Gentlemen:',
      'We received your comment letter dated September 20, 2022.',
    ]);
    assert.equal(r.letterDate, '2022-09-29');
    assert.equal(r.references[0]!.form, '10-K');
  });

  it('leaves letterDate null and says so when the letter carries no date', () => {
    const r = parse('UPLOAD', [...staffHead(RE_10K).slice(1), 'We have completed our review of your filing.']);
    assert.equal(r.letterDate, null);
    assert.ok(r.warnings.includes('letter date not found'));
  });

  it('reads the addressee of a staff letter with the title lines under the name', () => {
    const r = parse('UPLOAD', [...staffHead(RE_10K), 'We have completed our review of your filing.']);
    assert.deepEqual(r.addressees, [{ name: 'Jordan Blake', title: 'Chief Financial Officer' }]);
  });

  it('reads SEC addressees of a company letter and counts them as SEC staff', () => {
    const r = parse('CORRESP', [
      ...companyHead(RE_10K),
      'We are writing in response to your letter dated March 4, 2021.',
    ]);
    assert.deepEqual(r.addressees, [
      { name: 'Robin Hale', title: 'Staff Accountant' },
      { name: 'Casey Moore', title: 'Accounting Branch Chief' },
    ]);
    assert.deepEqual(r.secStaff, ['Robin Hale', 'Casey Moore']);
  });

  it('reads an "Attn:" line naming several people', () => {
    const r = parse('CORRESP', [
      'June 2, 2022',
      'U.S. Securities and Exchange Commission\nDivision of Corporation Finance\nAttn: Terry Vance and Morgan Ellis',
      `Re: Example Co\n${RE_10K}`,
      'Ladies and Gentlemen:',
      'This letter responds to the comment letter dated May 20, 2022.',
    ]);
    assert.deepEqual(
      r.addressees.map((a) => a.name),
      ['Terry Vance', 'Morgan Ellis'],
    );
  });

  it('merges header, Re: block and text file numbers in EDGAR spelling', () => {
    const r = parse(
      'CORRESP',
      [
        ...companyHead('Form 10-K for the Fiscal Year Ended December 31, 2020\nFile No. 0-27512'),
        'See also File No. 333-123456.',
      ],
      { headerFileNumbers: ['000-27512'] },
    );
    assert.deepEqual(r.fileNumbers, ['000-27512', '333-123456']);
    assert.equal(r.references[0]!.fileNumber, '000-27512');
  });
});

describe('parseLetter: inResponseTo', () => {
  const cases: Array<[string, 'CORRESP' | 'UPLOAD', string, string | null]> = [
    [
      'a response names the staff letter',
      'CORRESP',
      'This letter responds to the letter dated March 4, 2021 from the staff.',
      '2021-03-04',
    ],
    [
      'a response names "your <date> letter"',
      'CORRESP',
      'We refer to your March 4, 2021 letter regarding the filing.',
      '2021-03-04',
    ],
    [
      'a response names comments sent by e-mail',
      'CORRESP',
      'We respond to the comments received by email dated March 4, 2021.',
      '2021-03-04',
    ],
    [
      'a response skips its own earlier response and takes the newest staff letter',
      'CORRESP',
      "We respond to your letter dated March 10, 2021 regarding the Company's February 20, 2021 response to your comments of February 1, 2021.",
      '2021-03-10',
    ],
    [
      'a response does not take a filing date',
      'CORRESP',
      'We respond regarding the Form 10-K filed on February 26, 2021.',
      null,
    ],
    [
      'a staff letter names the company response',
      'UPLOAD',
      'We have reviewed your March 1, 2021 response to our comment letter and have the following comments.',
      '2021-03-01',
    ],
    [
      'a staff letter does not take its own earlier letter',
      'UPLOAD',
      'Unless we note otherwise, references to prior comments are to comments in our February 1, 2021 letter.',
      null,
    ],
  ];
  for (const [name, form, opening, expected] of cases) {
    it(name, () => {
      const head = form === 'CORRESP' ? companyHead(RE_10K) : staffHead(RE_10K);
      assert.equal(parse(form, [...head, opening]).inResponseTo, expected);
    });
  }

  it('a staff letter takes "Response dated" from its Re: block', () => {
    const r = parse('UPLOAD', [
      ...staffHead(`${RE_10K}\nResponse dated March 1, 2021`),
      'We have reviewed your response.',
    ]);
    assert.equal(r.inResponseTo, '2021-03-01');
  });
});

describe('parseLetter: numbered comments', () => {
  it('numbers the comments of a staff letter, keeping sub-bullets inside their item', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'We have reviewed your filing and have the following comments.',
      { text: 'Form 10-K for the Fiscal Year Ended December 31, 2020', type: 'heading' },
      { text: "Management's Discussion and Analysis", type: 'heading' },
      { text: 'Liquidity, page 41', type: 'heading' },
      { marker: '1.', text: 'Please expand your discussion of cash flows to address:' },
      { marker: '•', text: 'the drivers of working capital changes; and', type: 'list-item' },
      { marker: '•', text: 'the timing of capital spending.', type: 'list-item' },
      { marker: '2.', text: 'Tell us how you considered the covenant terms in your credit agreement.' },
      { text: 'Notes to Consolidated Financial Statements', type: 'heading' },
      { text: 'Note 5. Goodwill, page F-22', type: 'heading' },
      { marker: '3.', text: 'We note your response to prior comments 2 and 4. Please revise.' },
      ...STAFF_CLOSE,
    ]);
    assert.deepEqual(
      r.items.map((i) => i.number),
      [1, 2, 3],
    );
    assert.match(r.items[0]!.comment!, /the timing of capital spending/);
    assert.deepEqual(r.items[0]!.headings, [
      'Form 10-K for the Fiscal Year Ended December 31, 2020',
      "Management's Discussion and Analysis",
      'Liquidity',
    ]);
    assert.equal(r.items[0]!.pageRef, '41');
    assert.deepEqual(r.items[1]!.headings, r.items[0]!.headings);
    assert.deepEqual(r.items[2]!.headings, [
      'Form 10-K for the Fiscal Year Ended December 31, 2020',
      'Notes to Consolidated Financial Statements',
      'Note 5. Goodwill',
    ]);
    assert.equal(r.items[2]!.pageRef, 'F-22');
    assert.deepEqual(r.items[2]!.priorComments, [2, 4]);
    assert.equal(r.items[2]!.response, null);
    assert.equal(r.kind, 'comment');
  });

  it('takes a caption set as a lettered list item, and an item caption ending in a period, as the next headings', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'We have reviewed your filing and have the following comments.',
      { text: 'Item 1A. Risk Factors', type: 'heading' },
      { text: 'Our customers may default, page 27', type: 'heading' },
      { marker: '1.', text: 'Please disclose the number of customers who have defaulted.', type: 'list-item' },
      "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations.",
      { text: 'General, page 39', type: 'heading' },
      { marker: '2.', text: 'Please disclose the share of revenues tied to fee-based contracts.', type: 'list-item' },
      { text: 'Note 2. Summary of Significant Accounting Policies', type: 'heading' },
      { marker: 'b.', text: 'Revenue Recognition, page F-7', type: 'list-item' },
      { marker: '3.', text: 'Please tell us when you record sales rebates.', type: 'list-item' },
      { marker: 'a.', text: 'the amounts recognized in each period; and', type: 'list-item' },
      { marker: 'b.', text: 'the timing of their recognition.', type: 'list-item' },
      ...STAFF_CLOSE,
    ]);
    assert.deepEqual(
      r.items.map((i) => [i.number, i.comment]),
      [
        [1, 'Please disclose the number of customers who have defaulted.'],
        [2, 'Please disclose the share of revenues tied to fee-based contracts.'],
        [
          3,
          'Please tell us when you record sales rebates.\n\na. the amounts recognized in each period; and\n\nb. the timing of their recognition.',
        ],
      ],
    );
    assert.deepEqual(r.items[1]!.headings, [
      "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations.",
      'General',
    ]);
    assert.deepEqual(r.items[2]!.headings, [
      'Note 2. Summary of Significant Accounting Policies',
      'b. Revenue Recognition',
    ]);
    assert.equal(r.items[2]!.pageRef, 'F-7');
  });

  it('reads a lone comment set in from the numbered note caption above it', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'We have reviewed your filing and have the following comment.',
      { text: 'Notes to Consolidated Financial Statements', type: 'heading', indent: 0 },
      { marker: '7.', text: 'Policy Liabilities, page 139', type: 'list-item', indent: 0 },
      {
        marker: '1.',
        text: 'Please tell us how much of the favorable claims development for prior years relates to each line of business.',
        type: 'list-item',
        indent: 1,
      },
      ...STAFF_CLOSE,
    ]);
    assert.deepEqual(
      r.items.map((i) => [i.number, i.headings, i.pageRef]),
      [[1, ['Notes to Consolidated Financial Statements', '7. Policy Liabilities'], '139']],
    );
  });

  it('reads markers written in the text: "Comment 3:", "- 5.", and a bare number in its own block', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'We have reviewed your filing and have the following comments.',
      'Comment 1: Please tell us about the segment change.',
      '- 2. Please revise the risk factor on page 12.',
      '3',
      'Tell us why the reserve decreased.',
      ...STAFF_CLOSE,
    ]);
    assert.deepEqual(
      r.items.map((i) => [i.number, i.comment]),
      [
        [1, 'Please tell us about the segment change.'],
        [2, 'Please revise the risk factor on page 12.'],
        [3, 'Tell us why the reserve decreased.'],
      ],
    );
  });

  it('does not let a numbered list inside a comment break the sequence', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'We have reviewed your filing and have the following comments.',
      { marker: '1.', text: 'Please tell us about revenue.' },
      { marker: '2.', text: 'Please address each of the following:' },
      { marker: '1.', text: 'the pricing terms;', indent: 60 },
      { marker: '2.', text: 'the delivery terms; and', indent: 60 },
      { marker: '3.', text: 'the return rights.', indent: 60 },
      { marker: '3.', text: 'Please file the agreement as an exhibit.' },
      { marker: '4.', text: 'Please revise the fee table.' },
      ...STAFF_CLOSE,
    ]);
    assert.deepEqual(
      r.items.map((i) => i.number),
      [1, 2, 3, 4],
    );
    assert.match(r.items[1]!.comment!, /the return rights/);
  });

  it('ends the last comment before the closing paragraphs', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'We have reviewed your filing and have the following comment.',
      { marker: '1.', text: 'Please revise the table.' },
      'We remind you that the company and its management are responsible for the accuracy and adequacy of their disclosures, notwithstanding any review, comments, action or absence of action by the staff.',
      ...STAFF_CLOSE,
    ]);
    assert.equal(r.items[0]!.comment, 'Please revise the table.');
    assert.equal(r.acknowledgement, true);
  });
});

describe('parseLetter: comments and responses in a company letter', () => {
  const head = companyHead(RE_10K);
  it('splits at a "Response:" label', () => {
    const r = parse('CORRESP', [
      ...head,
      'We respond below to the comments in your letter dated March 4, 2021.',
      { marker: '1.', text: 'Please tell us about revenue.' },
      'Response: The Company recognizes revenue at shipment.',
      'It will expand the policy note.',
      { marker: '2.', text: 'Please revise the fee table.' },
      'Response:',
      'We will revise the table.',
      ...COMPANY_CLOSE,
    ]);
    assert.deepEqual(
      r.items.map((i) => [i.number, i.comment, i.response]),
      [
        [
          1,
          'Please tell us about revenue.',
          'The Company recognizes revenue at shipment.\n\nIt will expand the policy note.',
        ],
        [2, 'Please revise the fee table.', 'We will revise the table.'],
      ],
    );
    assert.equal(r.kind, 'response');
    assert.equal(r.inResponseTo, '2021-03-04');
  });

  it('splits at the end of the bold quoted comment', () => {
    const r = parse('CORRESP', [
      ...head,
      'We have set forth the comments in bold, followed by our responses, to your letter dated March 4, 2021.',
      { marker: '1.', text: 'Please tell us about revenue.', emphasis: ['bold'] },
      { text: 'Refer to ASC 606.', emphasis: ['bold'] },
      'Revenue is recognized at shipment.',
      ...COMPANY_CLOSE,
    ]);
    assert.equal(r.items[0]!.comment, 'Please tell us about revenue.\n\nRefer to ASC 606.');
    assert.equal(r.items[0]!.response, 'Revenue is recognized at shipment.');
  });

  it('splits where the response opens with "The Company respectfully"', () => {
    const r = parse('CORRESP', [
      ...head,
      'This letter responds to your letter dated March 4, 2021.',
      { marker: '3.', text: 'We note your response to prior comment 3. Please revise.' },
      'The Company respectfully advises the Staff that it will revise the disclosure.',
      ...COMPANY_CLOSE,
    ]);
    assert.deepEqual(r.items[0], {
      number: 3,
      headings: [],
      pageRef: null,
      comment: 'We note your response to prior comment 3. Please revise.',
      response: 'The Company respectfully advises the Staff that it will revise the disclosure.',
      priorComments: [3],
      topics: ['accounting_other'],
      authorities: [],
    });
  });

  it('reads signatories and the cc list', () => {
    const r = parse('CORRESP', [...head, 'This letter responds to your letter dated March 4, 2021.', ...COMPANY_CLOSE]);
    assert.deepEqual(r.signatories, [{ name: 'Jordan Blake', title: 'Chief Financial Officer' }]);
    assert.deepEqual(r.cc, ['Alex Stone, General Counsel, Example Co', 'Pat Quinn, Partner, Quinn & Reed LLP']);
  });

  it('assigns a table to the item it sits in', () => {
    const r = parse(
      'CORRESP',
      [
        ...head,
        'This letter responds to your letter dated March 4, 2021.',
        { marker: '1.', text: 'Please quantify the reserve.' },
        'Response: The reserve is shown below.',
        { text: 'Year | Reserve\n2020 | 12', type: 'table', tableIndex: 0 },
        ...COMPANY_CLOSE,
      ],
      {
        tables: [
          [
            ['Year', 'Reserve'],
            ['2020', '12'],
          ],
        ],
      },
    );
    assert.deepEqual(r.tables, [
      {
        item: 1,
        rows: [
          ['Year', 'Reserve'],
          ['2020', '12'],
        ],
      },
    ]);
  });
});

describe('parseLetter: kind', () => {
  const cases: Array<[string, 'CORRESP' | 'UPLOAD', string[], string]> = [
    [
      'a staff letter with numbered comments is a comment letter',
      'UPLOAD',
      [
        'We have reviewed your filing and have the following comments.',
        '1. Please revise. We have no further comments on this point.',
      ],
      'comment',
    ],
    [
      'a staff letter that completed the review',
      'UPLOAD',
      ['We have completed our review of your filing. We remind you that the company is responsible.'],
      'review_complete',
    ],
    [
      'a staff letter declining to review',
      'UPLOAD',
      ['This is to advise you that we have not reviewed and will not review your registration statement.'],
      'no_review',
    ],
    [
      'a staff letter with one unnumbered comment',
      'UPLOAD',
      [
        'We have reviewed your filing and have the following comment.',
        'Please revise the exhibit index to include the indenture.',
      ],
      'comment',
    ],
    [
      'a company letter answering numbered comments',
      'CORRESP',
      ['This letter responds to your letter dated March 4, 2021.', '1. Please revise.', 'Response: We will revise.'],
      'response',
    ],
    [
      'a Rule 461 acceleration request',
      'CORRESP',
      [
        'Pursuant to Rule 461 under the Securities Act, the Company requests acceleration of the effective date of the Registration Statement to 4:00 p.m. on May 3, 2021.',
      ],
      'acceleration_request',
    ],
    [
      'a request for more time to respond',
      'CORRESP',
      [
        'The Company is in receipt of your letter dated March 4, 2021. We respectfully request an extension of the deadline to respond to April 2, 2021.',
      ],
      'extension_request',
    ],
    [
      'a company letter answering one unnumbered comment',
      'CORRESP',
      [
        'This letter is in response to the comment in your letter dated March 4, 2021. The Company will revise the disclosure.',
      ],
      'response',
    ],
  ];
  for (const [name, form, body, kind] of cases) {
    it(name, () => {
      const head = form === 'CORRESP' ? companyHead(RE_10K) : staffHead(RE_10K);
      assert.equal(parse(form, [...head, ...body, ...(form === 'CORRESP' ? COMPANY_CLOSE : STAFF_CLOSE)]).kind, kind);
    });
  }
});

describe('parseLetter: flags and staff', () => {
  it('counts confidential-treatment redactions and warns about them', () => {
    const r = parse('CORRESP', [
      ...companyHead(RE_10K),
      'Confidential treatment of the bracketed portions is requested under Rule 83.',
      '1. Please quantify the discount.',
      'Response: The discount was [***]% in 2020 and [***]% in 2019.',
      ...COMPANY_CLOSE,
    ]);
    assert.deepEqual(r.confidentialTreatment, { requested: true, redactions: 2 });
    assert.ok(r.warnings.some((w) => w.includes('2 redactions')));
  });

  it('names the staff who sign, are copied on or are given a telephone number in a staff letter', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'We have completed our review of your filing.',
      ...STAFF_CLOSE,
      'cc: Sam Ortiz\nAssistant Director',
    ]);
    assert.deepEqual(r.signatories, [{ name: 'Casey Moore', title: 'Accounting Branch Chief' }]);
    assert.deepEqual(r.cc, ['Sam Ortiz, Assistant Director']);
    assert.deepEqual(r.secStaff, ['Casey Moore', 'Sam Ortiz', 'Dana Lee']);
  });

  it('does not count the company counsel a staff letter copies as SEC staff', () => {
    const r = parse('UPLOAD', [
      ...staffHead(RE_10K),
      'This is to advise you that we do not intend to review your registration statement.',
      ...STAFF_CLOSE,
      'cc: Jonah Ferreira, Esq., Whitcombe Lyle LLP',
    ]);
    assert.deepEqual(r.secStaff, ['Casey Moore', 'Dana Lee']);
    assert.equal(r.kind, 'no_review');
  });

  it('reads a signature whose "Sincerely," was lost, and a title with its firm', () => {
    const r = parse('CORRESP', [
      ...companyHead(RE_10K),
      'Pursuant to Rule 461, the underwriters join in requesting acceleration of the effective date.',
      '/s/ Maximilian Oduya\nMaximilian Oduya\nManaging Director, Harrowgate Securities LLC',
    ]);
    assert.deepEqual(r.signatories, [
      { name: 'Maximilian Oduya', title: 'Managing Director, Harrowgate Securities LLC' },
    ]);
  });

  it('stamps the parser version', () => {
    assert.equal(parse('UPLOAD', ['April 9, 2021']).parserVersion, LETTER_PARSER_VERSION);
  });
});
