import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import { normalizeSubmission } from '../../../src/normalize/normalize-submission.ts';
import { parseSubmission } from '../../../src/submission/parse-submission.ts';
import { uuencode } from '../../eval/corpus.ts';
import { minimalPdf } from './minimal-pdf.ts';

// Hand-made submissions; PDFs uuencoded inside <PDF> as EDGAR does.
const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

function submission(form: string, documents: string[]): Uint8Array {
  const accession = form === 'UPLOAD' ? '0000000000-24-000042' : '0001234567-24-000042';
  const role = form === 'UPLOAD' ? 'FILED FOR' : 'FILER';
  return latin1(`<SEC-DOCUMENT>${accession}.txt : 20240601
<SEC-HEADER>${accession}.hdr.sgml : 20240601
<ACCEPTANCE-DATETIME>20240501120000
ACCESSION NUMBER:\t\t${accession}
CONFORMED SUBMISSION TYPE:\t${form}
PUBLIC DOCUMENT COUNT:\t\t${documents.length}
FILED AS OF DATE:\t\t20240501

${role}:\t\t

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tAcme Widgets, Inc.
\t\tCENTRAL INDEX KEY:\t\t\t0001234567
</SEC-HEADER>
${documents.join('')}</SEC-DOCUMENT>
`);
}

function document(sequence: number, type: string, filename: string, body: string): string {
  return `<DOCUMENT>\n<TYPE>${type}\n<SEQUENCE>${sequence}\n<FILENAME>${filename}\n<TEXT>\n${body}\n</TEXT>\n</DOCUMENT>\n`;
}

function pdfDocument(bytes: Uint8Array): string {
  return document(1, 'LETTER', 'filename1.pdf', `<PDF>\n${uuencode(bytes, 'filename1.pdf')}</PDF>`);
}

const LETTER_PDF = minimalPdf([
  [
    { x: 72, y: 700, text: 'Dear Jane Doe:' },
    { x: 72, y: 660, text: '1.' },
    { x: 108, y: 660, text: 'Please revise your segment disclosure.' },
  ],
]);
const EXTRACT = document(
  2,
  'TEXT-EXTRACT',
  'filename2.txt',
  '       Dear Jane Doe:\n\n   1.                                                   Please revise your segment\ndisclosure.',
);

async function normalize(bytes: Uint8Array) {
  return normalizeSubmission(parseSubmission(bytes));
}

async function rejects(bytes: Uint8Array, reason: string, message: RegExp): Promise<void> {
  await assert.rejects(
    normalize(bytes),
    (error: unknown) => error instanceof BadInputError && error.reason === reason && message.test(error.message),
  );
}

