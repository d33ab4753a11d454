import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../../src/errors.ts';
import { BAD_INPUT_REASONS } from '../../../src/submission/bad-input.ts';
import { parseSubmission } from '../../../src/submission/parse-submission.ts';
import { renderPemSubmission, renderSubmission, textBody } from '../../fixtures/render/index.ts';

// Hand-made submissions in EDGAR's byte shapes (tabs, tag lines, uuencoded PDF); none is real data.
const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

const UPLOAD_HEADER = `<SEC-DOCUMENT>0000000000-24-001234.txt : 20240701
<SEC-HEADER>0000000000-24-001234.hdr.sgml : 20240701
<ACCEPTANCE-DATETIME>20240312093001
<PRIVATE-TO-PUBLIC>
ACCESSION NUMBER:\t\t0000000000-24-001234
CONFORMED SUBMISSION TYPE:\tUPLOAD
PUBLIC DOCUMENT COUNT:\t\t2
FILED AS OF DATE:\t\t20240312

FILED FOR:\t\t

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tExample Widgets Corp
\t\tCENTRAL INDEX KEY:\t\t\t0000123456
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tWIDGETS [3590]
\t\tSTATE OF INCORPORATION:\t\t\tDE
\t\tFISCAL YEAR END:\t\t\t1231

\tFILING VALUES:
\t\tFORM TYPE:\t\tUPLOAD
\t\tSEC FILE NUMBER:\t1-35126

\tBUSINESS ADDRESS:\t
\t\tSTREET 1:\t\tONE EXAMPLE WAY
\t\tCITY:\t\t\tSPRINGFIELD

\tFORMER COMPANY:\t
\t\tFORMER CONFORMED NAME:\tEXAMPLE WIDGET CO
\t\tDATE OF NAME CHANGE:\t20100115
PUBLIC REFERENCE ACCESSION NUMBER:\t\t0000123456-23-000077
</SEC-HEADER>
`;

const PDF_LINES = 'begin 644 filename1\nM)5!$1BTQ+C0*\nA              $"__X@8FEN87)Y(\'1A:6P*)25%3T8*\n`\nend\n';
const PDF_BYTES = latin1('%PDF-1.4\n' + '\0'.repeat(45) + '\x00\x01\x02\xff\xfe binary tail\n%%EOF\n');

const UPLOAD = `${UPLOAD_HEADER}<DOCUMENT>
<TYPE>LETTER
<SEQUENCE>1
<FILENAME>filename1.pdf
<TEXT>
<PDF>
${PDF_LINES}</PDF>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>TEXT-EXTRACT
<SEQUENCE>2
<FILENAME>filename2.txt
<TEXT>
United States securities and exchange commission logo

       March 12, 2024
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
`;

function corresp(filers: string, documents: string, accession = '0001234567-24-000010'): string {
  return `<SEC-DOCUMENT>${accession}.txt : 20240801
<SEC-HEADER>${accession}.hdr.sgml : 20240801
<ACCEPTANCE-DATETIME>20241104163000
ACCESSION NUMBER:\t\t${accession}
CONFORMED SUBMISSION TYPE:\tCORRESP
PUBLIC DOCUMENT COUNT:\t\t1
FILED AS OF DATE:\t\t20241104
${filers}</SEC-HEADER>
${documents}</SEC-DOCUMENT>
`;
}

function filer(name: string, cik: string, fileNumber: string | null): string {
  return `
FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\t${name}
\t\tCENTRAL INDEX KEY:\t\t\t${cik}

\tFILING VALUES:
\t\tFORM TYPE:\t\tCORRESP
${fileNumber ? `\t\tSEC FILE NUMBER:\t${fileNumber}\n` : ''}`;
}

function htmlDocument(body: string, sequence = 1): string {
  return `<DOCUMENT>
<TYPE>CORRESP
<SEQUENCE>${sequence}
<FILENAME>filename${sequence}.htm
<TEXT>
${body}
</TEXT>
</DOCUMENT>
`;
}

function rejects(bytes: Uint8Array, reason: string, message: RegExp, options = {}): void {
  assert.throws(
    () => parseSubmission(bytes, options),
    (error: unknown) =>
      error instanceof BadInputError &&
      error.reason === reason &&
      error.code === 'BAD_INPUT' &&
      message.test(error.message),
  );
}

