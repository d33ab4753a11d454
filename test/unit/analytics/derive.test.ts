import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolutionOf, responseTo } from '../../../src/analytics/comments.ts';
import { deriveCompany, deriveThread, statusOf, topicCounts } from '../../../src/analytics/derive.ts';
import { responsesByRound, roundsOf, type AnalyticsLetter } from '../../../src/analytics/letters.ts';
import { CommentRowSchema, ConversationRowSchema, type CommentRow } from '../../../src/analytics/rows.ts';
import { median } from '../../../src/analytics/stats.ts';
import { item, letter, TENK_2020 } from './fixtures.ts';

describe('resolution of a comment', () => {
  const cases: {
    name: string;
    next: { priorComments: number[]; reissued: boolean }[] | null;
    later: boolean;
    want: string;
  }[] = [
    {
      name: 'a reissuing comment of the next round lists it',
      next: [{ priorComments: [2], reissued: true }],
      later: true,
      want: 'reissued',
    },
    {
      name: 'a later comment lists it without reissuing',
      next: [{ priorComments: [2], reissued: false }],
      later: true,
      want: 'followed_up',
    },
    {
      name: 'one lists it reissuing, one not: reissued wins',
      next: [
        { priorComments: [2], reissued: false },
        { priorComments: [1, 2], reissued: true },
      ],
      later: true,
      want: 'reissued',
    },
    {
      name: 'a further round lists other comments',
      next: [{ priorComments: [1], reissued: true }],
      later: true,
      want: 'addressed',
    },
    { name: 'only the closing letter followed', next: null, later: true, want: 'addressed' },
    { name: 'no later staff letter yet', next: null, later: false, want: 'open' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(resolutionOf({ number: 2, next: c.next, laterStaffLetter: c.later }), c.want);
    });
  }
});

