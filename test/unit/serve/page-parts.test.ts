/**
 * Long review and letter pages come in parts under the page-weight target: every comment, item and character of
 * text is on exactly one part, every link inside the page leads to the part holding its target, and the routes
 * answer `?part=N` (404 past the last part, 400 for a part that is not a number).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Letter } from '../../../src/letter/schema.ts';
import { packParts, textPieces } from '../../../src/serve/pages/page-parts.ts';
import { letterPage } from '../../../src/serve/pages/letter-page.ts';
import { reviewPage } from '../../../src/serve/pages/review-page.ts';
import { STYLESHEET } from '../../../src/serve/pages/style.ts';
import type { CommentRow, Review, ReviewSource, RowPage } from '../../../src/serve/review-rows.ts';
import { startServeServer, type RunningServer } from '../../../src/serve/serve-app.ts';
import type { DocumentStore } from '../../../src/store/document-store.ts';
import { accessionFor, makeLetter } from '../../fixtures/letters.ts';
import { makeComment, makeConversation } from '../../fixtures/analytics-rows.ts';

/** The viewer's page-weight target: HTML and its stylesheet, no images. */
const PAGE_WEIGHT = 200 * 1024;
const weight = (page: string) => Buffer.byteLength(page) + Buffer.byteLength(STYLESHEET);

/** A paragraph of `n` characters holding markup to escape (so escaping grows it, as real letters do). */
const prose = (n: number, seed: number) =>
  `Revenue "recognition" <b>& more</b> ${seed} `.repeat(Math.ceil(n / 40)).slice(0, n);

/** 2,000 numbered paragraphs, about 200 KB: one response longer than a part. */
const HUGE = Array.from({ length: 2000 }, (_, i) => `Huge paragraph ${i} & its <text> ${'y'.repeat(80)}`).join('\n\n');
const hugeParagraphs = (pages: readonly string[]) =>
  pages.flatMap((page) => [...page.matchAll(/Huge paragraph (\d+) /g)].map((m) => Number(m[1])));

/** A review of `rounds` rounds of `perRound` long comments; round r > 1 follows up every comment of r - 1. */
function bigReview(rounds: number, perRound: number, chars: number): Review {
  const comments: CommentRow[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (let number = 1; number <= perRound; number++) {
      comments.push(
        makeComment({
          threadId: 'big-review',
          accessionNumber: accessionFor(round * 10, 15),
          letterDate: `2015-0${round}-01`,
          round,
          number,
          text: `${prose(chars, round * 100 + number)}\n\nComment ${round}.${number} ends here.`,
          priorComments: round > 1 ? [number] : [],
          response: {
            accessionNumber: accessionFor(round * 10 + 1, 15),
            letterDate: `2015-0${round}-15`,
            text: `${round === 2 && number === 3 && chars > 1000 ? `${HUGE}\n\n` : ''}${prose(chars, -number)}\n\nResponse ${round}.${number} ends here.`,
          },
        }),
      );
    }
  }
  return {
    conversation: makeConversation({ threadId: 'big-review', rounds, comments: comments.length }),
    letters: [],
    comments,
  };
}

function allParts(render: (part: number) => { value: string } | null): string[] {
  const parts: string[] = [];
  for (let part = 1; ; part++) {
    const page = render(part);
    if (page === null) break;
    parts.push(page.value);
    assert.ok(part < 1000, 'parts never end');
  }
  return parts;
}

/** Every in-page link (`#x`, `?#x`, `?part=K#x`) of every part names an element of the part it leads to. */
function assertLinksLand(parts: readonly string[]): void {
  parts.forEach((page, i) => {
    for (const m of page.matchAll(/href="(\?(?:part=(\d+))?)?#([^"]+)"/g)) {
      const [, query, part, target] = m as unknown as [string, string | undefined, string | undefined, string];
      // "#x" is this part, "?#x" part 1, "?part=K#x" part K.
      const to = query === undefined ? i : part === undefined ? 0 : Number(part) - 1;
      if (target === 'main') continue;
      assert.ok(parts[to]?.includes(`id="${target}"`), `part ${i + 1} links to #${target} on part ${to + 1}`);
    }
  });
}