describe('submission header', () => {
  const { header, warnings } = parseSubmission(latin1(UPLOAD));

  it('reads accession, form, document count, filing date and public release', () => {
    assert.equal(header.accessionNumber, '0000000000-24-001234');
    assert.equal(header.submissionType, 'UPLOAD');
    assert.equal(header.documentCount, 2);
    assert.equal(header.filedAsOfDate, '2024-03-12');
    assert.equal(header.disseminationDate, '2024-07-01');
    assert.equal(header.privateToPublic, true);
    assert.deepEqual(warnings, []);
  });

  it('gives the acceptance time the Eastern offset of its date', () => {
    assert.equal(header.acceptanceDateTime, '2024-03-12T09:30:01-04:00');
    const november = parseSubmission(latin1(corresp(filer('A Corp', '1', null), htmlDocument('<p>x</p>'))));
    assert.equal(november.header.acceptanceDateTime, '2024-11-04T16:30:00-05:00');
  });

  it('reads the FILED FOR block with its company data, former names and padded file number', () => {
    assert.deepEqual(header.filers, [
      {
        role: 'filed for',
        cik: '123456',
        name: 'Example Widgets Corp',
        formerNames: [{ name: 'EXAMPLE WIDGET CO', dateOfChange: '2010-01-15' }],
        fileNumber: '001-35126',
        formType: 'UPLOAD',
        fiscalYearEnd: '1231',
        stateOfIncorporation: 'DE',
        sic: '3590',
      },
    ]);
    assert.deepEqual(header.fileNumbers, ['001-35126']);
    assert.equal(header.publicReferenceAccession, '0000123456-23-000077');
  });

  it('keeps every co-registrant block and each of their file numbers once', () => {
    const text = corresp(
      filer('Parent Holdings Inc', '0000000111', '333-199812') +
        filer('Parent Finance LLC', '0000000222', '333-199812-01') +
        filer('Parent Capital Trust', '0000000333', '333-199812'),
      htmlDocument('<p>Acceleration request</p>'),
    );
    const { header: h } = parseSubmission(latin1(text));
    assert.deepEqual(
      h.filers.map((f) => [f.role, f.cik, f.name, f.fileNumber]),
      [
        ['filer', '111', 'Parent Holdings Inc', '333-199812'],
        ['filer', '222', 'Parent Finance LLC', '333-199812-01'],
        ['filer', '333', 'Parent Capital Trust', '333-199812'],
      ],
    );
    assert.deepEqual(h.fileNumbers, ['333-199812', '333-199812-01']);
    assert.equal(h.publicReferenceAccession, null);
    assert.equal(h.privateToPublic, false);
  });

  it('reads a submission wrapped in the old PRIVACY-ENHANCED MESSAGE envelope', () => {
    const inner = corresp(
      filer('Old Filer Inc', '0000000999', '0-27512'),
      htmlDocument('<p>Dear Sir</p>'),
      '0000950123-05-001234',
    );
    const pem = `-----BEGIN PRIVACY-ENHANCED MESSAGE-----
Proc-Type: 2001,MIC-CLEAR
Originator-Name: webmaster@www.sec.gov
Originator-Key-Asymmetric:
 MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen
MIC-Info: RSA-MD5,RSA,
 Q2hlY2tzdW0gbm90IHZlcmlmaWVkIGhlcmU=

${inner}-----END PRIVACY-ENHANCED MESSAGE-----
`;
    const { header: h, documents } = parseSubmission(latin1(pem));
    assert.equal(h.accessionNumber, '0000950123-05-001234');
    assert.deepEqual(h.fileNumbers, ['000-27512']);
    assert.equal(documents.length, 1);
    assert.equal(documents[0]!.text, '<p>Dear Sir</p>');
  });
});

