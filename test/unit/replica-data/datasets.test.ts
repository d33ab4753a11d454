import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { ReplicaDataset } from '../../replica/dataset.ts';
import {
  BAD_INPUT_COMPANY,
  BRIGHTWATER,
  buildBadInputCompany,
  buildBenchDataset,
  buildDemoDataset,
  buildGeneratedCompany,
} from '../../replica/data/index.ts';
import { uudecode } from '../fixtures/helpers.ts';
import { ACCESSION, assertSubmissionShape, htmlText, latin1 } from './support.ts';

let demo: ReplicaDataset;

describe('demo dataset', () => {
  before(async () => {
    demo = await buildDemoDataset();
  });

  it('holds 21Vianet, Brightwater with its co-registrant, and a small generated company', () => {
    assert.deepEqual(
      demo.companies.map((c) => c.cik),
      ['1508475', BRIGHTWATER.cik, BRIGHTWATER.coRegistrantCik, '1800007'],
    );
  });

  it('has well-formed, unique accession numbers; UPLOADs start 0000000000-', () => {
    const all = demo.companies.flatMap((c) => c.filings.map((f) => f.accessionNumber));
    assert.ok(all.every((a) => ACCESSION.test(a)));
    assert.equal(new Set(all).size, all.length);
    for (const f of demo.companies.flatMap((c) => c.filings)) {
      if (f.form === 'UPLOAD') assert.ok(f.accessionNumber.startsWith('0000000000-'), f.accessionNumber);
    }
  });

  it("renders every submission in EDGAR's SGML shape", () => {
    for (const f of demo.companies.flatMap((c) => c.filings)) assertSubmissionShape(f);
  });
});

describe('Brightwater (recent company)', () => {
  const company = () => demo.companies.find((c) => c.cik === BRIGHTWATER.cik)!;
  const filing = (acc: string) => company().filings.find((f) => f.accessionNumber === acc)!;

  it('runs comment -> response -> comment -> response -> review complete, in acceptance order', () => {
    const letters = company()
      .filings.filter((f) => f.form === 'CORRESP' || f.form === 'UPLOAD')
      .slice(0, 5);
    assert.deepEqual(
      letters.map((f) => f.accessionNumber),
      [BRIGHTWATER.comment1, BRIGHTWATER.response1, BRIGHTWATER.comment2, BRIGHTWATER.response2, BRIGHTWATER.complete],
    );
  });

  it('gives its UPLOADs PDF + TEXT-EXTRACT, SEC FILE NUMBER and the reference accession, and lists the file number', () => {
    for (const acc of [BRIGHTWATER.comment1, BRIGHTWATER.comment2, BRIGHTWATER.complete]) {
      const f = filing(acc);
      const text = latin1(f.submissionText);
      assert.deepEqual(
        f.documents.map((d) => `${d.type} ${d.filename}`),
        ['LETTER filename1.pdf', 'TEXT-EXTRACT filename2.txt'],
      );
      assert.ok(text.includes('\t\tSEC FILE NUMBER:\t001-41822\n'));
      assert.ok(text.includes(`PUBLIC REFERENCE ACCESSION NUMBER:\t\t${BRIGHTWATER.tenK}\n`));
      assert.equal(f.listedFileNumber, '001-41822');
      assert.ok(text.includes('United States securities and exchange commission logo\n'));
    }
    const second = latin1(filing(BRIGHTWATER.comment2).submissionText);
    assert.match(second, /Response dated\n/);
    assert.ok(second.includes('   1.') && second.includes('   2.'));
  });

  it('files the acceleration request with a uuencoded JPEG letterhead, two filer blocks and two file numbers', () => {
    const f = filing(BRIGHTWATER.acceleration);
    assert.deepEqual(f.coRegistrantCiks, [BRIGHTWATER.coRegistrantCik]);
    const text = latin1(f.submissionText);
    const image =
      /<TYPE>GRAPHIC\n<SEQUENCE>2\n<FILENAME>(\S+\.jpg)\n<DESCRIPTION>GRAPHIC\n<TEXT>\n(begin 644 \1\n[\s\S]*?\nend)\n<\/TEXT>/.exec(
        text,
      );
    assert.ok(image, 'GRAPHIC document');
    const jpeg = uudecode(image[2]!);
    assert.deepEqual([...jpeg.subarray(0, 2)], [0xff, 0xd8]);
    assert.ok(text.includes(`<img alt="Letterhead" src="${image[1]}"`));
    const letter = htmlText(text);
    assert.ok(letter.includes('Rule 461'));
    assert.ok(letter.includes('File Nos. 333-285511 and 333-285511-01'));
  });

  it('marks confidential treatment with a Rule 83 legend and [***]', () => {
    const letter = htmlText(latin1(filing(BRIGHTWATER.response1).submissionText));
    assert.ok(letter.includes('PURSUANT TO RULE 83 (17 C.F.R. § 200.83)'));
    assert.ok(letter.includes('[***]%'));
  });
});

