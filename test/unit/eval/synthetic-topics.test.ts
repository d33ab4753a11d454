import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOPICS } from '../../../src/letter/schema.ts';
import { commentBody, parsedHeadings, readSyntheticSet, scoreSynthetic } from '../../eval/synthetic-topics.ts';

describe('synthetic development set', () => {
  it('labels every comment, twice and settled, with 1-3 topics of the taxonomy', () => {
    const set = readSyntheticSet();
    assert.ok(set.comments.length >= 600, `${set.comments.length} comments`);
    assert.equal(new Set(set.comments.map((c) => c.id)).size, set.comments.length, 'ids are unique');
    for (const labels of [set.final, set.a, set.b]) {
      assert.equal(Object.keys(labels).length, set.comments.length);
      for (const c of set.comments) {
        const topics = labels[c.id];
        assert.ok(topics && topics.length >= 1 && topics.length <= 3, `${c.id}: ${String(topics)}`);
        for (const t of topics) assert.ok((TOPICS as readonly string[]).includes(t), `${c.id}: ${t}`);
      }
    }
  });

  it('scores first-topic and any-topic agreement, and the labellers against each other', () => {
    const comments = [
      {
        id: 'x-1',
        batch: 1,
        split: 'tuned' as const,
        headings: ['Income Taxes'],
        text: 'Explain the effective tax rate.',
      },
      { id: 'x-2', batch: 1, split: 'tuned' as const, headings: [], text: 'Explain the effective tax rate.' },
    ];
    const misses: string[] = [];
    const score = scoreSynthetic(
      comments,
      {
        final: { 'x-1': ['tax'], 'x-2': ['segments', 'tax'] },
        a: { 'x-1': ['tax'], 'x-2': ['segments'] },
        b: { 'x-1': ['revenue', 'tax'], 'x-2': ['segments'] },
      },
      (c) => misses.push(c.id),
    );
    assert.deepEqual(score, { comments: 2, first: 1, any: 2, labellersFirst: 1, labellersAny: 2 });
    assert.deepEqual(misses, ['x-2']);
  });

  it('scores the comment without the number it opens with, as the parser gives it', () => {
    assert.equal(commentBody('12. We note your response.'), 'We note your response.');
    assert.equal(commentBody('We note 12. items.'), 'We note 12. items.');
  });

  it('reads headings without their page references, as the parser gives them', () => {
    assert.deepEqual(
      parsedHeadings(['Form 10-K for the Fiscal Year Ended December 31, 2023', 'Note 6 - Debt, page F-21']),
      ['Form 10-K for the Fiscal Year Ended December 31, 2023', 'Note 6 - Debt'],
    );
  });
});