describe('submission documents', () => {
  it('uudecodes the PDF letter inside <PDF> and keeps the TEXT-EXTRACT as text', () => {
    const { documents } = parseSubmission(latin1(UPLOAD));
    assert.equal(documents.length, 2);
    const [pdf, extract] = documents;
    assert.equal(pdf!.type, 'LETTER');
    assert.equal(pdf!.sequence, 1);
    assert.equal(pdf!.filename, 'filename1.pdf');
    assert.equal(pdf!.format, 'pdf');
    assert.deepEqual(pdf!.bytes, PDF_BYTES);
    assert.equal(pdf!.text, null);
    assert.match(pdf!.sha256, /^[0-9a-f]{64}$/);
    assert.equal(extract!.type, 'TEXT-EXTRACT');
    assert.equal(extract!.format, 'text');
    assert.equal(extract!.text, 'United States securities and exchange commission logo\n\n       March 12, 2024');
  });

  it('uudecodes images that have no wrapper, with their description', () => {
    const image = `<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>2
<FILENAME>logo.jpg
<DESCRIPTION>GRAPHIC
<TEXT>
begin 644 logo.jpg
(_]C_X$I&248\`
\`
end
</TEXT>
</DOCUMENT>
`;
    const { documents } = parseSubmission(latin1(corresp(filer('A', '1', null), htmlDocument('<p>x</p>') + image)));
    const logo = documents[1]!;
    assert.equal(logo.format, 'image');
    assert.equal(logo.description, 'GRAPHIC');
    assert.deepEqual(logo.bytes, latin1('\xff\xd8\xff\xe0JFIF'));
  });

  const charsets: [string, string, string, RegExp | null][] = [
    [
      'windows-1252 declared in a meta tag',
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><p>\x93Quoted\x94 \x96 caf\xe9 \x80</p></html>',
      '\u201cQuoted\u201d \u2013 caf\u00e9 \u20ac',
      null,
    ],
    [
      'latin-1 declared, read as windows-1252 like browsers do',
      '<html><head><meta charset="ISO-8859-1"></head><p>\x93Quoted\x94 caf\xe9</p></html>',
      '\u201cQuoted\u201d caf\u00e9',
      null,
    ],
    [
      'windows-1252 without any declaration',
      '<html><p>The Company\x92s \x93Response\x94</p></html>',
      'The Company\u2019s \u201cResponse\u201d',
      /not valid UTF-8 and no charset declared; decoded as windows-1252/,
    ],
    [
      'UTF-8 without a declaration',
      '<html><p>The Company\xe2\x80\x99s caf\xc3\xa9</p></html>',
      'The Company\u2019s caf\u00e9',
      null,
    ],
    [
      'a false UTF-8 declaration over windows-1252 bytes',
      '<html><head><meta charset="utf-8"></head><p>\x93Quoted\x94</p></html>',
      '\u201cQuoted\u201d',
      /declares UTF-8 but is not valid UTF-8/,
    ],
  ];
  for (const [what, html, expected, warning] of charsets) {
    it(`decodes ${what}`, () => {
      const { documents, warnings } = parseSubmission(latin1(corresp(filer('A', '1', null), htmlDocument(html))));
      assert.ok(documents[0]!.text!.includes(expected), documents[0]!.text!);
      assert.equal(documents[0]!.format, 'html');
      if (warning)
        assert.ok(warnings.some((w) => warning.test(w) && w.includes('document 1 (CORRESP, filename1.htm)')));
      else assert.deepEqual(warnings, []);
    });
  }

  it('detects formats from the bytes, not the file name', () => {
    const plain = `<DOCUMENT>
<TYPE>CORRESP
<SEQUENCE>1
<FILENAME>filename1.htm
<TEXT>
<PAGE>
                              EXAMPLE CORP

Dear Sir:
</TEXT>
</DOCUMENT>
`;
    const htmlInTxt = `<DOCUMENT>
<TYPE>CORRESP
<SEQUENCE>2
<FILENAME>filename2.txt
<TEXT>
<DIV>Letter</DIV>
</TEXT>
</DOCUMENT>
`;
    const { documents } = parseSubmission(latin1(corresp(filer('A', '1', null), plain + htmlInTxt)));
    assert.deepEqual(
      documents.map((d) => d.format),
      ['text', 'html'],
    );
  });

  it('warns about an empty document and a document count that does not match', () => {
    const { documents, warnings } = parseSubmission(
      latin1(corresp(filer('A', '1', null), htmlDocument('') + htmlDocument('<p>x</p>', 2))),
    );
    assert.equal(documents[0]!.bytes.length, 0);
    assert.ok(warnings.includes('document 1 (CORRESP, filename1.htm) is empty'), warnings.join('; '));
    assert.ok(warnings.includes('the header announces 1 documents, the submission holds 2'), warnings.join('; '));
  });
});

