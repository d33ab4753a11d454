import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSearchQuery, searchLimit, toFts5Match } from '../../../src/store/search-query.ts';

describe('search query', () => {
  const cases: Array<[string, Array<[boolean, string[]]>]> = [
    [
      'goodwill impairment',
      [
        [false, ['goodwill']],
        [false, ['impairment']],
      ],
    ],
    [
      '"goodwill impairment" hosting',
      [
        [true, ['goodwill', 'impairment']],
        [false, ['hosting']],
      ],
    ],
    ['“goodwill impairment”', [[true, ['goodwill', 'impairment']]]],
    ['"goodwill impairment', [[true, ['goodwill', 'impairment']]]],
    [
      '"goodwill" F-33',
      [
        [false, ['goodwill']],
        [false, ['F-33']],
      ],
    ],
    [
      '(revenue), -deferred* ^x',
      [
        [false, ['revenue']],
        [false, ['deferred']],
        [false, ['x']],
      ],
    ],
    [
      "staff's Xi'an 99.1",
      [
        [false, ["staff's"]],
        [false, ["Xi'an"]],
        [false, ['99.1']],
      ],
    ],
    ['- & * "" " " \\ ;', []],
    ['', []],
  ];
  for (const [query, expected] of cases) {
    it(`reads ${JSON.stringify(query)} as ${expected.length} term(s)`, () => {
      assert.deepEqual(
        parseSearchQuery(query).map((term) => [term.phrase, term.words]),
        expected,
      );
    });
  }

  it('quotes every term for FTS5, doubling quotes inside, and joins them with AND', () => {
    assert.equal(
      toFts5Match(parseSearchQuery('goodwill "F-33 page" NEAR OR col:x it"s')),
      '"goodwill" AND "F-33 page" AND "NEAR" AND "OR" AND "col:x" AND "it" AND "s"',
    );
    assert.equal(toFts5Match([{ phrase: false, words: ['a"b'] }]), '"a""b"');
  });

  it('gives no FTS5 expression when nothing searchable is left', () => {
    assert.equal(toFts5Match(parseSearchQuery('"" - *')), null);
  });

  it('keeps the hit limit between 1 and 1000, 20 when unset', () => {
    assert.deepEqual([undefined, 0, -5, 2.7, 50, 5000, Number.NaN].map(searchLimit), [20, 1, 1, 2, 50, 1000, 20]);
  });
});
