import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeTextExtract } from '../../../src/normalize/text-extract.ts';

// A TEXT-EXTRACT in the SEC's shape (hand-made text): lines cut near 80 columns with the overflow at column 0,
// comment numbers in their own column, bullets lost (a hanging indent remains), the running header of page 2,
// and the template residue after the signature.
const EXTRACT = [
  'United States securities and exchange commission logo',
  '',
  '',
  '',
  '                               May 1, 2024',
  '',
  '       Jane Doe',
  '       Chief Financial Officer',
  '       Acme Widgets, Inc.',
  '',
  '                                                        Re: Acme Widgets, Inc.',
  '                                                            Form 10-K for the',
  'fiscal year ended December 31, 2023',
  '                                                            File No. 001-12345',
  '',
  '       Dear Jane Doe:',
  '',
  '              We have reviewed your filing and have the following comments. Please',
  'respond',
  '       within ten business days by providing the requested information or advise us',
  'as soon as',
  '       possible when you will respond.',
  '',
  '       Form 10-K for the fiscal year ended December 31, 2023',
  '',
  '       Notes to Consolidated Financial Statements',
  '       Note 4 - Segments, page 42',
  '',
  '   1.                                                   We note your segment',
  'disclosure and your use of adjusted operating income as the measure of',
  '                                                        segment profit or loss.',
  'Please tell us how your chief operating decision maker uses the',
  '                                                        measure, and address the',
  'following:',
  '          Describe the information the chief operating decision maker',
  'receives for each',
  '           segment and how often.',
  '          Tell us how budgets are prepared.',
  ' Jane Doe',
  'Acme Widgets, Inc.',
  'May 1, 2024',
  'Page 2',
  '       Please contact John Roe at 202-551-0000 with any questions.',
  '',
  '                                                             Sincerely,',
  'FirstName LastNameJane Doe',
  '                                                             Division of',
  'Corporation Finance',
  'Comapany NameAcme Widgets, Inc.',
  '                                                             Office of',
  'Manufacturing',
  'May 1, 2024 Page 2',
  'cc:       Richard Poe',
  'FirstName LastName',
].join('\n');

describe('TEXT-EXTRACT clean-up', () => {
  const n = normalizeTextExtract(EXTRACT);

  it('undoes the hard wraps, rebuilds paragraphs, the comment column and lost bullets, and drops the residue', () => {
    assert.equal(n.textSource, 'text-extract');
    assert.deepEqual(
      n.blocks.map((b) => [b.type, b.marker, b.text]),
      [
        ['paragraph', null, 'May 1, 2024'],
        ['paragraph', null, 'Jane Doe'],
        ['paragraph', null, 'Chief Financial Officer'],
        ['paragraph', null, 'Acme Widgets, Inc.'],
        ['paragraph', null, 'Re: Acme Widgets, Inc.'],
        ['paragraph', null, 'Form 10-K for the fiscal year ended December 31, 2023'],
        ['paragraph', null, 'File No. 001-12345'],
        ['paragraph', null, 'Dear Jane Doe:'],
        [
          'paragraph',
          null,
          'We have reviewed your filing and have the following comments. Please respond within ten business days by providing the requested information or advise us as soon as possible when you will respond.',
        ],
        ['heading', null, 'Form 10-K for the fiscal year ended December 31, 2023'],
        ['heading', null, 'Notes to Consolidated Financial Statements'],
        ['heading', null, 'Note 4 - Segments, page 42'],
        [
          'list-item',
          '1.',
          'We note your segment disclosure and your use of adjusted operating income as the measure of segment profit or loss. Please tell us how your chief operating decision maker uses the measure, and address the following:',
        ],
        [
          'list-item',
          '•',
          'Describe the information the chief operating decision maker receives for each segment and how often.',
        ],
        ['list-item', '•', 'Tell us how budgets are prepared.'],
        ['paragraph', null, 'Please contact John Roe at 202-551-0000 with any questions.'],
        ['paragraph', null, 'Sincerely,'],
        ['paragraph', null, 'Division of Corporation Finance'],
        ['paragraph', null, 'Office of Manufacturing'],
        ['paragraph', null, 'cc: Richard Poe'],
      ],
    );
  });

  it('keeps no trace of the logo line, the template fields or the running header', () => {
    assert.doesNotMatch(n.text, /logo|FirstName|Comapany|Page 2/);
    assert.deepEqual(n.warnings, []);
  });
});
