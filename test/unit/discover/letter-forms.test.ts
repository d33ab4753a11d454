import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFormsOption, selectLetterFilings } from '../../../src/discover/letter-forms.ts';
import type { SubmissionsRow } from '../../../src/discover/submissions-json.ts';

const row = (
  accessionNumber: string,
  form: string,
  filingDate: string,
  fileNumbers: string[] = [],
): SubmissionsRow => ({
  accessionNumber,
  form,
  filingDate,
  reportDate: null,
  acceptanceDateTime: `${filingDate}T10:00:00.000Z`,
  fileNumbers,
  primaryDocument: null,
});

const rows = [
  row('0001193125-14-000946', 'CORRESP', '2014-01-03'),
  row('0000000000-13-071234', 'UPLOAD', '2013-12-17'),
  row('0001193125-13-100000', '20-F', '2013-04-19', ['001-35126']),
  row('9999999997-14-000001', 'SEC STAFF LETTER', '2014-02-01'),
  row('9999999997-14-000002', 'SEC STAFF ACTION', '2014-02-02'),
  row('0001193125-10-000001', 'DRSLTR', '2010-06-01'),
  row('0000000000-17-040000', 'UPLOAD', '2017-08-16', ['001-35126']),
];

describe('letter forms', () => {
  it('keeps CORRESP and UPLOAD as refs, oldest first, and skips the related SEC STAFF forms and DRSLTR with a reason', () => {
    const { refs, skipped } = selectLetterFilings(rows, '1508475');
    assert.deepEqual(
      refs.map((r) => [r.accessionNumber, r.form, r.cik, r.fileNumber]),
      [
        ['0000000000-13-071234', 'UPLOAD', '1508475', null],
        ['0001193125-14-000946', 'CORRESP', '1508475', null],
        ['0000000000-17-040000', 'UPLOAD', '1508475', '001-35126'],
      ],
    );
    assert.deepEqual(
      skipped.map((s) => s.ref.form),
      ['DRSLTR', 'SEC STAFF LETTER', 'SEC STAFF ACTION'],
    );
    assert.match(skipped[0]!.reason, /outside the Letter schema/);
  });

  it('filters on filingDate with since and until, both inclusive', () => {
    const { refs, skipped } = selectLetterFilings(rows, '1', { since: '2014-01-03', until: '2014-02-01' });
    assert.deepEqual(
      refs.map((r) => r.accessionNumber),
      ['0001193125-14-000946'],
    );
    assert.deepEqual(
      skipped.map((s) => s.ref.accessionNumber),
      ['9999999997-14-000001'],
    );
  });

  it('keeps only the forms asked for', () => {
    const { refs } = selectLetterFilings(rows, '1', { forms: ['UPLOAD'] });
    assert.deepEqual(
      refs.map((r) => r.form),
      ['UPLOAD', 'UPLOAD'],
    );
  });

  it('lists an accession once when a page repeats it', () => {
    const { refs } = selectLetterFilings([...rows, rows[0]!], '1');
    assert.equal(refs.length, 3);
  });

  it('reads --forms case-insensitively and refuses other forms, naming what is accepted', () => {
    assert.deepEqual(parseFormsOption('corresp, UPLOAD'), { forms: ['CORRESP', 'UPLOAD'] });
    const bad = parseFormsOption('CORRESP,10-K');
    assert.ok('error' in bad && /"10-K" is not a letter form; use CORRESP, UPLOAD/.test(bad.error));
    assert.ok('error' in parseFormsOption(''));
  });
});