describe('status of a review', () => {
  const staff = (kind: AnalyticsLetter['kind']) => letter({ form: 'UPLOAD', kind });
  const company = (kind: AnalyticsLetter['kind']) => letter({ form: 'CORRESP', kind });
  const cases: { name: string; letters: AnalyticsLetter[]; want: string }[] = [
    {
      name: 'a review_complete letter',
      letters: [staff('comment'), company('response'), staff('review_complete')],
      want: 'complete',
    },
    {
      name: 'closed, then an acceleration request',
      letters: [staff('comment'), staff('review_complete'), company('acceleration_request')],
      want: 'complete',
    },
    { name: 'the company wrote last', letters: [staff('comment'), company('response')], want: 'answered' },
    {
      name: 'the staff wrote last, not closing',
      letters: [staff('comment'), company('response'), staff('comment')],
      want: 'open',
    },
    { name: 'no_review is not review_complete', letters: [staff('no_review')], want: 'open' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(statusOf(c.letters), c.want));
});

describe('median', () => {
  const cases: { values: number[]; want: number | null }[] = [
    { values: [], want: null },
    { values: [7], want: 7 },
    { values: [30, 10, 20], want: 20 },
    { values: [10, 40, 20, 30], want: 25 },
    { values: [5, 5, 6, 100], want: 5.5 },
  ];
  for (const c of cases) it(`of [${c.values.join(', ')}]`, () => assert.equal(median(c.values), c.want));
});

describe('rounds', () => {
  it('orders staff comment letters by letterDate, then acceptance time', () => {
    const late = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-05-01', filingDate: '2021-05-01' });
    const sameDayLater = letter({
      form: 'UPLOAD',
      kind: 'comment',
      letterDate: '2021-03-04',
      filingDate: '2021-03-04',
      acceptanceDateTime: '2021-03-04T18:00:00.000Z',
    });
    const sameDayEarlier = letter({
      form: 'UPLOAD',
      kind: 'comment',
      letterDate: '2021-03-04',
      filingDate: '2021-03-05',
      acceptanceDateTime: '2021-03-05T09:00:00.000Z',
      accessionNumber: '0000000000-21-999999',
    });
    // Both dated March 4: the letterDate ties, so the acceptance time decides.
    const closing = letter({ form: 'UPLOAD', kind: 'review_complete', letterDate: '2021-06-01' });
    const got = roundsOf([late, closing, sameDayEarlier, sameDayLater]).map((l) => l.accessionNumber);
    assert.deepEqual(got, [sameDayLater.accessionNumber, sameDayEarlier.accessionNumber, late.accessionNumber]);
  });
  it('orders by letterDate before acceptance time', () => {
    const a = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-03-01', filingDate: '2021-03-09' });
    const b = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-03-02', filingDate: '2021-03-03' });
    assert.deepEqual(
      roundsOf([b, a]).map((l) => l.accessionNumber),
      [a.accessionNumber, b.accessionNumber],
    );
  });
});

describe('response pairing', () => {
  it('takes the first answering letter carrying the number, its text for that number', () => {
    const first = letter({ form: 'CORRESP', kind: 'response', items: [item(1, null, { response: 'We revised.' })] });
    const second = letter({ form: 'CORRESP', kind: 'response', items: [item(2, null, { response: 'See page 4.' })] });
    assert.deepEqual(responseTo(2, [first, second]), {
      accessionNumber: second.accessionNumber,
      letterDate: second.letterDate,
      text: 'See page 4.',
    });
    assert.equal(responseTo(3, [first, second])?.accessionNumber, first.accessionNumber);
    assert.equal(responseTo(3, [first, second])?.text, null);
    assert.equal(responseTo(1, []), null);
  });
  it('prefers a letter answering in prose to one whose numbered answers skip the comment', () => {
    const numbered = letter({ form: 'CORRESP', kind: 'response', items: [item(1, null, { response: 'Done.' })] });
    const prose = letter({ form: 'CORRESP', kind: 'response', letterDate: '2021-04-01', items: [] });
    assert.equal(responseTo(3, [numbered, prose])?.accessionNumber, prose.accessionNumber);
  });
  it('counts a company letter left as `other` only when it names the staff letter it answers', () => {
    const staff = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-03-04', items: [item(1, 'Please.')] });
    const naming = letter({ form: 'CORRESP', kind: 'other', letterDate: '2021-03-20', inResponseTo: '2021-03-04' });
    const silent = letter({ form: 'CORRESP', kind: 'other', letterDate: '2021-03-10' });
    const got = responsesByRound([staff, silent, naming], [staff]).get(staff.accessionNumber)!;
    assert.deepEqual(
      got.map((l) => l.accessionNumber),
      [naming.accessionNumber],
    );
  });
});

describe('topic counts', () => {
  it('counts each comment once per topic, most first, then taxonomy order', () => {
    const rows = [
      { topics: ['tax', 'revenue'] },
      { topics: ['revenue'] },
      { topics: ['segments'] },
    ] as unknown as CommentRow[];
    assert.deepEqual(topicCounts(rows), [
      { topic: 'revenue', comments: 2 },
      { topic: 'segments', comments: 1 },
      { topic: 'tax', comments: 1 },
    ]);
  });
});

/** A two-round review: comments 1-3, a response, a second round following up 1 and reissuing 2, a response, closing. */
function review() {
  const round1 = letter({
    form: 'UPLOAD',
    kind: 'comment',
    letterDate: '2021-03-04',
    disseminationDate: '2021-07-01',
    references: [TENK_2020],
    secStaff: ['Robin Hale', 'Casey Moore'],
    office: 'Office of Technology',
    cc: ['Pat Lee, Esq., Lawfirm LLP'],
    items: [
      item(1, 'Please tell us how you recognize revenue under ASC 606.', {
        topics: ['revenue'],
        authorities: ['ASC 606'],
      }),
      item(2, 'Please revise your segment disclosure under ASC 280.', {
        topics: ['segments'],
        authorities: ['ASC 280'],
      }),
      item(3, 'Please disclose your tax rate drivers.', { topics: ['tax', 'mda_results'] }),
    ],
  });
  const extension = letter({ form: 'CORRESP', kind: 'extension_request', letterDate: '2021-03-15' });
  const response1 = letter({
    form: 'CORRESP',
    kind: 'response',
    letterDate: '2021-03-25',
    inResponseTo: '2021-03-04',
    signatories: [{ name: 'Jordan Blake', title: 'Chief Financial Officer' }],
    items: [item(1, null, { response: 'We recognize revenue over time.' }), item(2, null, { response: 'We revised.' })],
  });
  const round2 = letter({
    form: 'UPLOAD',
    kind: 'comment',
    letterDate: '2021-04-20',
    disseminationDate: '2021-07-01',
    secStaff: ['Robin Hale'],
    items: [
      item(1, 'We note your response to prior comment 1. Please also quantify the amounts.', {
        priorComments: [1],
        topics: ['revenue'],
      }),
      item(2, 'We reissue prior comment 2.', { priorComments: [2], topics: ['segments'] }),
    ],
  });
  const response2 = letter({ form: 'CORRESP', kind: 'response', letterDate: '2021-05-31', items: [] });
  const closing = letter({
    form: 'UPLOAD',
    kind: 'review_complete',
    letterDate: '2021-06-10',
    disseminationDate: '2021-07-02',
  });
  return { round1, extension, response1, round2, response2, closing };
}

describe('deriveThread', () => {
  const r = review();
  const listed = [
    {
      accessionNumber: '0001234567-21-000010',
      cik: '1234567',
      form: '10-K',
      filingDate: '2021-02-26',
      reportDate: '2020-12-31',
      fileNumbers: ['001-34567'],
    },
    {
      accessionNumber: '0001234567-20-000010',
      cik: '1234567',
      form: '10-K',
      filingDate: '2020-02-27',
      reportDate: '2019-12-31',
      fileNumbers: ['001-34567'],
    },
  ];
  const { comments, conversation } = deriveThread({
    threadId: '001-34567/x',
    letters: [r.closing, r.response2, r.round2, r.response1, r.extension, r.round1],
    listedFilings: listed,
  });

  it('gives rows valid under the contract schemas', () => {
    for (const c of comments) CommentRowSchema.parse(c);
    ConversationRowSchema.parse(conversation);
  });

  it('flags a follow-up that asks again in the words of the previous round comment it lists', () => {
    const ask =
      'Please disclose the amount of revenue recognized over time and at a point in time for each period presented';
    const first = letter({ ...r.round1, items: [item(1, `${ask}.`, { topics: ['revenue'] })] });
    const again = (priorComments: number[]) =>
      letter({
        ...r.round2,
        items: [item(1, `We note your response to comment 1. ${ask}, as requested.`, { priorComments })],
      });
    const derive = (next: ReturnType<typeof letter>) =>
      deriveThread({ threadId: 't', letters: [first, r.response1, next], listedFilings: [] }).comments;
    assert.deepEqual(
      derive(again([1])).map((c) => [c.round, c.reissued, c.resolution]),
      [
        [1, false, 'reissued'],
        [2, true, 'open'],
      ],
    );
    // Neither naming comment 1 nor answering the response: the words alone do not make it a reissue of it.
    const unlinked = letter({ ...r.round2, items: [item(1, `In future filings, ${ask}.`)] });
    assert.deepEqual(derive(unlinked).at(-1)!.priorComments, []);
    assert.equal(derive(unlinked).at(-1)!.reissued, false);
  });

  it('links a follow-up that names no comment to the one it answers', () => {
    const round1 = letter({
      ...r.round1,
      items: [
        item(1, 'Please tell us how you test goodwill for impairment.', { headings: ['Goodwill, page 41'] }),
        item(2, 'Please disclose the revenue of each product line.', { headings: ['Revenue, page 50'] }),
      ],
    });
    const round2 = (...items: ReturnType<typeof item>[]) =>
      deriveThread({
        threadId: 't',
        letters: [round1, r.response1, letter({ ...r.round2, items })],
        listedFilings: [],
      }).comments.filter((c) => c.round === 2);
    const [byHeading, byDate, named, unrelated, ambiguous] = round2(
      // Under the heading of comment 1 (the page differs), answering the response.
      item(1, 'We note your response. Please quantify the cushion.', { headings: ['Goodwill, page 43'] }),
      // Naming the previous letter by its date.
      item(2, 'Please refer to comment 2 of our March 4, 2021 letter and revise.'),
      // Its own numbers win.
      item(3, 'We note your response to prior comment 2.', { priorComments: [2] }),
      // A new comment.
      item(4, 'Please disclose your backlog.', { headings: ['Goodwill, page 43'] }),
      // Answering the response under a caption no earlier comment had.
      item(5, 'We note your response. Please explain.', { headings: ['Liquidity'] }),
    );
    assert.deepEqual(byHeading!.priorComments, [1]);
    assert.deepEqual(byDate!.priorComments, [2]);
    assert.deepEqual(named!.priorComments, [2]);
    assert.deepEqual(unrelated!.priorComments, []);
    assert.deepEqual(ambiguous!.priorComments, []);
    // An older letter's date names no comment of the previous round.
    const [older] = round2(item(1, 'Please refer to comment 2 of our January 15, 2021 letter.'));
    assert.deepEqual(older!.priorComments, []);
    // After a letter of one comment, answering the response follows that comment up.
    const single = deriveThread({
      threadId: 't',
      letters: [
        letter({ ...r.round1, items: [item(1, 'Please tell us about the reserves.')] }),
        r.response1,
        letter({
          ...r.round2,
          items: [item(1, 'We acknowledge your response to our previous comment. Please tell us more.')],
        }),
      ],
      listedFilings: [],
    }).comments.at(-1)!;
    assert.deepEqual(single.priorComments, [1]);
    // "In addition, ..." under the same caption carries on the comment before it, and what that one follows up.
    const [, carried, elsewhere] = round2(
      item(1, 'We note your response to prior comment 1. Please quantify the cushion.', {
        headings: ['Goodwill, page 43'],
        priorComments: [1],
      }),
      item(2, 'In addition, please disclose the key assumptions.', { headings: ['Goodwill, page 43'] }),
      item(3, 'In addition, please disclose your backlog.', { headings: ['Backlog'] }),
    );
    assert.deepEqual(carried!.priorComments, [1]);
    assert.deepEqual(elsewhere!.priorComments, []);
  });

  it('numbers rounds and resolves each comment', () => {
    const got = comments.map((c) => [c.round, c.number, c.reissued, c.resolution]);
    assert.deepEqual(got, [
      [1, 1, false, 'followed_up'],
      [1, 2, false, 'reissued'],
      [1, 3, false, 'addressed'],
      [2, 1, false, 'addressed'],
      [2, 2, true, 'addressed'],
    ]);
  });

  it('pairs each comment with the company letter answering its round', () => {
    assert.deepEqual(comments[0]!.response, {
      accessionNumber: r.response1.accessionNumber,
      letterDate: '2021-03-25',
      text: 'We recognize revenue over time.',
    });
    assert.equal(comments[2]!.response?.accessionNumber, r.response1.accessionNumber);
    assert.equal(comments[2]!.response?.text, null);
    assert.equal(comments[3]!.response?.accessionNumber, r.response2.accessionNumber);
  });

  it('summarises the review', () => {
    const { reviewedFiling, topics, ...rest } = conversation;
    assert.deepEqual(reviewedFiling, {
      form: '10-K',
      fiscalYearEnd: '2020-12-31',
      filedDate: '2021-02-26',
      accessionNumber: '0001234567-21-000010',
    });
    assert.deepEqual(topics[0], { topic: 'revenue', comments: 2 });
    assert.deepEqual(rest, {
      threadId: '001-34567/x',
      cik: '1234567',
      companyName: 'Example Co',
      fileNumbers: ['001-34567'],
      firstLetterDate: '2021-03-04',
      lastLetterDate: '2021-06-10',
      firstDisseminated: '2021-07-01',
      lastDisseminated: '2021-07-02',
      staffLetters: 3,
      companyLetters: 3,
      rounds: 2,
      comments: 5,
      reissuedComments: 1,
      extensionRequests: 1,
      accelerationRequests: 0,
      status: 'complete',
      closingLetter: r.closing.accessionNumber,
      daysOpen: 98,
      medianDaysToRespond: 31,
      staff: ['Robin Hale', 'Casey Moore'],
      office: 'Office of Technology',
      copied: ['Pat Lee, Esq., Lawfirm LLP', 'Jordan Blake'],
    });
  });

  it('leaves the last round open while no later staff letter exists', () => {
    const open = deriveThread({ threadId: 't', letters: [r.round1, r.response1], listedFilings: [] });
    assert.deepEqual(
      open.comments.map((c) => c.resolution),
      ['open', 'open', 'open'],
    );
    assert.equal(open.conversation.status, 'answered');
    assert.equal(open.conversation.closingLetter, null);
    assert.equal(open.conversation.reviewedFiling?.accessionNumber, null);
    assert.equal(open.conversation.medianDaysToRespond, 21);
  });

  it("resolves a filing older than the listing from the staff letters' header reference", () => {
    const referenced = letter({ ...r.round1, referenceAccession: '0001234567-19-000007' });
    const { conversation } = deriveThread({ threadId: 't', letters: [referenced, r.response1], listedFilings: [] });
    assert.equal(conversation.reviewedFiling?.form, TENK_2020.form);
    assert.equal(conversation.reviewedFiling?.accessionNumber, '0001234567-19-000007');
  });
});

describe('deriveCompany', () => {
  it('derives each stored thread apart and leaves out letters without a thread', () => {
    const a = letter({ form: 'UPLOAD', kind: 'comment', items: [item(1, 'Please explain.')] });
    const b = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2022-01-05', items: [item(1, 'Please revise.')] });
    const loose = letter({ form: 'CORRESP', kind: 'response' });
    const got = deriveCompany(
      [
        { ...a, threadId: 't1' },
        { ...b, threadId: 't2' },
        { ...loose, threadId: null },
      ],
      [],
    );
    assert.deepEqual(
      got.map((d) => [d.conversation.threadId, d.conversation.rounds, d.conversation.companyLetters]),
      [
        ['t1', 1, 0],
        ['t2', 1, 0],
      ],
    );
  });
});
