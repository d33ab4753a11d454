import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FILTERS,
  FilterError,
  TABLES,
  isoDate,
  readTableFilter,
  refuseInapplicable,
  tablesOf,
  type FilterName,
  type Table,
} from '../../../src/query/table-filters.ts';

/** DESIGN.md "Filters", written out here independently of the module: filter -> letters, comments, conversations. */
const DESIGN: Record<FilterName, [boolean, boolean, boolean]> = {
  fileNumber: [true, true, true],
  cik: [true, true, true],
  since: [true, true, true],
  until: [true, true, true],
  form: [true, false, false],
  kind: [true, false, false],
  topic: [true, true, true],
  authority: [true, true, true],
  status: [false, true, true],
};

/** A valid value of each filter (status "open" is a resolution and a conversation status) and what it reads as. */
const VALID: Record<FilterName, [string, Record<string, unknown>]> = {
  fileNumber: ['1-35126', { fileNumber: '001-35126' }],
  cik: ['0001508475', { cik: '1508475' }],
  since: ['2014-01-01', { since: '2014-01-01' }],
  until: [' 2014-12-31 ', { until: '2014-12-31' }],
  form: ['UPLOAD, CORRESP', { forms: ['UPLOAD', 'CORRESP'] }],
  kind: ['comment,response', { kinds: ['comment', 'response'] }],
  topic: [' revenue', { topic: 'revenue' }],
  authority: [' ASC 606 ', { authority: 'ASC 606' }],
  status: ['open', { status: 'open' }],
};

const flag = (name: FilterName) => `--${name}`;

const refused = (table: Table, values: Record<string, string>, message: RegExp, filter: FilterName) =>
  assert.throws(
    () => readTableFilter(table, values, flag),
    (error: unknown) => error instanceof FilterError && error.filter === filter && message.test(error.message),
  );

describe('table filters (DESIGN.md "Filters")', () => {
  it('applies each filter to exactly the tables of DESIGN.md, refusing it elsewhere', () => {
    assert.deepEqual([...FILTERS].sort(), Object.keys(DESIGN).sort());
    for (const name of FILTERS) {
      const [value, read] = VALID[name];
      TABLES.forEach((table, i) => {
        if (DESIGN[name][i]) {
          assert.deepEqual(readTableFilter(table, { [name]: value }), read, `${name} on ${table}`);
        } else {
          refused(table, { [name]: value }, new RegExp(`^--${name} does not apply to ${table}: its filters are`), name);
        }
      });
      assert.deepEqual(
        tablesOf(name),
        TABLES.filter((_, i) => DESIGN[name][i]),
        name,
      );
    }
  });

  it('names the filters the table takes and where the refused one applies', () => {
    refused(
      'comments',
      { form: 'UPLOAD' },
      /--form does not apply to comments: its filters are --fileNumber, --cik, --since, --until, --topic, --authority, --status \(--form applies to letters\)/,
      'form',
    );
    assert.throws(() => refuseInapplicable('letters', ['cik', 'status']), {
      name: 'FilterError',
      message: /^status does not apply to letters: .*\(status applies to comments, conversations\)$/,
    });
    assert.doesNotThrow(() => refuseInapplicable('conversations', ['cik', 'status']));
  });

  it('reads every filter of a table together and leaves absent ones out', () => {
    const letters = readTableFilter('letters', {
      fileNumber: '1-35126',
      cik: '320193',
      form: 'CORRESP',
      topic: 'revenue',
    });
    assert.deepEqual(letters, { fileNumber: '001-35126', cik: '320193', forms: ['CORRESP'], topic: 'revenue' });
    assert.deepEqual(readTableFilter('comments', {}), {});
    assert.deepEqual(readTableFilter('conversations', { since: '2014-01-01', status: 'answered' }), {
      since: '2014-01-01',
      status: 'answered',
    });
  });

  it('refuses each malformed value, naming the filter and the value', () => {
    refused('letters', { fileNumber: 'abc' }, /^--fileNumber "abc" is not a file number/, 'fileNumber');
    refused('comments', { cik: '12ab' }, /^--cik "12ab" is not a CIK/, 'cik');
    refused('comments', { cik: '0000' }, /^--cik "0000" is not a CIK/, 'cik');
    refused('letters', { since: '2014-02-30' }, /^--since "2014-02-30" is not a date: use YYYY-MM-DD/, 'since');
    refused('conversations', { until: '14-01-01' }, /^--until "14-01-01" is not a date/, 'until');
    refused('letters', { form: 'CORRESP,10-K' }, /^--form "10-K": use one of CORRESP, UPLOAD/, 'form');
    refused('letters', { kind: 'memo' }, /^--kind "memo": use one of comment, response/, 'kind');
    refused('comments', { topic: 'gossip' }, /^--topic "gossip": use one of revenue, /, 'topic');
    refused('letters', { authority: '  ' }, /^--authority is empty: give a citation/, 'authority');
    refused(
      'comments',
      { status: 'complete' },
      /^--status "complete": use one of addressed, followed_up, reissued, open$/,
      'status',
    );
    refused(
      'conversations',
      { status: 'reissued' },
      /^--status "reissued": use one of complete, answered, open$/,
      'status',
    );
  });

  it('checks that a filter applies before reading its value', () => {
    refused('letters', { status: 'nonsense' }, /--status does not apply to letters/, 'status');
  });

  it('reads real calendar dates only', () => {
    assert.equal(isoDate('2016-02-29'), '2016-02-29');
    assert.equal(isoDate(' 2014-01-01 '), '2014-01-01');
    for (const bad of ['2015-02-29', '2014-13-01', '2014/01/01', 'yesterday', ''])
      assert.equal(isoDate(bad), null, bad);
  });
});
