import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import { normalizeSubmission } from '../../../src/normalize/normalize-submission.ts';
import { parseSubmission } from '../../../src/submission/parse-submission.ts';
import {
  buildBrokenUuencodeSubmission,
  buildCorruptPdfSubmission,
  buildEmptyDocumentSubmission,
  buildEncryptedPdfSubmission,
  buildHugeSubmission,
  buildMissingHeaderSubmission,
  buildTruncatedSubmission,
  buildWindows1252Submission,
  type BadInputFixture,
} from '../../fixtures/render/index.ts';

// The "Bad input" list, built by the fixture renderers: each fails its filing with a reason or warns.
async function parseAndNormalize(bytes: Uint8Array) {
  const submission = parseSubmission(bytes);
  return { submission, normalized: await normalizeSubmission(submission) };
}

const failing: [() => Promise<BadInputFixture> | BadInputFixture, string, RegExp][] = [
  [buildTruncatedSubmission, 'truncated-submission', /the submission ends before <\/SEC-DOCUMENT>/],
  [buildMissingHeaderSubmission, 'missing-header', /no <SEC-HEADER>/],
  [
    buildBrokenUuencodeSubmission,
    'broken-uuencode',
    /document 1 \(LETTER, filename1\.pdf\): broken uuencode: line \d+/,
  ],
  [buildCorruptPdfSubmission, 'corrupt-pdf', /the PDF letter cannot be read/],
  [buildEncryptedPdfSubmission, 'encrypted-pdf', /the PDF letter is encrypted with a password/],
  [buildEmptyDocumentSubmission, 'empty-document', /the letter's document 1 \(CORRESP, filename1\.htm\) is empty/],
];

describe('bad inputs of the issue', () => {
  for (const [build, reason, cause] of failing) {
    it(`fails ${build.name.replace(/^build|Submission$/g, '')} with reason ${reason}, naming the accession`, async () => {
      const fixture = await build();
      await assert.rejects(
        parseAndNormalize(fixture.bytes),
        (error: unknown) =>
          error instanceof BadInputError &&
          error.reason === reason &&
          error.message.startsWith(`${fixture.accessionNumber}: `) &&
          cause.test(error.message),
      );
    });
  }

  it('decodes a windows-1252 letter to the right characters', async () => {
    const fixture = buildWindows1252Submission();
    const { normalized } = await parseAndNormalize(fixture.bytes);
    for (const expected of [
      'Société Rivière Holdings, Inc.',
      '(the “Company”)',
      'Staff’s letter',
      '2009 – the',
      '§ 10(e)',
    ]) {
      assert.ok(normalized.text.includes(expected), expected);
    }
    assert.doesNotMatch(normalized.text, /\ufffd|Ã©|â€/);
  });

  it('warns when a windows-1252 letter does not declare its charset, and still decodes it', async () => {
    const fixture = buildWindows1252Submission();
    const undeclared = Buffer.from(
      Buffer.from(fixture.bytes)
        .toString('latin1')
        .replace(/<META[^>]*charset[^>]*>/i, ''),
      'latin1',
    );
    const { submission, normalized } = await parseAndNormalize(new Uint8Array(undeclared));
    assert.ok(normalized.text.includes('Société Rivière'));
    assert.deepEqual(submission.warnings, [
      'document 1 (CORRESP, filename1.htm): not valid UTF-8 and no charset declared; decoded as windows-1252',
    ]);
  });

  it('fails a 200 MB document with reason oversize before decoding anything', () => {
    const huge = buildHugeSubmission();
    const bytes = new Uint8Array(huge.size);
    let offset = 0;
    for (const chunk of huge.chunks()) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    assert.throws(
      () => parseSubmission(bytes),
      (error: unknown) =>
        error instanceof BadInputError &&
        error.reason === 'oversize' &&
        /^0001999001-15-000008: submission of 200\.0 MiB exceeds the 160\.0 MiB limit$/.test(error.message),
    );
  });

  it('fails a document over the per-document limit with reason oversize, naming the document', () => {
    const huge = buildHugeSubmission(70 * 1024 * 1024);
    const bytes = new Uint8Array(huge.size);
    let offset = 0;
    for (const chunk of huge.chunks()) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    assert.throws(
      () => parseSubmission(bytes),
      (error: unknown) =>
        error instanceof BadInputError &&
        error.reason === 'oversize' &&
        /^0001999001-15-000008: document 1 \(CORRESP, filename1\.htm\) of 70\.0 MiB exceeds the 64\.0 MiB limit$/.test(
          error.message,
        ),
    );
  });
});
