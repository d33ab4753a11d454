import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Item, Reference } from '../../../src/letter/schema.ts';
import { formatThreads } from '../../../src/letter/thread-format.ts';
import { buildThreads, threadAssignments, type ThreadLetter } from '../../../src/letter/threads.ts';

const TENK_2020: Reference = {
  form: '10-K',
  fiscalYearEnd: '2020-12-31',
  filedDate: '2021-02-26',
  fileNumber: '001-34567',
};
const TENK_2021: Reference = {
  form: '10-K',
  fiscalYearEnd: '2021-12-31',
  filedDate: '2022-02-25',
  fileNumber: '001-34567',
};

function items(...numbers: number[]): Item[] {
  return numbers.map((number) => ({
    number,
    headings: [],
    pageRef: null,
    comment: `comment ${number}`,
    response: null,
    priorComments: [],
    topics: [],
    authorities: [],
  }));
}

let sequence = 0;
function letter(over: Partial<ThreadLetter> & Pick<ThreadLetter, 'form' | 'kind' | 'letterDate'>): ThreadLetter {
  sequence += 1;
  const date = over.letterDate ?? '2021-01-01';
  return {
    accessionNumber:
      over.form === 'UPLOAD'
        ? `0000000000-21-${String(sequence).padStart(6, '0')}`
        : `0001234567-21-${String(sequence).padStart(6, '0')}`,
    cik: '1234567',
    fileNumbers: ['001-34567'],
    references: [TENK_2020],
    referenceAccession: null,
    acceptanceDateTime: `${date}T16:00:00-05:00`,
    filingDate: date,
    inResponseTo: null,
    items: [],
    ...over,
  };
}

describe('review threads', () => {
  it('links each response to the letter it answers, pairs its items and completes on the closing letter', () => {
    const c1 = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-04-01', items: items(1, 2, 3) });
    const r1 = letter({
      form: 'CORRESP',
      kind: 'response',
      letterDate: '2021-04-15',
      inResponseTo: '2021-04-01',
      items: items(1, 2, 4),
    });
    const c2 = letter({
      form: 'UPLOAD',
      kind: 'comment',
      letterDate: '2021-05-03',
      inResponseTo: '2021-04-15',
      items: items(1),
    });
    const r2 = letter({
      form: 'CORRESP',
      kind: 'response',
      letterDate: '2021-05-17',
      inResponseTo: '2021-05-03',
      items: items(1),
    });
    const done = letter({ form: 'UPLOAD', kind: 'review_complete', letterDate: '2021-06-01' });
    const [thread, ...more] = buildThreads([done, r2, c2, r1, c1]);
    assert.equal(more.length, 0);
    assert.deepEqual(
      thread!.letters.map((l) => [l.accessionNumber, l.link, l.answers, l.daysToAnswer]),
      [
        [c1.accessionNumber, 'first', null, null],
        [r1.accessionNumber, 'in-response-to', c1.accessionNumber, 14],
        [c2.accessionNumber, 'in-response-to', r1.accessionNumber, 18],
        [r2.accessionNumber, 'in-response-to', c2.accessionNumber, 14],
        [done.accessionNumber, 'subject', r2.accessionNumber, 15],
      ],
    );
    assert.deepEqual(
      thread!.letters[1]!.pairs.map((p) => [p.number, p.commentAccession]),
      [
        [1, c1.accessionNumber],
        [2, c1.accessionNumber],
        [4, null],
      ],
    );
    assert.equal(thread!.status, 'complete');
    assert.equal(thread!.openedOn, '2021-04-01');
    assert.equal(thread!.closedOn, '2021-06-01');
    assert.equal(thread!.durationDays, 61);
    assert.equal(thread!.threadId, `001-34567/${c1.accessionNumber}`);
  });

  it('orders letters by acceptance time, not by filing date', () => {
    const c1 = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-04-01', items: items(1) });
    const r1 = letter({
      form: 'CORRESP',
      kind: 'response',
      letterDate: '2021-04-15',
      inResponseTo: '2021-04-01',
      filingDate: '2021-04-20',
      acceptanceDateTime: '2021-04-15T09:00:00-04:00',
    });
    const c2 = letter({
      form: 'UPLOAD',
      kind: 'review_complete',
      letterDate: '2021-04-15',
      filingDate: '2021-04-15',
      acceptanceDateTime: '2021-04-15T17:30:00-04:00',
    });
    const [thread] = buildThreads([c2, c1, r1]);
    assert.deepEqual(
      thread!.letters.map((l) => l.accessionNumber),
      [c1.accessionNumber, r1.accessionNumber, c2.accessionNumber],
    );
  });

  it('keeps reviews of different filings and different companies apart', () => {
    const a = letter({ form: 'UPLOAD', kind: 'review_complete', letterDate: '2021-04-01' });
    const b = letter({
      form: 'UPLOAD',
      kind: 'comment',
      letterDate: '2022-05-01',
      references: [TENK_2021],
      items: items(1),
    });
    const c = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-04-02', cik: '7654321', items: items(1) });
    assert.equal(buildThreads([a, b, c]).length, 3);
  });

  it('tells open reviews from answered ones', () => {
    const open = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-04-01', items: items(1) });
    const otherReview = letter({
      form: 'UPLOAD',
      kind: 'comment',
      letterDate: '2022-05-01',
      references: [TENK_2021],
      items: items(1, 2),
    });
    const answer = letter({
      form: 'CORRESP',
      kind: 'response',
      letterDate: '2022-05-10',
      inResponseTo: '2022-05-01',
      references: [TENK_2021],
      items: items(1, 2),
    });
    const threads = buildThreads([open, otherReview, answer]);
    assert.deepEqual(
      threads.map((t) => t.status),
      ['open', 'answered'],
    );
  });

  it('joins a response naming no date to the open review whose comments carry its item numbers', () => {
    const c1 = letter({
      form: 'UPLOAD',
      kind: 'comment',
      letterDate: '2021-04-01',
      items: items(1, 2),
      references: [],
    });
    const r1 = letter({ form: 'CORRESP', kind: 'response', letterDate: '2021-04-20', items: items(2), references: [] });
    const [thread, ...more] = buildThreads([c1, r1]);
    assert.equal(more.length, 0);
    assert.equal(thread!.letters[1]!.link, 'item-numbers');
  });

  it('gives the same thread ids whatever order the letters come in', () => {
    const c1 = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-04-01', items: items(1) });
    const r1 = letter({
      form: 'CORRESP',
      kind: 'response',
      letterDate: '2021-04-15',
      inResponseTo: '2021-04-01',
      items: items(1),
    });
    assert.deepEqual(threadAssignments(buildThreads([r1, c1])), threadAssignments(buildThreads([c1, r1])));
  });
});

