import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysBetween, findDates, isDateLine, parseDate } from '../../../src/letter/dates.ts';

describe('dates written in letters', () => {
  const cases: Array<[string, string | null]> = [
    ['January 3, 2014', '2014-01-03'],
    ['Jan. 3, 2014', '2014-01-03'],
    ['Sept. 14 2016', '2016-09-14'],
    ['3 January 2014', '2014-01-03'],
    ['December 31 , 2015', '2015-12-31'],
    ['March 26,\n2024', '2024-03-26'],
    ['June 1st, 2020', '2020-06-01'],
    ['February 30, 2021', null],
    ['the market 3, 2014', null],
    ['no date here', null],
  ];
  for (const [text, iso] of cases) {
    it(`reads ${JSON.stringify(text)} as ${iso}`, () => assert.equal(parseDate(text), iso));
  }

  it('finds every date in order with its position', () => {
    const found = findDates('letter dated May 22, 2024 and response of June 12, 2024');
    assert.deepEqual(
      found.map((d) => d.iso),
      ['2024-05-22', '2024-06-12'],
    );
    assert.equal(found[0]!.index, 13);
  });

  const lines: Array<[string, boolean]> = [
    ['May 29, 2024', true],
    ['Date: May 29, 2024', true],
    ['Washington, May 29, 2024', true],
    ['Filed May 29, 2024', false],
    ['We refer to your letter dated May 29, 2024.', false],
  ];
  for (const [text, expected] of lines) {
    it(`${expected ? 'takes' : 'does not take'} ${JSON.stringify(text)} for a dateline`, () =>
      assert.equal(isDateLine(text), expected));
  }

  it('counts whole days between two dates', () => {
    assert.equal(daysBetween('2024-05-22', '2024-06-12'), 21);
    assert.equal(daysBetween('2024-06-12', '2024-05-22'), -21);
  });
});
