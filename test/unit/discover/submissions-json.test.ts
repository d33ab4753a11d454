import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EdgarBadResponseError } from '../../../src/errors.ts';
import {
  parseCompanySubmissions,
  parseSubmissionsPage,
  splitFileNumbers,
} from '../../../src/discover/submissions-json.ts';

/** Columns in data.sec.gov's order, one filing per index. */
function columns(rows: Array<Record<string, string | number>>, extra: string[] = []) {
  const names = [
    'accessionNumber',
    'filingDate',
    'reportDate',
    'acceptanceDateTime',
    'act',
    'form',
    'fileNumber',
    'filmNumber',
    'items',
    'core_type',
    'size',
    'isXBRL',
    'isInlineXBRL',
    ...extra,
    'primaryDocument',
    'primaryDocDescription',
  ];
  return Object.fromEntries(names.map((name) => [name, rows.map((r) => r[name] ?? '')]));
}

const upload = {
  accessionNumber: '0000000000-24-003505',
  filingDate: '2024-04-02',
  acceptanceDateTime: '2024-04-02T12:36:07.000Z',
  form: 'UPLOAD',
  fileNumber: '001-36743',
  core_type: 'LETTER',
  size: 46547,
  primaryDocument: 'filename1.pdf',
};
const corresp = {
  accessionNumber: '0000320193-24-000061',
  filingDate: '2024-04-29',
  acceptanceDateTime: '2024-04-29T09:00:18.000Z',
  form: 'CORRESP',
  primaryDocument: 'filename1.htm',
};

describe('submissions JSON', () => {
  it('reads the recent filings and the overflow pages named in filings.files', () => {
    const json = {
      cik: '0000320193',
      entityType: 'operating',
      name: 'Apple Inc.',
      tickers: ['AAPL'],
      filings: {
        recent: columns([upload, corresp]),
        files: [
          {
            name: 'CIK0000320193-submissions-001.json',
            filingCount: 1113,
            filingFrom: '1994-01-26',
            filingTo: '2014-04-22',
          },
        ],
      },
    };
    const company = parseCompanySubmissions(json, 'main');
    assert.equal(company.cik, '320193');
    assert.equal(company.name, 'Apple Inc.');
    assert.deepEqual(company.tickers, ['AAPL']);
    assert.equal(company.rows.length, 2);
    assert.deepEqual(company.rows[0], {
      accessionNumber: '0000000000-24-003505',
      form: 'UPLOAD',
      filingDate: '2024-04-02',
      reportDate: null,
      acceptanceDateTime: '2024-04-02T12:36:07.000Z',
      fileNumbers: ['001-36743'],
      primaryDocument: 'filename1.pdf',
    });
    assert.deepEqual(company.rows[1]!.fileNumbers, []);
    assert.deepEqual(company.pages, [
      {
        name: 'CIK0000320193-submissions-001.json',
        filingCount: 1113,
        filingFrom: '1994-01-26',
        filingTo: '2014-04-22',
      },
    ]);
  });

  it('reads an overflow page of flat columns and ignores columns it does not know', () => {
    const page = columns(
      [corresp, { ...upload, accessionNumber: '0000000000-13-000001', fileNumber: '' }],
      ['isXBRLNumeric'],
    );
    const { rows, warnings } = parseSubmissionsPage(page, 'page');
    assert.deepEqual(
      rows.map((r) => r.accessionNumber),
      ['0000320193-24-000061', '0000000000-13-000001'],
    );
    assert.deepEqual(warnings, []);
  });

  it('drops a row without accession number or filing date with a warning and keeps the rest', () => {
    const page = columns([corresp, { ...upload, accessionNumber: 'garbage' }, { ...upload, filingDate: '' }]);
    const { rows, warnings } = parseSubmissionsPage(page, 'page-2');
    assert.equal(rows.length, 1);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0]!, /page-2: row 1 dropped/);
  });

  it('reads a company with no electronic filings as no rows', () => {
    const company = parseCompanySubmissions({ cik: '1234', name: 'X', filings: { recent: {}, files: [] } }, 'm');
    assert.deepEqual(company.rows, []);
  });

  it('refuses a body that is not a submissions JSON with a typed error naming the source', () => {
    assert.throws(
      () => parseCompanySubmissions({ message: 'not found' }, 'https://data.example/CIK1.json'),
      (e: unknown) => e instanceof EdgarBadResponseError && /CIK1\.json/.test(e.message),
    );
    assert.throws(() => parseSubmissionsPage([1, 2], 'p'), EdgarBadResponseError);
  });

  it('does not follow an overflow page whose name is not a plain file name', () => {
    const json = {
      cik: '1',
      name: 'X',
      filings: { recent: {}, files: [{ name: '../../etc/passwd' }, { name: 'CIK0000000001-submissions-001.json' }] },
    };
    const company = parseCompanySubmissions(json, 'm');
    assert.deepEqual(
      company.pages.map((p) => p.name),
      ['CIK0000000001-submissions-001.json'],
    );
    assert.equal(company.warnings.length, 1);
  });

  it('splits and normalises a fileNumber cell with several numbers', () => {
    assert.deepEqual(splitFileNumbers('333-199812, 333-199812-01'), ['333-199812', '333-199812-01']);
    assert.deepEqual(splitFileNumbers('0-12345'), ['000-12345']);
    assert.deepEqual(splitFileNumbers(''), []);
  });
});
