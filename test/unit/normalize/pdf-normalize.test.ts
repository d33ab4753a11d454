import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import { normalizePdf } from '../../../src/normalize/pdf-normalize.ts';
import { minimalPdf, type PlacedText } from './minimal-pdf.ts';

const at = (x: number, y: number, text: string): PlacedText => ({ x, y, text });

/** Lines of a paragraph 13.8pt apart, the first at `firstX`, the others at `x`. */
function lines(x: number, y: number, texts: string[], firstX = x): PlacedText[] {
  return texts.map((text, i) => at(i === 0 ? firstX : x, y - i * 13.8, text));
}

// An SEC comment letter in the layout of the staff's template (hand-made text).
const PAGE_1: PlacedText[] = [
  at(72, 750, 'United States securities and exchange commission logo'),
  at(360, 700, 'May 1, 2024'),
  ...lines(72, 670, ['Jane Doe', 'Chief Financial Officer', 'Acme Widgets, Inc.']),
  at(108, 610, 'Re: Acme Widgets, Inc.'),
  ...lines(131, 596, ['Form 10-K for the Fiscal Year Ended December 31, 2023', 'File No. 001-12345']),
  at(72, 550, 'Dear Jane Doe:'),
  ...lines(
    72,
    520,
    [
      'We have reviewed your filing and have the following comments. Please',
      'respond within ten business days by providing the requested information.',
    ],
    108,
  ),
  ...lines(72, 480, [
    'Form 10-K for the Fiscal Year Ended December 31, 2023',
    'Notes to Consolidated Financial Statements',
  ]),
  at(72, 440, '1.'),
  ...lines(108, 440, [
    'We note your disclosure of segment results on page 42 and your use',
    'of adjusted operating income as the measure of segment profit or loss for',
    'each reportable segment. Please tell us how your chief operating decision',
  ]),
];
const PAGE_2: PlacedText[] = [
  ...lines(72, 750, ['Jane Doe', 'Acme Widgets, Inc.', 'May 1, 2024', 'Page 2']),
  ...lines(108, 700, ['maker uses the measure when allocating resources.']),
  at(72, 670, '2.'),
  ...lines(108, 670, ['Please file the agreement as an exhibit.']),
  at(360, 600, 'Sincerely,'),
  at(72, 600, 'FirstName LastNameJane Doe'),
  at(360, 570, 'Division of Corporation Finance'),
  at(72, 560, 'May 1, 2024 Page 2'),
];

describe('PDF letters', () => {
  it('rebuilds paragraphs, headings and the comment column, and drops the running header and template residue', async () => {
    const bytes = minimalPdf([PAGE_1, PAGE_2]);
    const n = await normalizePdf(bytes);
    assert.equal(n.textSource, 'pdf');
    assert.deepEqual(
      n.blocks.map((b) => [b.type, b.marker, b.text, b.page]),
      [
        ['paragraph', null, 'May 1, 2024', 1],
        ['paragraph', null, 'Jane Doe', 1],
        ['paragraph', null, 'Chief Financial Officer', 1],
        ['paragraph', null, 'Acme Widgets, Inc.', 1],
        ['paragraph', null, 'Re: Acme Widgets, Inc.', 1],
        ['paragraph', null, 'Form 10-K for the Fiscal Year Ended December 31, 2023', 1],
        ['paragraph', null, 'File No. 001-12345', 1],
        ['paragraph', null, 'Dear Jane Doe:', 1],
        [
          'paragraph',
          null,
          'We have reviewed your filing and have the following comments. Please respond within ten business days by providing the requested information.',
          1,
        ],
        ['heading', null, 'Form 10-K for the Fiscal Year Ended December 31, 2023', 1],
        ['heading', null, 'Notes to Consolidated Financial Statements', 1],
        [
          'list-item',
          '1.',
          'We note your disclosure of segment results on page 42 and your use of adjusted operating income as the measure of segment profit or loss for each reportable segment. Please tell us how your chief operating decision maker uses the measure when allocating resources.',
          1,
        ],
        ['list-item', '2.', 'Please file the agreement as an exhibit.', 2],
        ['paragraph', null, 'Sincerely,', 2],
        ['paragraph', null, 'Division of Corporation Finance', 2],
      ],
    );
    assert.deepEqual(n.warnings, []);
    assert.ok(n.text.includes('\n\n1. We note your disclosure'));
  });

  it('leaves the bytes it was given intact (pdf.js detaches what it receives)', async () => {
    const bytes = minimalPdf([[at(72, 700, 'Hello')]]);
    const copy = bytes.slice();
    await normalizePdf(bytes);
    assert.deepEqual(bytes, copy);
  });

  it('warns, with no text, when the PDF has no text layer', async () => {
    const n = await normalizePdf(minimalPdf([[]]));
    assert.equal(n.text, '');
    assert.deepEqual(n.warnings, ['the PDF letter has no text layer (a scanned image): its text needs OCR']);
  });

  const bad: [string, Uint8Array, string, RegExp][] = [
    [
      'a password-protected PDF',
      minimalPdf([[at(72, 700, 'Secret')]], { encrypted: true }),
      'encrypted-pdf',
      /encrypted with a password/,
    ],
    [
      'bytes that are not a PDF',
      new Uint8Array(Buffer.from('<html>not a pdf</html>')),
      'corrupt-pdf',
      /cannot be read/,
    ],
    [
      'a PDF cut after its header',
      minimalPdf([[at(72, 700, 'Hello')]]).subarray(0, 120),
      'corrupt-pdf',
      /cannot be read/,
    ],
  ];
  for (const [what, bytes, reason, message] of bad) {
    it(`fails ${what} with reason ${reason}, naming the filing`, async () => {
      await assert.rejects(
        normalizePdf(bytes, { accession: '0000000000-24-000001' }),
        (error: unknown) =>
          error instanceof BadInputError &&
          error.reason === reason &&
          error.message.startsWith('0000000000-24-000001: ') &&
          message.test(error.message),
      );
    });
  }
});
