import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overviewPage, overviewStats } from '../../../src/serve/pages/overview-page.ts';
import type { OverviewCounts } from '../../../src/store/document-store.ts';
import { makeConversation } from '../../fixtures/analytics-rows.ts';

const counts: OverviewCounts = {
  lettersByYear: [
    { year: '2012', form: 'CORRESP', count: 3 },
    { year: '2014', form: 'CORRESP', count: 1 },
    { year: '2014', form: 'UPLOAD', count: 2 },
  ],
  rounds: [
    { value: 1, count: 5 },
    { value: 4, count: 1 },
    { value: 7, count: 2 },
  ],
  daysOpen: [
    { value: 0, count: 1 },
    { value: 30, count: 2 },
    { value: 31, count: 4 },
    { value: 365, count: 1 },
    { value: 366, count: 3 },
  ],
  topicsByYear: [
    { year: '2013', topic: null, count: 4 },
    { year: '2013', topic: 'revenue', count: 3 },
    { year: '2015', topic: null, count: 1 },
  ],
  authorities: [{ value: 'asc 606', count: 9 }],
  recent: [makeConversation()],
};

describe('overviewStats', () => {
  it('fills the years between the first and last with letters, zero where none', () => {
    assert.deepEqual(overviewStats(counts).letters, [
      { year: '2012', corresp: 3, upload: 0 },
      { year: '2013', corresp: 0, upload: 0 },
      { year: '2014', corresp: 1, upload: 2 },
    ]);
    assert.deepEqual(overviewStats({ ...counts, lettersByYear: [] }).letters, []);
  });

  it('buckets rounds (4 and more together) and days to close at the bins edges', () => {
    const stats = overviewStats(counts);
    assert.equal(stats.reviews, 8);
    assert.deepEqual(
      stats.rounds.map((b) => [b.label, b.values[0]]),
      [
        ['0', 0],
        ['1', 5],
        ['2', 0],
        ['3', 0],
        ['4+', 3],
      ],
    );
    assert.deepEqual(
      stats.daysToClose.map((b) => [b.label, b.values[0]]),
      [
        ['≤30', 3],
        ['31-60', 4],
        ['61-90', 0],
        ['91-180', 0],
        ['181-365', 1],
        ['>365', 3],
      ],
    );
  });

  it('keeps every year with comments, even one without topics, and the topic counts per year', () => {
    const stats = overviewStats(counts);
    assert.deepEqual(stats.years, ['2013', '2015']);
    assert.deepEqual([...stats.topicsByYear], [['revenue|2013', 3]]);
    assert.deepEqual(stats.authorities, [{ label: 'asc 606', values: [9] }]);
  });

  it('renders the totals and the latest reviews', () => {
    const page = overviewPage(overviewStats(counts)).value;
    assert.match(page, /6 letters, 8 reviews\./);
    assert.match(page, /21Vianet Group, Inc\./);
  });
});
