import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import { normalizeSubmission } from '../../../src/normalize/normalize-submission.ts';
import { parseSubmission } from '../../../src/submission/parse-submission.ts';
import {
  buildCorruptPdf,
  buildEncryptedPdf,
  buildLetterheadJpeg,
  renderHtml,
  renderPdf,
  renderPlainText,
  renderSubmission,
  renderTextExtract,
  sampleCommentLetter,
  sampleResponseLetter,
  textBody,
  type SubmissionDocumentSpec,
} from '../../fixtures/render/index.ts';

const COMMENT = sampleCommentLetter({ modern: true });
const RESPONSE = sampleResponseLetter();
const FILER = { companyName: 'Halvorsen Marine Holdings, Inc.', cik: '1999001', formType: 'CORRESP' };

function submission(form: 'CORRESP' | 'UPLOAD', documents: SubmissionDocumentSpec[]): Uint8Array {
  return renderSubmission({
    header: {
      accessionNumber: form === 'UPLOAD' ? '0000000000-24-000042' : '0001999001-24-000042',
      submissionType: form,
      filedAsOfDate: '2024-05-14',
      acceptanceDateTime: '2024-05-14T16:02:11-04:00',
      disseminationDate: '2024-06-20',
      filers: [{ ...FILER, formType: form }],
    },
    documents,
  });
}

const pdfLetter = (bytes: Uint8Array): SubmissionDocumentSpec => ({
  type: 'LETTER',
  filename: 'filename1.pdf',
  body: { kind: 'pdf', bytes },
});
const extract: SubmissionDocumentSpec = {
  type: 'TEXT-EXTRACT',
  filename: 'filename2.txt',
  body: textBody(renderTextExtract(COMMENT)),
};

async function normalize(bytes: Uint8Array) {
  return normalizeSubmission(parseSubmission(bytes));
}

function numbered(n: { blocks: readonly { marker: string | null }[] }): string[] {
  return n.blocks.flatMap((b) => (b.marker && /^\d+\.$/.test(b.marker) ? [b.marker] : []));
}

describe('normalizeSubmission: choosing the source', () => {
  it('reads a CORRESP from its HTML document, letterhead image left aside', async () => {
    const n = await normalize(
      submission('CORRESP', [
        {
          type: 'CORRESP',
          filename: 'filename1.htm',
          body: textBody(renderHtml(RESPONSE, 'modern', { letterheadImage: 'logo.jpg' })),
        },
        { type: 'GRAPHIC', filename: 'logo.jpg', body: { kind: 'uuencoded', bytes: buildLetterheadJpeg() } },
      ]),
    );
    assert.equal(n.textSource, 'html');
    assert.deepEqual(numbered(n), ['1.', '2.', '3.']);
    assert.deepEqual(n.warnings, []);
  });

  it('reads a plain-text CORRESP as text', async () => {
    const n = await normalize(
      submission('CORRESP', [
        { type: 'CORRESP', filename: 'filename1.txt', body: textBody(renderPlainText(RESPONSE)) },
      ]),
    );
    assert.equal(n.textSource, 'text');
    assert.deepEqual(numbered(n), ['1.', '2.', '3.']);
  });

  it('prefers the PDF of an UPLOAD to its TEXT-EXTRACT', async () => {
    const n = await normalize(submission('UPLOAD', [pdfLetter(await renderPdf(COMMENT)), extract]));
    assert.equal(n.textSource, 'pdf');
    assert.deepEqual(numbered(n), ['1.', '2.', '3.']);
    assert.deepEqual(n.warnings, []);
  });

  it('falls back to the TEXT-EXTRACT when the PDF is corrupt, with a warning giving the reason', async () => {
    const n = await normalize(submission('UPLOAD', [pdfLetter(buildCorruptPdf()), extract]));
    assert.equal(n.textSource, 'text-extract');
    assert.deepEqual(numbered(n), ['1.', '2.', '3.']);
    assert.equal(n.warnings.length, 1);
    assert.match(n.warnings[0]!, /^the PDF letter cannot be read: .* \(corrupt-pdf\); text from the TEXT-EXTRACT$/);
  });

  it('falls back to the TEXT-EXTRACT when the PDF is encrypted', async () => {
    const n = await normalize(submission('UPLOAD', [pdfLetter(buildEncryptedPdf()), extract]));
    assert.equal(n.textSource, 'text-extract');
    assert.match(n.warnings[0]!, /encrypted with a password \(encrypted-pdf\); text from the TEXT-EXTRACT$/);
  });

  it('falls back to the TEXT-EXTRACT when the PDF has no text layer', async () => {
    const n = await normalize(
      submission('UPLOAD', [pdfLetter(await renderPdf(COMMENT, { imageOnly: true })), extract]),
    );
    assert.equal(n.textSource, 'text-extract');
    assert.deepEqual(n.warnings, ['the PDF letter has no text layer; text from the TEXT-EXTRACT']);
  });

  it('keeps a scanned PDF with no TEXT-EXTRACT as an empty text with a warning', async () => {
    const n = await normalize(submission('UPLOAD', [pdfLetter(await renderPdf(COMMENT, { imageOnly: true }))]));
    assert.equal(n.textSource, 'pdf');
    assert.equal(n.text, '');
    assert.deepEqual(n.warnings, ['the PDF letter has no text layer (a scanned image): its text needs OCR']);
  });

  it('warns about a second letter document it leaves out', async () => {
    const n = await normalize(
      submission('CORRESP', [
        { type: 'CORRESP', filename: 'filename1.htm', body: textBody('<p>Letter</p>') },
        { type: 'CORRESP', filename: 'filename2.htm', body: textBody('<p>Annex</p>') },
      ]),
    );
    assert.equal(n.text, 'Letter');
    assert.deepEqual(n.warnings, ['document 2 (CORRESP, filename2.htm) is not part of the letter text']);
  });
});

describe('normalizeSubmission: bad letters', () => {
  it('fails an encrypted PDF without TEXT-EXTRACT with reason encrypted-pdf', async () => {
    await assert.rejects(
      normalize(submission('UPLOAD', [pdfLetter(buildEncryptedPdf())])),
      (error: unknown) =>
        error instanceof BadInputError &&
        error.reason === 'encrypted-pdf' &&
        error.message === '0000000000-24-000042: the PDF letter is encrypted with a password',
    );
  });

  it('fails a submission without any letter document with reason no-letter-document', async () => {
    await assert.rejects(
      normalize(
        submission('CORRESP', [
          { type: 'GRAPHIC', filename: 'logo.jpg', body: { kind: 'uuencoded', bytes: buildLetterheadJpeg() } },
        ]),
      ),
      (error: unknown) =>
        error instanceof BadInputError &&
        error.reason === 'no-letter-document' &&
        error.message === '0001999001-24-000042: no HTML, text or PDF document among 1 document(s)',
    );
  });
});