describe('draft registration statements', () => {
  it('keeps the staff letters on the amendments of one draft (377- number in the header only) in one thread', () => {
    const draft = (filedDate: string, form: string) => ({
      form,
      fiscalYearEnd: null,
      filedDate,
      fileNumber: null,
    });
    const common = { form: 'UPLOAD' as const, kind: 'comment' as const, fileNumbers: ['377-06601'] };
    const c1 = letter({ ...common, letterDate: '2023-03-15', references: [draft('2023-02-14', 'DRS')] });
    const c2 = letter({ ...common, letterDate: '2023-06-05', references: [draft('2023-05-16', 'DRS')] });
    const c3 = letter({ ...common, letterDate: '2023-07-07', references: [draft('2023-06-23', 'DRS/A')] });
    const threads = buildThreads([c1, c2, c3]);
    assert.equal(threads.length, 1);
    assert.deepEqual(
      threads[0]!.letters.map((e) => e.link),
      ['first', 'subject', 'subject'],
    );
  });
});

describe('thread text', () => {
  it('prints each thread letter by letter with what each answers and the items when given', () => {
    const c1 = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-04-01', items: items(1, 2) });
    const r1 = letter({
      form: 'CORRESP',
      kind: 'response',
      letterDate: '2021-04-15',
      inResponseTo: '2021-04-01',
      items: items(1, 2),
    });
    const text = formatThreads(buildThreads([c1, r1]), { items: new Map([[c1.accessionNumber, c1.items]]) });
    const lines = text.split('\n');
    assert.equal(lines[0], `Thread 001-34567/${c1.accessionNumber}`);
    assert.match(
      lines[1]!,
      /Form 10-K FY ended 2020-12-31 · file 001-34567 · answered · 2021-04-01 to date of last letter \(14 days\) · 2 letters/,
    );
    assert.match(lines[2]!, /2021-04-01 +UPLOAD +comment +0000000000-21-/);
    assert.match(text, /comment: {2}comment 1/);
    assert.match(text, /CORRESP response .*answers 2021-04-01 \(14 days\); answers comments 1-2/);
  });

  it('prints a staff comment’s topics, authorities, prior comments and resolution', () => {
    const [first, second] = items(1, 2);
    const comment = {
      ...first!,
      topics: ['revenue' as const, 'non_gaap' as const],
      authorities: ['ASC 606', 'S-K 10(e)'],
      priorComments: [3],
    };
    const c1 = letter({ form: 'UPLOAD', kind: 'comment', letterDate: '2021-04-01', items: [comment, second!] });
    const text = formatThreads(buildThreads([c1]), {
      items: new Map([[c1.accessionNumber, c1.items]]),
      resolutions: new Map([
        [`${c1.accessionNumber}#1`, 'followed_up'],
        [`${c1.accessionNumber}#2`, 'open'],
      ]),
    });
    assert.match(
      text,
      /comment: {2}comment 1\n +topics: revenue, non_gaap · authorities: ASC 606; S-K 10\(e\) · follows up: 3 · resolution: followed_up\n/,
    );
    assert.match(text, /comment: {2}comment 2\n +resolution: open\n/);
    // What the review reads a comment to follow up wins over the letter's own numbers.
    const read = formatThreads(buildThreads([c1]), {
      items: new Map([[c1.accessionNumber, c1.items]]),
      followsUp: new Map([[`${c1.accessionNumber}#2`, [1, 2]]]),
    });
    assert.match(read, /comment: {2}comment 2\n +follows up: 1-2\n/);
  });

  it('says so when there is no thread', () => {
    assert.equal(formatThreads([]), 'No review threads.\n');
  });
});