describe('packParts', () => {
  it('fills each part up to the budget, in order, a block too large for any part alone on its own', () => {
    assert.deepEqual(packParts([40, 40, 40, 40], 100), [0, 0, 1, 1]);
    assert.deepEqual(packParts([150, 10, 10], 100), [0, 1, 1]);
    assert.deepEqual(packParts([10, 150, 10], 100), [0, 1, 2]);
    assert.deepEqual(packParts([30, 50], 100, 60), [0, 1], 'the lead counts on part 1');
    assert.deepEqual(packParts([90], 100, 60), [1], 'a lead that leaves no room sends the first block on');
    assert.deepEqual(packParts([], 100), []);
  });
});

describe('review page in parts', () => {
  const review = bigReview(4, 12, 6_000);
  const parts = allParts((part) => reviewPage(review, part));

  it('keeps every part under the page-weight target', () => {
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    for (const [i, page] of parts.entries()) {
      assert.ok(weight(page) < PAGE_WEIGHT, `part ${i + 1}: ${weight(page)} bytes`);
    }
  });

  it('shows every comment and its response on exactly one part, in order', () => {
    const seen = parts.flatMap((page) =>
      [...page.matchAll(/Comment (\d)\.(\d+) ends here/g)].map((m) => `${m[1]}.${m[2]}`),
    );
    const expected = review.comments.map((c) => `${c.round}.${c.number}`);
    assert.deepEqual(seen, expected);
    const responses = parts.flatMap((page) =>
      [...page.matchAll(/Response (\d)\.(\d+) ends here/g)].map((m) => `${m[1]}.${m[2]}`),
    );
    assert.deepEqual(responses, expected);
  });

  it('splits a response longer than a part over parts, every paragraph once and in order', () => {
    assert.deepEqual(
      hugeParagraphs(parts),
      Array.from({ length: 2000 }, (_, i) => i),
    );
    assert.ok(parts.some((page) => page.includes('Comment 3 (continued)')));
  });

  it('leads every link to a round or a comment to the part that holds it, and links the parts', () => {
    assertLinksLand(parts);
    assert.ok(
      parts.some((page) => /href="\?part=\d+#r\d-c\d+"/.test(page)),
      'some links cross parts',
    );
    assert.match(parts[0]!, /Part 1 of \d+/);
    assert.match(parts[0]!, /href="\?part=2" rel="next"/);
    assert.match(parts[1]!, /href="\?" rel="prev"/);
    assert.equal((parts[0]!.match(/<dl class="facts">/g) ?? []).length, 1, 'facts on part 1');
    assert.ok(
      parts.slice(1).every((page) => !page.includes('<dl class="facts">')),
      'facts only on part 1',
    );
  });

  it('gives a round that continues on the next part a heading of its own', () => {
    const continued = parts.slice(1).filter((page) => /Round \d \(continued\)/.test(page));
    assert.ok(continued.length > 0);
  });

  it('is one page, without part links, when the review is short', () => {
    const short = reviewPage(bigReview(2, 2, 200), 1)!.value;
    assert.doesNotMatch(short, /Part 1 of/);
    assert.equal(reviewPage(bigReview(2, 2, 200), 2), null);
  });
});