describe('generated company', () => {
  it('has exactly the letters asked for, spread over 2005-2025, with other filings beside them', async () => {
    const company = await buildGeneratedCompany({ letters: 120, seed: 3 });
    const letters = company.filings.filter((f) => f.form === 'CORRESP' || f.form === 'UPLOAD');
    assert.equal(letters.length, 120);
    assert.equal(company.filings.length, 240);
    const years = new Set(letters.map((f) => f.filingDate.slice(0, 4)));
    assert.ok(years.has('2005') && years.has('2024') && years.size >= 19, [...years].join(','));
    for (const f of company.filings) assertSubmissionShape(f);
  });

  it('shapes each letter by its year: PEM and text early, TEXT-EXTRACT from mid-2018, SEC FILE NUMBER from mid-2023', async () => {
    const company = await buildGeneratedCompany({ letters: 120, seed: 3 });
    const uploads = company.filings.filter((f) => f.form === 'UPLOAD');
    for (const f of uploads) {
      const text = latin1(f.submissionText);
      assert.equal(f.documents.length, f.filingDate >= '2018-07-01' ? 2 : 1, f.accessionNumber);
      assert.equal(text.includes('SEC FILE NUMBER'), f.filingDate >= '2023-07-01', f.accessionNumber);
    }
    const early = company.filings.filter((f) => f.form === 'CORRESP' && f.filingDate < '2008-01-01');
    assert.ok(
      early.length > 0 &&
        early.every((f) => latin1(f.submissionText).startsWith('-----BEGIN PRIVACY-ENHANCED MESSAGE-----')),
    );
    assert.ok(early.some((f) => f.primaryDocument === 'filename1.txt'));
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const digest = async (seed: number) => {
      const company = await buildGeneratedCompany({ letters: 30, seed });
      const hash = createHash('sha256');
      for (const f of company.filings) hash.update(f.submissionText);
      return hash.digest('hex');
    };
    assert.equal(await digest(5), await digest(5));
    assert.notEqual(await digest(5), await digest(6));
  });
});

describe('bench dataset', () => {
  it('puts 21Vianet beside a generated company of the requested size, enough rows to overflow', async () => {
    const bench = await buildBenchDataset({ letters: 100, otherFilings: 950 });
    assert.equal(bench.companies.length, 2);
    const generated = bench.companies[1]!;
    assert.equal(generated.filings.filter((f) => f.form === 'CORRESP' || f.form === 'UPLOAD').length, 100);
    assert.ok(generated.filings.length > 1000);
  });
});

describe('bad-input company', () => {
  it('holds the seven bad inputs next to two good letters and a 10-K under one file number', async () => {
    const company = await buildBadInputCompany();
    assert.equal(company.cik, BAD_INPUT_COMPANY.cik);
    assert.equal(company.filings.length, 10);
    assert.deepEqual(company.fileNumbers, [BAD_INPUT_COMPANY.fileNumber]);
    const good = company.filings.filter((f) =>
      [BAD_INPUT_COMPANY.goodUpload, BAD_INPUT_COMPANY.goodCorresp, BAD_INPUT_COMPANY.tenK].includes(
        f.accessionNumber as never,
      ),
    );
    assert.equal(good.length, 3);
    for (const f of good) assertSubmissionShape(f);
    assert.equal(new Set(company.filings.map((f) => f.accessionNumber)).size, 10);
  });
});
