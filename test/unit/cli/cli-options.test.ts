import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBackfillRequest } from '../../../src/cli/commands/backfill.ts';
import { readExportFilter } from '../../../src/cli/commands/export.ts';
import { parseDateOption } from '../../../src/cli/context.ts';
import { CSV_COLUMNS, csvHeader, csvRow } from '../../../src/cli/csv.ts';
import { flagOf, readFilterOptions, readTable } from '../../../src/cli/table-filters.ts';
import { ConfigError } from '../../../src/errors.ts';
import type { Letter } from '../../../src/letter/schema.ts';

const usage = (pattern: RegExp) => (e: unknown) => e instanceof ConfigError && pattern.test(e.message);

describe('backfill arguments', () => {
  it('reads file numbers, CIKs and tickers, in EDGAR spelling', () => {
    const request = readBackfillRequest(['0-12345', '0001508475', 'vnet', '333-199812-01'], {});
    assert.deepEqual(request.targets, [
      { kind: 'file-number', value: '000-12345' },
      { kind: 'cik', value: '1508475' },
      { kind: 'ticker', value: 'VNET' },
      { kind: 'file-number', value: '333-199812-01' },
    ]);
    assert.equal(request.forms, undefined);
  });

  it('refuses a target that is none of these, saying what is accepted', () => {
    assert.throws(() => readBackfillRequest(['foo bar!'], {}), usage(/not a backfill target: use a file number/));
  });

  it('reads --forms, --since and --until and refuses a window that ends before it starts', () => {
    const request = readBackfillRequest(['1508475'], { forms: 'upload', since: '2014-01-01', until: '2017-12-31' });
    assert.deepEqual(request.forms, ['UPLOAD']);
    assert.equal(request.since, '2014-01-01');
    assert.equal(request.until, '2017-12-31');
    assert.throws(() => readBackfillRequest(['1'], { forms: '10-K' }), usage(/not a letter form/));
    assert.throws(
      () => readBackfillRequest(['1'], { since: '2017-01-01', until: '2016-01-01' }),
      usage(/after --until/),
    );
  });

  it('refuses dates that are not real YYYY-MM-DD dates', () => {
    assert.equal(parseDateOption('--since', '2014-02-28'), '2014-02-28');
    for (const bad of ['2014-02-30', '14-01-01', 'yesterday', '2014/01/01']) {
      assert.throws(() => parseDateOption('--since', bad), usage(/--since .* is not a date: use YYYY-MM-DD/));
    }
  });
});

describe('export arguments', () => {
  it('normalises the file number and CIK filters and refuses unknown formats', () => {
    assert.deepEqual(
      readExportFilter({ format: 'csv', fileNumber: '0-12345', cik: '0001508475', since: '2014-01-01' }),
      {
        fileNumber: '000-12345',
        cik: '1508475',
        since: '2014-01-01',
      },
    );
    assert.deepEqual(readExportFilter({ format: 'jsonl' }), {});
    assert.throws(() => readExportFilter({ format: 'xml' }), usage(/use jsonl, csv or parquet/));
    assert.throws(() => readExportFilter({ format: 'csv', fileNumber: 'abc' }), usage(/not a file number/));
  });
});

describe('filter flags', () => {
  it('spells each filter as its flag', () => {
    assert.equal(flagOf('fileNumber'), '--file-number');
    assert.equal(flagOf('status'), '--status');
  });

  it('reads the flags through the shared filter table, ignoring options that are not filters', () => {
    assert.deepEqual(readFilterOptions('comments', { cik: '0000320193', status: 'reissued', ...{ format: 'csv' } }), {
      cik: '320193',
      status: 'reissued',
    });
  });

  it('refuses a filter with a usage error (exit 2) naming the flag and the value', () => {
    assert.throws(
      () => readFilterOptions('letters', { status: 'open' }),
      usage(/^--status does not apply to letters: its filters are --file-number, --cik, .*--authority/),
    );
    assert.throws(() => readFilterOptions('comments', { fileNumber: 'x' }), usage(/^--file-number "x" is not a file/));
    assert.throws(() => readFilterOptions('conversations', { until: '2014-02-30' }), usage(/^--until "2014-02-30"/));
    assert.throws(() => readTable('filings'), usage(/--table "filings": use letters, comments, conversations/));
  });
});

describe('CSV export', () => {
  const letter = {
    accessionNumber: '0001193125-14-000946',
    form: 'CORRESP',
    cik: '1508475',
    companyName: 'Example, "The" Group\nInc.',
    filingDate: '2014-01-03',
    letterDate: '2014-01-03',
    sender: 'company',
    kind: 'response',
    fileNumbers: ['001-35126', '333-1'],
    inResponseTo: null,
    items: [{ number: 1 }, { number: 2 }],
    threadId: 't-1',
  } as unknown as Letter;

  it('has exactly the columns of the contract, in order', () => {
    assert.equal(
      csvHeader(),
      'accessionNumber,form,cik,companyName,filingDate,letterDate,sender,kind,fileNumbers,inResponseTo,items,threadId\r\n',
    );
    assert.equal(CSV_COLUMNS.length, 12);
  });

  it('joins file numbers with ";", counts items, leaves nulls empty and quotes what needs quoting', () => {
    assert.equal(
      csvRow(letter),
      '0001193125-14-000946,CORRESP,1508475,"Example, ""The"" Group\nInc.",2014-01-03,2014-01-03,company,response,001-35126;333-1,,2,t-1\r\n',
    );
  });
});