describe('letter page in parts', () => {
  const text = Array.from({ length: 900 }, (_, i) => `Line ${i} <of> the letter & its "text" ${'x'.repeat(400)}`).join(
    '\n',
  );
  const letter: Letter = makeLetter({
    text,
    items: Array.from({ length: 30 }, (_, i) => ({
      number: i + 1,
      headings: [],
      pageRef: null,
      comment: `${prose(3_000, i)} item ${i + 1} comment ends`,
      response: `${i === 9 ? `${HUGE}\n\n` : ''}${prose(3_000, -i)} item ${i + 1} response ends`,
      priorComments: [],
      topics: ['revenue'],
      authorities: [],
    })),
  });
  const parts = allParts((part) => letterPage(letter, part));

  it('keeps every part under the page-weight target', () => {
    assert.ok(parts.length >= 3, `${parts.length} parts`);
    for (const [i, page] of parts.entries()) assert.ok(weight(page) < PAGE_WEIGHT, `part ${i + 1}: ${weight(page)}`);
  });

  it('splits an item whose response is longer than a part, every paragraph once and in order', () => {
    assert.deepEqual(
      hugeParagraphs(parts),
      Array.from({ length: 2000 }, (_, i) => i),
    );
    assert.ok(parts.some((page) => page.includes('10. (continued)')));
  });

  it('shows every item once and the whole text once, exactly', () => {
    const items = parts.flatMap((page) => [...page.matchAll(/item (\d+) response ends/g)].map((m) => Number(m[1])));
    assert.deepEqual(
      items,
      letter.items.map((item) => item.number),
    );
    const shown = parts
      .flatMap((page) => [...page.matchAll(/<pre class="text">([\s\S]*?)<\/pre>/g)].map((m) => m[1]!))
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    assert.equal(shown, text);
    assertLinksLand(parts);
  });

  it('cuts text in pieces within the escaped size, after a newline where it can, joining back to the text', () => {
    assert.deepEqual(textPieces('ab\ncd\nef', 4), ['ab\n', 'cd\n', 'ef']);
    assert.deepEqual(textPieces('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
    assert.deepEqual(textPieces('<<<<<<', 8), ['<<', '<<', '<<'], 'escaped "&lt;" is 4 bytes');
    assert.deepEqual(textPieces('😀😀😀', 4), ['😀', '😀', '😀'], 'a surrogate pair is never halved');
    assert.deepEqual(textPieces('', 4), []);
    const pieces = textPieces(HUGE, 60 * 1024);
    assert.equal(pieces.join(''), HUGE);
    assert.ok(
      pieces.length >= 4 &&
        pieces.every((p) => Buffer.byteLength(p.replace(/[<>]/g, '&lt;').replace(/&(?!lt;)/g, '&amp;')) <= 60 * 1024),
    );
    assert.ok(
      pieces.slice(0, -1).every((p) => p.endsWith('\n\n')),
      'cut at paragraph ends',
    );
  });
});

describe('part routes', () => {
  const review = bigReview(4, 12, 6_000);
  const letter = makeLetter({ text: 'short text' });
  const reviews: ReviewSource = {
    getReview: async (id) => (id === 'big-review' ? review : null),
    listConversations: async (): Promise<RowPage<never>> => ({ data: [], next: null }),
    listComments: async (): Promise<RowPage<never>> => ({ data: [], next: null }),
  };
  const store = { getLetter: async (a: string) => (a === letter.accessionNumber ? letter : null) };
  let server: RunningServer;
  before(async () => {
    server = await startServeServer(
      { store: store as unknown as DocumentStore, reviews },
      { host: '127.0.0.1', port: 0 },
    );
  });
  after(() => server?.close());

  it('answers each part, 404 past the last, 400 for a part that is not a number', async () => {
    const parts = allParts((part) => reviewPage(review, part)).length;
    for (let part = 1; part <= parts; part++) {
      const res = await fetch(`${server.url}/reviews/big-review?part=${part}`);
      assert.equal(res.status, 200, `part ${part}`);
      assert.match(await res.text(), new RegExp(`Part ${part} of ${parts}`));
    }
    const past = await fetch(`${server.url}/reviews/big-review?part=${parts + 1}`);
    assert.equal(past.status, 404);
    assert.match(await past.text(), /has no part \d+/);
    for (const bad of ['0', 'x', '1.5', '-1', '99999']) {
      const res = await fetch(`${server.url}/reviews/big-review?part=${bad}`);
      assert.equal(res.status, 400, bad);
    }
    assert.equal((await fetch(`${server.url}/letters/${letter.accessionNumber}?part=1`)).status, 200);
    assert.equal((await fetch(`${server.url}/letters/${letter.accessionNumber}?part=2`)).status, 404);
  });
});
