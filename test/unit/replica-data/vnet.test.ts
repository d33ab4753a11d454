import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ReplicaCompany, ReplicaFiling } from '../../replica/dataset.ts';
import { VNET_ACCESSIONS, buildVnetCompany } from '../../replica/data/index.ts';
import { readPdfText, uudecode } from '../fixtures/helpers.ts';
import { assertSubmissionShape, htmlText, latin1 } from './support.ts';

let vnet: ReplicaCompany;
const byAccession = (acc: string): ReplicaFiling => {
  const f = vnet.filings.find((x) => x.accessionNumber === acc);
  assert.ok(f, `filing ${acc}`);
  return f;
};
const letterText = (acc: string): string => {
  const text = new TextDecoder('windows-1252').decode(byAccession(acc).submissionText);
  return htmlText(text);
};
async function pdfText(acc: string) {
  const text = latin1(byAccession(acc).submissionText);
  const block = /<PDF>\n(begin 644 filename1\n[\s\S]*?\nend)\n<\/PDF>/.exec(text);
  assert.ok(block, `${acc}: PDF block`);
  return readPdfText(uudecode(block[1]!));
}

describe('21Vianet dataset', () => {
  before(async () => {
    vnet = await buildVnetCompany();
  });

  it('is CIK 1508475, ticker VNET, a 20-F filer in the Cayman Islands with a former name', () => {
    assert.equal(vnet.cik, '1508475');
    assert.equal(vnet.name, '21Vianet Group, Inc.');
    assert.deepEqual(vnet.tickers, ['VNET']);
    assert.equal(vnet.stateOfIncorporation, 'E9');
    assert.equal(vnet.fiscalYearEnd, '1231');
    assert.ok(vnet.formerNames.length >= 1);
    assert.ok(vnet.fileNumbers.includes('001-35126'));
  });

  it('carries the facts of the January 3, 2014 response in its CORRESP', () => {
    const text = letterText(VNET_ACCESSIONS.response2013b);
    for (const fact of [
      'January 3, 2014',
      'Stephen Krikorian',
      'Accounting Branch Chief',
      'Melissa Walsh',
      'Staff Accountant',
      'Form 20-F for the Fiscal Year Ended December 31, 2012',
      'Filed on April 19, 2013 (File No. 001-35126)',
      'Dear Mr. Krikorian and Ms. Walsh:',
      'December 17, 2013',
      'Notes to the Consolidated Financial Statements',
      'Note 4. Acquisitions',
      'Business Combinations',
      '21V Xi’an, page F-33',
      'prior comment 3',
      'prior comment 4',
      'prior comment 5',
      'ASC 850-10-50-1a',
      'Shang-Wen Hsiao',
      'Chief Financial Officer',
      'Sheng Chen, Chairman and Chief Executive Officer, 21Vianet Group, Inc.',
      'Ben Yang, Ernst & Young Hua Ming LLP',
      'responsible for the adequacy and accuracy of the disclosure',
    ]) {
      assert.ok(text.includes(fact), `missing ${fact}`);
    }
    for (const n of [1, 2, 3]) assert.match(text, new RegExp(`<?\\b${n}\\.\\s`));
    assert.ok(!/\b4\.\s+(We|Your|In)\b/.test(text), 'only comments 1-3');
  });

  it('carries the facts of the August 30, 2017 response, with its marker and numbering variants', () => {
    const text = letterText(VNET_ACCESSIONS.response2017b);
    for (const fact of [
      'August 30, 2017',
      'Mengyao Lu',
      'Office of Information Technologies and Services',
      'Form 20-F for the Fiscal Year Ended December 31, 2016',
      'Filed April 12, 2017',
      'File No. 001-35126',
      'August 16, 2017',
      'Item 3. Key Information',
      'A. Selected Financial Data, page 3',
      'Discussion of Non-GAAP Financial Measures, page 5',
      'Item 5. Operating and Financial Review and Prospects',
      'Critical Accounting Policies',
      'Goodwill, page 84',
      'RMB 37.9 million',
      'Item 100(a) of Regulation G',
      'Question 102.11',
      'ASC 350-20-35-30',
      'Terry Wang',
      'Will Cai, Esq., Partner, Skadden, Arps, Slate, Meagher & Flom LLP',
      'Henry Song, Ernst & Young Hua Ming LLP',
    ]) {
      assert.ok(text.includes(fact), `missing ${fact}`);
    }
    assert.equal(text.match(/Response:/g)?.length, 4);
    assert.match(text, /Response The Company respectfully/);
    assert.match(text, /- 5\.\s/);
  });

  it('renders the SEC letters they answer as PDF-only UPLOADs with matching comment numbers', async () => {
    for (const [acc, date, numbers] of [
      [VNET_ACCESSIONS.comment2013b, 'December 17, 2013', ['1.', '2.', '3.']],
      [VNET_ACCESSIONS.comment2017b, 'August 16, 2017', ['1.', '2.', '3.', '4.', '5.']],
    ] as const) {
      const filing = byAccession(acc);
      assert.equal(filing.form, 'UPLOAD');
      assert.ok(acc.startsWith('0000000000-'));
      assert.deepEqual(
        filing.documents.map((d) => d.type),
        ['LETTER'],
      );
      const pdf = await pdfText(acc);
      const strings = pdf.items.map((i) => i.str);
      assert.ok(strings.includes(date));
      assert.ok(strings.includes('File No. 001-35126'));
      assert.deepEqual(
        strings.filter((s) => /^\d\.$/.test(s)),
        [...numbers],
      );
    }
  });

  it('writes no SEC FILE NUMBER in the headers of its pre-2019 UPLOADs, nor a file number in their JSON rows', () => {
    for (const f of vnet.filings.filter((x) => x.form === 'UPLOAD')) {
      assert.ok(!latin1(f.submissionText).includes('SEC FILE NUMBER'), f.accessionNumber);
      assert.equal(f.listedFileNumber, '');
    }
  });

  it('closes each review with a "completed our review" letter', async () => {
    for (const acc of [VNET_ACCESSIONS.complete2013, VNET_ACCESSIONS.complete2017]) {
      const strings = (await pdfText(acc)).items.map((i) => i.str).join(' ');
      assert.match(strings, /We have completed our review of your filing/);
    }
  });

  it('has letters under its F-1 file number, and an acceleration request naming two file numbers', () => {
    assert.ok(letterText(VNET_ACCESSIONS.listingResponse).includes('File No. 333-172879'));
    const accel = letterText(VNET_ACCESSIONS.acceleration);
    assert.ok(accel.includes('File Nos. 333-172879 and 001-35126'));
    assert.ok(accel.includes('Rule 461'));
  });

  it('orders two letters of the same day by their acceptance time', () => {
    const sameDay = vnet.filings.filter((f) => f.filingDate === '2011-04-18');
    assert.deepEqual(
      sameDay.map((f) => f.accessionNumber),
      [VNET_ACCESSIONS.acceleration, VNET_ACCESSIONS.underwriters],
    );
    assert.ok(Date.parse(sameDay[0]!.acceptanceDateTime) < Date.parse(sameDay[1]!.acceptanceDateTime));
  });

  it('lists other forms with file numbers so 001-35126 and 333-172879 resolve to the CIK', () => {
    const listed = new Set(
      vnet.filings.filter((f) => !['CORRESP', 'UPLOAD'].includes(f.form)).map((f) => f.listedFileNumber),
    );
    assert.ok(listed.has('001-35126'));
    assert.ok(listed.has('333-172879'));
    assert.ok(vnet.filings.some((f) => f.form === '20-F' && f.reportDate === '2012-12-31'));
    assert.ok(vnet.filings.some((f) => f.form === '6-K'));
    assert.ok(vnet.filings.some((f) => f.form === 'F-1'));
    for (const f of vnet.filings.filter((x) => x.form === 'CORRESP')) assert.equal(f.listedFileNumber, '');
  });

  it('has an SEC STAFF LETTER to be skipped', () => {
    const staff = byAccession(VNET_ACCESSIONS.staffLetter2019);
    assert.equal(staff.form, 'SEC STAFF LETTER');
    assert.ok(staff.accessionNumber.startsWith('9999999997-'));
  });

  it('makes letters public at least 20 business days after their review ends, on the Eastern clock', () => {
    for (const f of vnet.filings.filter((x) => x.form === 'CORRESP' || x.form === 'UPLOAD')) {
      assert.ok(f.disseminationDate >= f.filingDate);
      const days = (Date.parse(f.disseminationDate) - Date.parse(f.filingDate)) / 86_400_000;
      assert.ok(days >= 28, `${f.accessionNumber} public ${days} days after filing`);
    }
    assert.equal(byAccession(VNET_ACCESSIONS.response2013b).acceptanceDateTime, '2014-01-03T06:15:34-05:00');
    assert.equal(byAccession(VNET_ACCESSIONS.response2013b).disseminationDate, '2014-02-14');
    assert.match(byAccession(VNET_ACCESSIONS.response2017b).acceptanceDateTime, /-04:00$/);
  });

  it("renders every submission in EDGAR's SGML shape", () => {
    for (const f of vnet.filings) assertSubmissionShape(f);
  });
});
