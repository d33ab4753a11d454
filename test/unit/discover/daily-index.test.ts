import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIndexFile } from '../../../src/discover/daily-index.ts';

const preamble = [
  'Description:           Daily Index of EDGAR Dissemination Feed by Form Type',
  'Last Data Received:    Jul 3, 2023',
  'Comments:              webmaster@sec.gov',
  'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
  ' ',
  ' ',
];
const dashes = '-'.repeat(141);

function formIdx(rows: string[][]): string {
  const header = `${'Form Type'.padEnd(12)}${'Company Name'.padEnd(62)}${'CIK'.padEnd(12)}${'Date Filed'.padEnd(12)}File Name`;
  const lines = rows.map(
    ([form, name, cik, date, file]) =>
      `${form!.padEnd(12)}${name!.padEnd(62)}${cik!.padEnd(12)}${date!.padEnd(12)}${file!.padEnd(52)}`,
  );
  return [...preamble, header, dashes, ...lines, ''].join('\n');
}

function companyIdx(rows: string[][], urls = false): string {
  const header1 = `${'Company Name'.padEnd(62)}${'Form Type'.padEnd(12)}CIK`;
  const header2 = `      Date Filed  ${urls ? 'URL ' : 'File Name'}`;
  const lines = rows.map(
    ([form, name, cik, date, file]) =>
      `${name!.padEnd(62)}${form!.padEnd(12)}${cik!.padEnd(12)}${date!.padEnd(12)}${file!.padEnd(52)}`,
  );
  return [...preamble, header1, header2, dashes, ...lines, ''].join('\n');
}

const rows = [
  ['CORRESP', 'Example Holdings Inc.', '1690511', '20230515', 'edgar/data/1690511/0001193125-23-031314.txt'],
  ['SC 13G', '7GC & Co. Holdings Inc.', '1826011', '20230703', 'edgar/data/1826011/0001193125-23-181106.txt'],
  [
    'UPLOAD',
    'A Company With A Long Name That Fills Nearly All Of The Column',
    '1786205',
    '20230516',
    'edgar/data/1786205/0000000000-23-005188.txt',
  ],
];

describe('daily index files', () => {
  it('reads the fixed-width form index, forms with spaces included', () => {
    const { rows: parsed, rejected } = parseIndexFile(formIdx(rows));
    assert.deepEqual(rejected, []);
    assert.deepEqual(parsed[0], {
      form: 'CORRESP',
      companyName: 'Example Holdings Inc.',
      cik: '1690511',
      dateFiled: '2023-05-15',
      accessionNumber: '0001193125-23-031314',
      location: 'edgar/data/1690511/0001193125-23-031314.txt',
    });
    assert.equal(parsed[1]!.form, 'SC 13G');
    assert.equal(parsed[2]!.companyName, 'A Company With A Long Name That Fills Nearly All Of The Column');
  });

  it('reads the company index whose header wraps onto two lines', () => {
    const { rows: parsed } = parseIndexFile(companyIdx(rows));
    assert.deepEqual(
      parsed.map((r) => [r.form, r.companyName, r.cik]),
      rows.map((r) => [r[0], r[1], r[2]]),
    );
  });

  it('reads the crawler index with index-page URLs', () => {
    const withUrls = rows.map((r) => [
      ...r.slice(0, 4),
      `http://www.sec.gov/Archives/${r[4]!.replace('.txt', '-index.htm')}`,
    ]);
    const { rows: parsed } = parseIndexFile(companyIdx(withUrls, true));
    assert.deepEqual(
      parsed.map((r) => r.accessionNumber),
      ['0001193125-23-031314', '0001193125-23-181106', '0000000000-23-005188'],
    );
  });

  it('reads the pipe-separated master index, old and ISO dates alike', () => {
    const text = [
      'Description:           Master Index of EDGAR Dissemination Feed',
      '',
      'CIK|Company Name|Form Type|Date Filed|Filename',
      '-'.repeat(80),
      '1508475|21Vianet Group, Inc.|CORRESP|20140103|edgar/data/1508475/0001193125-14-000946.txt',
      '1508475|21Vianet Group, Inc.|UPLOAD|2013-12-17|edgar/data/1508475/0000000000-13-071234.txt',
      'broken line',
    ].join('\n');
    const { rows: parsed, rejected } = parseIndexFile(text);
    assert.deepEqual(
      parsed.map((r) => [r.cik, r.form, r.dateFiled, r.accessionNumber]),
      [
        ['1508475', 'CORRESP', '2014-01-03', '0001193125-14-000946'],
        ['1508475', 'UPLOAD', '2013-12-17', '0000000000-13-071234'],
      ],
    );
    assert.deepEqual(rejected, [{ line: 7, text: 'broken line' }]);
  });

  it('reads a file without the dashed header line as no rows', () => {
    assert.deepEqual(parseIndexFile('<html>not found</html>'), { rows: [], rejected: [] });
  });
});
