import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareLabellings, formatAnalyticsReport, type Labelling } from '../../eval/analytics-compare.ts';

const review = (comments: Labelling['reviews'][number]['staffLetters'][number]['comments'], extra = {}) => ({
  review: '0000000000-20-000001',
  staffLetters: [{ accession: '0000000000-20-000001', comments }],
  ...extra,
});

test('a reference that leaves out authorities, responses, kinds and the reviewed filing scores none of them', () => {
  const dev: Labelling = {
    labeller: 'final',
    reviews: [
      review([
        { number: 1, topics: ['revenue'], priorComments: [], reissued: false },
        { number: 2, topics: ['tax', 'legal_risk'], priorComments: [1], reissued: true },
      ]),
    ],
  };
  const derived: Labelling = {
    labeller: 'derived',
    reviews: [
      review(
        [
          {
            number: 1,
            topics: ['revenue'],
            authorities: ['ASC 606'],
            priorComments: [],
            reissued: false,
            response: 'x',
          },
          { number: 2, topics: ['legal_risk'], authorities: [], priorComments: [1], reissued: false, response: null },
        ],
        {
          reviewedFiling: { form: '10-K', accessionNumber: null },
          companyLetters: [{ accession: 'x', kind: 'response' }],
        },
      ),
    ],
  };
  const m = compareLabellings(dev, derived);
  assert.deepEqual(m.authorities, { precision: { hits: 0, of: 0 }, recall: { hits: 0, of: 0 } });
  assert.deepEqual(m.pairing, { hits: 0, of: 0 });
  assert.deepEqual(m.periodicResolved, { hits: 0, of: 0 });
  assert.deepEqual(m.extension.recall, { hits: 0, of: 0 });
  assert.deepEqual(m.firstTopic, { hits: 1, of: 2 });
  assert.deepEqual(m.anyTopic, { hits: 2, of: 2 });
  assert.deepEqual(m.reissue.recall, { hits: 0, of: 1 });
  const report = formatAnalyticsReport(m, m, { reference: 'dev/final.json' });
  assert.match(report, /vs dev\/final\.json: 2 comments/);
  assert.match(report, /^pairing\s+n\/a\s+>= 0\.98\s+n\/a$/m);
  assert.match(report, /^reissue recall\s+0\.000 \(0\/1\)\s+>= 0\.9\s+NO/m);
  assert.doesNotMatch(report, /predates the corpus listing/);
});

test('a full reference scores pairing and authorities as before', () => {
  const gold: Labelling = {
    labeller: 'final',
    reviews: [
      review([
        { number: 1, topics: ['revenue'], authorities: ['ASC 606'], priorComments: [], reissued: false, response: 'r' },
      ]),
    ],
  };
  const m = compareLabellings(gold, gold);
  assert.deepEqual(m.pairing, { hits: 1, of: 1 });
  assert.deepEqual(m.authorities.recall, { hits: 1, of: 1 });
});
