import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactDateToIso, easternTimestampToIso } from '../../../src/submission/eastern-time.ts';

describe('Eastern acceptance times', () => {
  const cases: [string, string | null][] = [
    ['20140103061534', '2014-01-03T06:15:34-05:00'],
    ['20240402123607', '2024-04-02T12:36:07-04:00'],
    // 2024: daylight time from Sunday 10 March 02:00 to Sunday 3 November 02:00.
    ['20240310015959', '2024-03-10T01:59:59-05:00'],
    ['20240310030000', '2024-03-10T03:00:00-04:00'],
    ['20241103005959', '2024-11-03T00:59:59-04:00'],
    ['20241103020000', '2024-11-03T02:00:00-05:00'],
    ['20241104090000', '2024-11-04T09:00:00-05:00'],
    // Before 2007: first Sunday of April to last Sunday of October (2005: 3 April, 30 October).
    ['20050402120000', '2005-04-02T12:00:00-05:00'],
    ['20050403120000', '2005-04-03T12:00:00-04:00'],
    ['20051029120000', '2005-10-29T12:00:00-04:00'],
    ['20051030120000', '2005-10-30T12:00:00-05:00'],
    ['20050315120000', '2005-03-15T12:00:00-05:00'],
    ['20231231235959', '2023-12-31T23:59:59-05:00'],
    ['20230230120000', null],
    ['2024040212', null],
  ];
  for (const [stamp, iso] of cases) {
    it(`reads ${stamp} as ${iso ?? 'no time'}`, () => {
      assert.equal(easternTimestampToIso(stamp), iso);
    });
  }

  it('reads compact dates and refuses impossible ones', () => {
    assert.equal(compactDateToIso('20240614'), '2024-06-14');
    assert.equal(compactDateToIso('20240231'), null);
    assert.equal(compactDateToIso('2024-06-14'), null);
  });
});
