/** Contract: full-text search over letter text and company name (plain words, "quoted phrases"). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentStore } from '../../src/store/document-store.ts';
import { accessionFor, makeLetter } from '../fixtures/letters.ts';
import { withStore, type DocumentStoreHarness } from './harness.ts';

const TEXTS = [
  // 1: the phrase, adjacent.
  'We note your goodwill impairment analysis of the hosting segment on page F-33 of the annual report.',
  // 2: both words, not adjacent, reversed.
  'The impairment of long-lived assets is tested separately; goodwill is tested annually at the reporting unit.',
  // 3: neither.
  'Please revise the liquidity discussion to quantify restricted cash held by the variable interest entities.',
  // 4: punctuation-rich.
  "The Company's response (see Exhibit 99.1) addresses the staff's comment on the 21Vianet Xi'an acquisition.",
];

async function seed(store: DocumentStore): Promise<void> {
  for (const [i, text] of TEXTS.entries()) {
    await store.upsertLetter(makeLetter({ accessionNumber: accessionFor(i + 1), text }));
  }
  await store.upsertLetter(
    makeLetter({ accessionNumber: accessionFor(5), companyName: 'Zephyrine Quarry Partners L.P.', text: 'Short.' }),
  );
}

const found = async (store: DocumentStore, query: string): Promise<string[]> =>
  (await store.searchLetters(query)).map((hit) => hit.accessionNumber).sort();

export function searchContract(harness: DocumentStoreHarness): void {
  describe('search', () => {
    it('finds the letters containing every word, in any order and case', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        assert.deepEqual(await found(store, 'Goodwill IMPAIRMENT'), [accessionFor(1), accessionFor(2)]);
        assert.deepEqual(await found(store, 'goodwill liquidity'), []);
        assert.deepEqual(await found(store, 'liquidity'), [accessionFor(3)]);
      }));

    it('a quoted phrase matches only its words adjacent and in order', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        assert.deepEqual(await found(store, '"goodwill impairment"'), [accessionFor(1)]);
        assert.deepEqual(await found(store, '"impairment goodwill"'), []);
        assert.deepEqual(await found(store, 'separately "goodwill impairment"'), []);
        assert.deepEqual(await found(store, 'hosting "goodwill impairment"'), [accessionFor(1)]);
      }));

    it('matches words written with punctuation: page references, possessives, decimals', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        assert.deepEqual(await found(store, 'F-33'), [accessionFor(1)]);
        assert.deepEqual(await found(store, '"Exhibit 99.1"'), [accessionFor(4)]);
        assert.deepEqual(await found(store, '21Vianet'), [accessionFor(4)]);
      }));

    it('searches the company name too', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        const hits = await store.searchLetters('zephyrine quarry');
        assert.deepEqual(
          hits.map((h) => [h.accessionNumber, h.companyName]),
          [[accessionFor(5), 'Zephyrine Quarry Partners L.P.']],
        );
      }));

    const hostile = [
      '',
      '   ',
      '"',
      '""',
      '"goodwill impairment',
      'goodwill"',
      'goodwill AND',
      'NOT goodwill',
      'goodwill OR zebra',
      'goodwill -impairment',
      'NEAR(goodwill impairment)',
      'text:goodwill',
      'company_name:goodwill',
      '{text company_name}: goodwill',
      'goodwill*',
      '^goodwill',
      '(((goodwill',
      "'); DROP TABLE letters; --",
      'goodwill & impairment | !liquidity',
      "goodwill <-> impairment <2> 'x':*",
      '\\ % _ ; : , . ? * + - = ~ @ # $',
      '“goodwill impairment”',
      'a'.repeat(500),
    ];
    it('never fails on punctuation, quotes or engine operators in user input', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        for (const query of hostile) {
          const hits = await store.searchLetters(query);
          assert.ok(Array.isArray(hits), query);
        }
        assert.equal(await store.countLetters(), 5);
        // Operators are ordinary words: every one must match, so these find nothing.
        assert.deepEqual(await found(store, 'goodwill OR zebra'), []);
        assert.deepEqual(await found(store, 'text:goodwill'), []);
        // Unbalanced and typographic quotes still make phrases.
        assert.deepEqual(await found(store, '"goodwill impairment'), [accessionFor(1)]);
        assert.deepEqual(await found(store, '“goodwill impairment”'), [accessionFor(1)]);
        assert.deepEqual(await found(store, '(((liquidity'), [accessionFor(3)]);
        assert.deepEqual(await found(store, '""'), []);
      }));

    it('no match gives an empty list', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        assert.deepEqual(await store.searchLetters('xylophone'), []);
      }));

    it('hits carry the letter facts and a snippet with the matches in [ ]', () =>
      withStore(harness, async ({ store }) => {
        await seed(store);
        const [hit, ...rest] = await store.searchLetters('liquidity');
        assert.equal(rest.length, 0);
        assert.equal(hit?.accessionNumber, accessionFor(3));
        assert.equal(hit?.form, 'CORRESP');
        assert.equal(hit?.companyName, 'Northwind Traders Holdings Ltd.');
        assert.equal(hit?.filingDate, '2014-01-03');
        assert.equal(hit?.letterDate, '2014-01-03');
        assert.match(hit?.snippet ?? '', /\[liquidity\]/);
        assert.equal(typeof hit?.score, 'number');
        const [phraseHit] = await store.searchLetters('"goodwill impairment"');
        assert.match(phraseHit?.snippet ?? '', /\[goodwill\] ?\[impairment\]|\[goodwill impairment\]/);
      }));

    it('ranks letters that match more often first and honours the limit', () =>
      withStore(harness, async ({ store }) => {
        const filler = 'The registrant will revise its disclosure in future filings as requested.';
        const texts = [
          `${filler} Deferred revenue is discussed once.`,
          `Deferred revenue, deferred revenue, deferred revenue: deferred revenue throughout. ${filler}`,
          `${filler} Deferred revenue appears here and deferred revenue again.`,
        ];
        for (const [i, text] of texts.entries()) {
          await store.upsertLetter(makeLetter({ accessionNumber: accessionFor(i + 1), text }));
        }
        const hits = await store.searchLetters('deferred revenue');
        assert.deepEqual(
          hits.map((h) => h.accessionNumber),
          [2, 3, 1].map((n) => accessionFor(n)),
        );
        assert.ok(hits[0]!.score > hits[1]!.score && hits[1]!.score > hits[2]!.score);
        assert.equal((await store.searchLetters('deferred revenue', { limit: 2 })).length, 2);
      }));

    it('pages through one result list with an offset and narrows it with a letter filter', () =>
      withStore(harness, async ({ store }) => {
        const text = 'Deferred revenue is discussed.';
        for (const n of [1, 2, 3]) {
          await store.upsertLetter(
            makeLetter({ accessionNumber: accessionFor(n), text, form: n === 2 ? 'UPLOAD' : 'CORRESP' }),
          );
        }
        const all = (await store.searchLetters('deferred revenue')).map((h) => h.accessionNumber);
        assert.equal(all.length, 3);
        const paged = [0, 1, 2].map((offset) => store.searchLetters('deferred revenue', { limit: 1, offset }));
        assert.deepEqual(
          (await Promise.all(paged)).flat().map((h) => h.accessionNumber),
          all,
        );
        const uploads = await store.searchLetters('deferred revenue', { filter: { forms: ['UPLOAD'] } });
        assert.deepEqual(
          uploads.map((h) => h.accessionNumber),
          [accessionFor(2)],
        );
      }));

    it('stores and searches a letter of over 1 MB of distinct words (beyond one tsvector)', () =>
      withStore(harness, async ({ store }) => {
        const words = Array.from({ length: 120_000 }, (_, i) => `w${(i * 7919).toString(36)}q${i.toString(36)}`);
        const text = `Opening paragraph on quinquennial valuation. ${words.join(' ')}`;
        assert.ok(text.length > 1_200_000);
        const letter = makeLetter({ text });
        assert.equal(await store.upsertLetter(letter), 'inserted');
        assert.equal((await store.getLetter(letter.accessionNumber))?.text.length, text.length);
        assert.deepEqual(await found(store, 'quinquennial valuation'), [letter.accessionNumber]);
        assert.deepEqual(await found(store, words[100]!), [letter.accessionNumber]);
      }));

    it('an updated letter is found by its new text only', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter({ text: 'Original wording about inventory obsolescence.' });
        await store.upsertLetter(letter);
        await store.upsertLetter({ ...letter, text: 'Revised wording about warranty reserves.' });
        assert.deepEqual(await found(store, 'obsolescence'), []);
        assert.deepEqual(await found(store, 'warranty'), [letter.accessionNumber]);
      }));
  });
}