describe('bad submissions', () => {
  const good = corresp(filer('A', '1', null), htmlDocument('<p>Hello</p>'));
  const cases: [string, Uint8Array, string, RegExp, object?][] = [
    ['an empty submission', latin1(''), BAD_INPUT_REASONS.EMPTY_SUBMISSION, /empty/],
    [
      'a submission without header',
      latin1(
        '<SEC-DOCUMENT>0001234567-24-000010.txt : 20240801\n<DOCUMENT>\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n',
      ),
      BAD_INPUT_REASONS.MISSING_HEADER,
      /^0001234567-24-000010: no <SEC-HEADER>/,
    ],
    [
      'a header without accession number',
      latin1('<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\tCORRESP\n</SEC-HEADER>\n'),
      BAD_INPUT_REASONS.MISSING_HEADER,
      /no ACCESSION NUMBER/,
    ],
    [
      'a header without submission type',
      latin1(good.replace('CONFORMED SUBMISSION TYPE:\tCORRESP\n', '')),
      BAD_INPUT_REASONS.MISSING_HEADER,
      /^0001234567-24-000010: the header has no CONFORMED SUBMISSION TYPE/,
    ],
    [
      'a submission cut inside its header',
      latin1(good.slice(0, good.indexOf('FILER:'))),
      BAD_INPUT_REASONS.TRUNCATED,
      /^0001234567-24-000010: the submission ends inside its header/,
    ],
    [
      'a submission cut inside a document',
      latin1(good.slice(0, good.indexOf('</TEXT>'))),
      BAD_INPUT_REASONS.TRUNCATED,
      /^0001234567-24-000010: the submission ends before <\/SEC-DOCUMENT>/,
    ],
    [
      'a submission cut inside the uuencoded PDF',
      latin1(UPLOAD.slice(0, UPLOAD.indexOf('A    '))),
      BAD_INPUT_REASONS.TRUNCATED,
      /^0000000000-24-001234: /,
    ],
    [
      'a PDF with broken uuencode',
      latin1(UPLOAD.replace('M)5!$1BTQ+C0*', 'M)5!$1BTQ+C0*{~}')),
      BAD_INPUT_REASONS.BROKEN_UUENCODE,
      /^0000000000-24-001234: document 1 \(LETTER, filename1\.pdf\): broken uuencode: line 2/,
    ],
    [
      'a PDF whose uuencode has no end',
      latin1(UPLOAD.replace('`\nend\n</PDF>', '</PDF>')),
      BAD_INPUT_REASONS.BROKEN_UUENCODE,
      /no "end" line/,
    ],
    [
      'a submission over the size limit',
      latin1(good),
      BAD_INPUT_REASONS.OVERSIZE,
      /^0001234567-24-000010: submission of 0\.0 MiB exceeds the 0\.0 MiB limit/,
      { maxSubmissionBytes: 100 },
    ],
    [
      'a document over the size limit',
      latin1(UPLOAD),
      BAD_INPUT_REASONS.OVERSIZE,
      /^0000000000-24-001234: document 1 \(LETTER, filename1\.pdf\) of 0\.0 MiB exceeds/,
      { maxDocumentBytes: 50 },
    ],
  ];
  for (const [what, bytes, reason, message, options] of cases) {
    it(`fails ${what} with reason ${reason}`, () => rejects(bytes, reason, message, options));
  }

  it('refuses an oversize submission before decoding it', () => {
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(latin1(good.slice(0, 400)));
    rejects(
      big,
      BAD_INPUT_REASONS.OVERSIZE,
      /^0001234567-24-000010: submission of 3\.0 MiB exceeds the 2\.0 MiB limit/,
      {
        maxSubmissionBytes: 2 * 1024 * 1024,
      },
    );
  });
});

describe('submissions written by the fixture renderer', () => {
  const filer = (name: string, cik: string, fileNumber: string) => ({
    companyName: name,
    cik,
    formType: 'CORRESP',
    fileNumber,
    formerNames: [{ name: `${name.toUpperCase()} OLD`, dateOfChange: '2012-03-01' }],
  });
  const spec = {
    header: {
      accessionNumber: '0001193125-14-000946',
      submissionType: 'CORRESP',
      filedAsOfDate: '2014-01-03',
      acceptanceDateTime: '2014-01-03T06:15:34-05:00',
      disseminationDate: '2014-02-14',
      filers: [
        filer('Trust One Holdings', '1000001', '333-199812'),
        filer('Trust One Funding', '1000002', '333-199812-01'),
      ],
    },
    documents: [{ type: 'CORRESP', filename: 'filename1.htm', body: textBody('<p>Request for acceleration</p>') }],
  };

  for (const [what, bytes] of [
    ['a plain submission', renderSubmission(spec)],
    ['a PRIVACY-ENHANCED MESSAGE envelope', renderPemSubmission(spec)],
  ] as const) {
    it(`reads co-registrants, former names and times from ${what}`, () => {
      const { header, documents, warnings } = parseSubmission(bytes);
      assert.equal(header.accessionNumber, '0001193125-14-000946');
      assert.equal(header.acceptanceDateTime, '2014-01-03T06:15:34-05:00');
      assert.equal(header.disseminationDate, '2014-02-14');
      assert.deepEqual(
        header.filers.map((f) => [f.cik, f.name, f.fileNumber, f.formerNames]),
        [
          [
            '1000001',
            'Trust One Holdings',
            '333-199812',
            [{ name: 'TRUST ONE HOLDINGS OLD', dateOfChange: '2012-03-01' }],
          ],
          [
            '1000002',
            'Trust One Funding',
            '333-199812-01',
            [{ name: 'TRUST ONE FUNDING OLD', dateOfChange: '2012-03-01' }],
          ],
        ],
      );
      assert.deepEqual(header.fileNumbers, ['333-199812', '333-199812-01']);
      assert.equal(documents[0]!.text, '<p>Request for acceleration</p>');
      assert.deepEqual(warnings, []);
    });
  }
});