describe('normalizeSubmission: choosing the source', () => {
  it('reads a CORRESP from its HTML document', async () => {
    const n = await normalize(
      submission('CORRESP', [document(1, 'CORRESP', 'filename1.htm', '<html><body><p>Dear Sirs:</p></body></html>')]),
    );
    assert.equal(n.textSource, 'html');
    assert.equal(n.text, 'Dear Sirs:');
  });

  it('reads a plain-text CORRESP as text', async () => {
    const n = await normalize(submission('CORRESP', [document(1, 'CORRESP', 'filename1.txt', '<PAGE>\nDear Sirs:\n')]));
    assert.equal(n.textSource, 'text');
    assert.equal(n.text, 'Dear Sirs:');
  });

  it('decodes a windows-1252 CORRESP and says so in the submission warnings', async () => {
    const bytes = submission('CORRESP', [
      document(1, 'CORRESP', 'filename1.htm', '<p>The Company\x92s \x93response\x94</p>'),
    ]);
    const parsed = parseSubmission(bytes);
    const n = await normalizeSubmission(parsed);
    assert.equal(n.text, 'The Company\u2019s \u201cresponse\u201d');
    assert.ok(parsed.warnings.some((w) => /windows-1252/.test(w)));
  });

  it('prefers the PDF of an UPLOAD to its TEXT-EXTRACT', async () => {
    const n = await normalize(submission('UPLOAD', [pdfDocument(LETTER_PDF), EXTRACT]));
    assert.equal(n.textSource, 'pdf');
    assert.deepEqual(
      n.blocks.map((b) => [b.marker, b.text]),
      [
        [null, 'Dear Jane Doe:'],
        ['1.', 'Please revise your segment disclosure.'],
      ],
    );
    assert.deepEqual(n.warnings, []);
  });

  it('falls back to the TEXT-EXTRACT when the PDF is corrupt, with a warning giving the reason', async () => {
    const corrupt = latin1('%PDF-1.4\nthis is not a PDF body\n');
    const n = await normalize(submission('UPLOAD', [pdfDocument(corrupt), EXTRACT]));
    assert.equal(n.textSource, 'text-extract');
    assert.deepEqual(
      n.blocks.map((b) => [b.marker, b.text]),
      [
        [null, 'Dear Jane Doe:'],
        ['1.', 'Please revise your segment disclosure.'],
      ],
    );
    assert.equal(n.warnings.length, 1);
    assert.match(n.warnings[0]!, /^the PDF letter cannot be read: .* \(corrupt-pdf\); text from the TEXT-EXTRACT$/);
  });

  it('falls back to the TEXT-EXTRACT when the PDF has no text layer', async () => {
    const n = await normalize(submission('UPLOAD', [pdfDocument(minimalPdf([[]])), EXTRACT]));
    assert.equal(n.textSource, 'text-extract');
    assert.match(n.warnings.join('\n'), /the PDF letter has no text layer; text from the TEXT-EXTRACT/);
  });

  it('keeps a scanned PDF with no TEXT-EXTRACT as an empty text with a warning', async () => {
    const n = await normalize(submission('UPLOAD', [pdfDocument(minimalPdf([[]]))]));
    assert.equal(n.textSource, 'pdf');
    assert.equal(n.text, '');
    assert.deepEqual(n.warnings, ['the PDF letter has no text layer (a scanned image): its text needs OCR']);
  });

  it('warns about a second letter document it leaves out', async () => {
    const n = await normalize(
      submission('CORRESP', [
        document(1, 'CORRESP', 'filename1.htm', '<p>Letter</p>'),
        document(2, 'CORRESP', 'filename2.htm', '<p>Annex</p>'),
      ]),
    );
    assert.equal(n.text, 'Letter');
    assert.deepEqual(n.warnings, ['document 2 (CORRESP, filename2.htm) is not part of the letter text']);
  });
});

describe('normalizeSubmission: bad letters', () => {
  it('fails an encrypted PDF without TEXT-EXTRACT with reason encrypted-pdf', () =>
    rejects(
      submission('UPLOAD', [pdfDocument(minimalPdf([[{ x: 72, y: 700, text: 'Secret' }]], { encrypted: true }))]),
      'encrypted-pdf',
      /^0000000000-24-000042: the PDF letter is encrypted with a password$/,
    ));

  it('fails a corrupt PDF without TEXT-EXTRACT with reason corrupt-pdf', () =>
    rejects(
      submission('UPLOAD', [pdfDocument(latin1('%PDF-1.4\ngarbage'))]),
      'corrupt-pdf',
      /^0000000000-24-000042: /,
    ));

  it('fails an empty letter document with reason empty-document', () =>
    rejects(
      submission('CORRESP', [document(1, 'CORRESP', 'filename1.htm', '')]),
      'empty-document',
      /^0001234567-24-000042: the letter's document 1 \(CORRESP, filename1\.htm\) is empty$/,
    ));

  it('fails a submission without any letter document with reason no-letter-document', () =>
    rejects(
      submission('CORRESP', [document(1, 'GRAPHIC', 'logo.jpg', 'begin 644 logo.jpg\n(_]C_X$I&248`\n`\nend')]),
      'no-letter-document',
      /^0001234567-24-000042: no HTML, text or PDF document among 1 document\(s\)$/,
    ));
});
