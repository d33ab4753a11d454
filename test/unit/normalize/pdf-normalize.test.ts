import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import { normalizePdf } from '../../../src/normalize/pdf-normalize.ts';
import type { NormalizedText } from '../../../src/normalize/types.ts';
import {
  buildCorruptPdf,
  buildEncryptedPdf,
  renderPdf,
  sampleCommentLetter,
  type LetterSpec,
} from '../../fixtures/render/index.ts';

/** What the letter's items should become: a numbered item per comment, its bullets as items, its headings. */
function expectItems(n: NormalizedText, spec: LetterSpec): void {
  const blocks = n.blocks.map((b) => [b.type, b.marker, b.text]);
  for (const item of spec.items) {
    for (const heading of item.headings ?? [])
      assert.ok(
        blocks.some((b) => b[0] === 'heading' && b[2] === heading),
        heading,
      );
    const [first, ...rest] = item.comment;
    assert.ok(
      blocks.some((b) => b[0] === 'list-item' && b[1] === `${item.number}.` && b[2] === first),
      `item ${item.number}`,
    );
    for (const part of rest) {
      if (typeof part === 'object' && 'bullets' in part) {
        for (const bullet of part.bullets) {
          assert.ok(
            blocks.some((b) => b[0] === 'list-item' && b[1] === '•' && b[2] === bullet),
            bullet,
          );
        }
      }
    }
  }
}

describe('PDF letters', () => {
  for (const modern of [false, true]) {
    const spec = sampleCommentLetter({ modern });
    it(`rebuilds paragraphs, headings, the comment column and bullets of a ${modern ? 'modern' : '2015'} staff letter`, async () => {
      const n = await normalizePdf(await renderPdf(spec, { templateResidue: modern }));
      assert.equal(n.textSource, 'pdf');
      expectItems(n, spec);
      assert.ok(n.blocks.some((b) => b.text === spec.salutation && b.type === 'paragraph'));
      assert.deepEqual(n.warnings, []);
    });

    it(`drops the running header of page 2${modern ? ', the logo text and the template residue' : ''}`, async () => {
      const n = await normalizePdf(await renderPdf(spec, { templateResidue: modern }));
      assert.ok(
        n.blocks.some((b) => b.page === 2),
        'the letter has a second page',
      );
      assert.doesNotMatch(n.text, /^Page 2$|FirstName|LastName|Comapany|commission logo/im);
      const addressee = spec.addressee.people[0]!.name;
      assert.equal(n.blocks.filter((b) => b.text === addressee).length, 1, 'the addressee appears once, on page 1');
    });
  }

  it('leaves the bytes it was given intact (pdf.js detaches what it receives)', async () => {
    const bytes = await renderPdf(sampleCommentLetter());
    const copy = bytes.slice();
    await normalizePdf(bytes);
    assert.deepEqual(bytes, copy);
  });

  it('warns, with no text, when the PDF is a scan without text layer', async () => {
    const n = await normalizePdf(await renderPdf(sampleCommentLetter(), { imageOnly: true }));
    assert.equal(n.text, '');
    assert.deepEqual(n.warnings, ['the PDF letter has no text layer (a scanned image): its text needs OCR']);
  });

  const bad: [string, () => Promise<Uint8Array> | Uint8Array, string, RegExp][] = [
    ['a password-protected PDF', () => buildEncryptedPdf(), 'encrypted-pdf', /encrypted with a password/],
    ['a PDF whose body is garbage', () => buildCorruptPdf(), 'corrupt-pdf', /cannot be read/],
    [
      'bytes that are not a PDF',
      () => new Uint8Array(Buffer.from('<html>not a pdf</html>')),
      'corrupt-pdf',
      /cannot be read/,
    ],
    [
      'a PDF cut after its first bytes',
      async () => (await renderPdf(sampleCommentLetter())).subarray(0, 200),
      'corrupt-pdf',
      /cannot be read/,
    ],
  ];
  for (const [what, build, reason, message] of bad) {
    it(`fails ${what} with reason ${reason}, naming the filing`, async () => {
      const bytes = await build();
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
