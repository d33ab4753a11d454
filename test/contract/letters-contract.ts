/** Contract: letters stored once per accession, filters, ordering, streaming, threads, concurrency, reopening. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadInputError } from '../../src/errors.ts';
import type { Letter } from '../../src/letter/schema.ts';
import { LETTER_PAGE_SIZE } from '../../src/store/letter-filter-sql.ts';
import { letterSortKey } from '../../src/store/letter-record.ts';
import { accessionFor, letterSeries, makeLetter } from '../fixtures/letters.ts';
import { collect, withStore, type DocumentStoreHarness } from './harness.ts';

const ids = (letters: readonly Letter[]): string[] => letters.map((l) => l.accessionNumber);

export function lettersContract(harness: DocumentStoreHarness): void {
  describe('letters', () => {
    it('stores a letter once: the same letter again is unchanged, changed text is updated, the count stays 1', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        assert.equal(await store.upsertLetter(letter), 'inserted');
        assert.equal(await store.upsertLetter(structuredClone(letter)), 'unchanged');
        const changed = { ...letter, text: `${letter.text}\n\nAmended paragraph on deferred taxes.` };
        assert.equal(await store.upsertLetter(changed), 'updated');
        assert.equal(await store.upsertLetter(changed), 'unchanged');
        assert.equal(await store.countLetters(), 1);
        assert.equal((await store.getLetter(letter.accessionNumber))?.text, changed.text);
        assert.equal((await collect(store.listLetters())).length, 1);
      }));

    it('returns exactly the letter stored, fields in export-schema order', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter({
          text: 'Ünïcode “quotes” — and a tab\there, a NUL-free line\nand [brackets].',
          tables: [
            {
              item: 1,
              rows: [
                ['Shareholder', 'Economic interest (%)'],
                ['Holdco', '51.0'],
              ],
            },
          ],
          warnings: ['image-only PDF page 3'],
        });
        await store.upsertLetter(letter);
        const stored = await store.getLetter(letter.accessionNumber);
        assert.equal(JSON.stringify(stored), JSON.stringify(letter));
        assert.equal(await store.getLetter(accessionFor(999)), null);
      }));

    it('storing a letter marks its filing parsed even when discovery never listed it', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter({ parserVersion: 'p-2' });
        await store.upsertLetter(letter);
        const filing = await store.getFiling(letter.accessionNumber);
        assert.equal(filing?.state, 'parsed');
        assert.equal(filing?.parserVersion, 'p-2');
        assert.equal(filing?.acceptanceDateTime, letter.acceptanceDateTime);
      }));

    it('refuses a letter that does not match the export schema, naming the accession', () =>
      withStore(harness, async ({ store }) => {
        const bad = { ...makeLetter(), filingDate: '03/01/2014' } as Letter;
        await assert.rejects(
          store.upsertLetter(bad),
          (error: unknown) =>
            error instanceof BadInputError &&
            error.reason === 'invalid-letter' &&
            error.message.includes(bad.accessionNumber) &&
            error.message.includes('filingDate'),
        );
        assert.equal(await store.countLetters(), 0);
      }));

    it('filters by file number (any spelling), CIK, date range, forms, kinds and thread', () =>
      withStore(harness, async ({ store }) => {
        const letters = letterSeries(6, 1, (i) => ({
          cik: i < 4 ? '1999001' : '2000002',
          fileNumbers: i === 0 ? ['001-35126', '000-12345'] : i < 3 ? ['001-35126'] : ['333-199812-01'],
        }));
        for (const letter of letters) await store.upsertLetter(letter);
        await store.assignThreads([
          { accessionNumber: accessionFor(1), threadId: 'thread-a' },
          { accessionNumber: accessionFor(2), threadId: 'thread-a' },
        ]);
        const cases: Array<[Parameters<typeof store.countLetters>[0], number[]]> = [
          [{}, [1, 2, 3, 4, 5, 6]],
          [{ fileNumber: '001-35126' }, [1, 2, 3]],
          [{ fileNumber: '0-12345' }, [1]],
          [{ fileNumber: '333-199812-01' }, [4, 5, 6]],
          [{ fileNumber: '333-199812' }, []],
          [{ cik: '0002000002' }, [5, 6]],
          [{ since: '2014-01-03', until: '2014-01-05' }, [2, 3, 4]],
          [{ forms: ['UPLOAD'] }, [2, 4, 6]],
          [{ kinds: ['response'] }, [1, 3, 5]],
          [{ kinds: ['response', 'comment'], forms: ['CORRESP', 'UPLOAD'] }, [1, 2, 3, 4, 5, 6]],
          [{ threadId: 'thread-a' }, [1, 2]],
          [{ fileNumber: '001-35126', forms: ['CORRESP'], cik: '1999001' }, [1, 3]],
        ];
        for (const [filter, expected] of cases) {
          const want = expected.map((n) => accessionFor(n));
          assert.deepEqual(ids(await collect(store.listLetters(filter))), want, JSON.stringify(filter));
          assert.equal(await store.countLetters(filter), want.length, JSON.stringify(filter));
        }
      }));

    it('lists letters by acceptance time across time zones, then filing date and accession', () =>
      withStore(harness, async ({ store }) => {
        const letters = [
          makeLetter({ accessionNumber: accessionFor(1), acceptanceDateTime: '2014-01-03T12:00:00-05:00' }),
          // 16:30Z, earlier than 17:00Z above although its local clock reads later.
          makeLetter({ accessionNumber: accessionFor(2), acceptanceDateTime: '2014-01-04T00:30:00+08:00' }),
          makeLetter({ accessionNumber: accessionFor(3), acceptanceDateTime: null, filingDate: '2014-01-02' }),
          makeLetter({ accessionNumber: accessionFor(4), acceptanceDateTime: '2014-01-03T12:00:00-05:00' }),
          makeLetter({ accessionNumber: accessionFor(5), acceptanceDateTime: '2013-12-30T09:00:00-05:00' }),
        ];
        for (const letter of [...letters].reverse()) await store.upsertLetter(letter);
        assert.deepEqual(
          ids(await collect(store.listLetters())),
          [5, 3, 2, 1, 4].map((n) => accessionFor(n)),
        );
      }));

    it(`streams every letter past page boundaries (${LETTER_PAGE_SIZE} a page) in order, none twice`, () =>
      withStore(harness, async ({ store }) => {
        const count = LETTER_PAGE_SIZE * 2 + 7;
        // Same acceptance time for pairs, so the ordering's tie-breakers cross page edges too.
        const letters = letterSeries(count, 1, (i) => ({
          acceptanceDateTime: `2014-0${1 + (Math.floor(i / 2) % 9)}-01T10:00:00-05:00`,
          filingDate: `2014-0${1 + (Math.floor(i / 2) % 9)}-01`,
        }));
        for (const letter of letters) await store.upsertLetter(letter);
        const listed = ids(await collect(store.listLetters()));
        const expected = [...letters]
          .sort((a, b) =>
            a.filingDate === b.filingDate
              ? a.accessionNumber.localeCompare(b.accessionNumber)
              : a.filingDate.localeCompare(b.filingDate),
          )
          .map((l) => l.accessionNumber);
        assert.deepEqual(listed, expected);
        assert.equal(await store.countLetters(), count);
      }));

    it('lists only the letters after a position (keyset pages of the read API), with the other filters', () =>
      withStore(harness, async ({ store }) => {
        const letters = [1, 2, 3, 4].map((n) =>
          makeLetter({ accessionNumber: accessionFor(n), acceptanceDateTime: `2014-01-0${n}T12:00:00-05:00` }),
        );
        for (const letter of letters) await store.upsertLetter(letter);
        const [, second] = letters;
        const after = {
          sortKey: letterSortKey(second!.acceptanceDateTime, second!.filingDate),
          filingDate: second!.filingDate,
          accessionNumber: second!.accessionNumber,
        };
        assert.deepEqual(ids(await collect(store.listLetters({ after }))), [accessionFor(3), accessionFor(4)]);
        assert.equal(await store.countLetters({ after, cik: letters[0]!.cik }), 2);
      }));

    it('pages letters as list rows: at most limit, in order, after a position, full text only when asked', () =>
      withStore(harness, async ({ store }) => {
        const letters = [1, 2, 3, 4].map((n) =>
          makeLetter({ accessionNumber: accessionFor(n), acceptanceDateTime: `2014-01-0${n}T12:00:00-05:00` }),
        );
        for (const letter of letters) await store.upsertLetter(letter);
        const rows = await store.pageLetters({}, 3, { text: false });
        assert.deepEqual(
          ids(rows as Letter[]),
          [1, 2, 3].map((n) => accessionFor(n)),
        );
        for (const [i, row] of rows.entries()) {
          const { text, ...stored } = (await store.getLetter(letters[i]!.accessionNumber))!;
          assert.deepEqual(row, stored);
          assert.ok(text.length > 0);
        }
        const [, second] = letters;
        const after = {
          sortKey: letterSortKey(second!.acceptanceDateTime, second!.filingDate),
          filingDate: second!.filingDate,
          accessionNumber: second!.accessionNumber,
        };
        const full = await store.pageLetters({ after }, 10, { text: true });
        assert.deepEqual(full, [await store.getLetter(accessionFor(3)), await store.getLetter(accessionFor(4))]);
      }));

    it("filters by an item's topic and authority (prefix), also after the letter's items change", () =>
      withStore(harness, async ({ store }) => {
        const item = makeLetter().items[0]!;
        const tagged = makeLetter({
          accessionNumber: accessionFor(1),
          items: [{ ...item, topics: ['revenue'], authorities: ['ASC 606-10-25'] }],
        });
        const plain = makeLetter({
          accessionNumber: accessionFor(2),
          items: [{ ...item, topics: [], authorities: [] }],
        });
        await store.upsertLetter(tagged);
        await store.upsertLetter(plain);
        assert.deepEqual(ids(await collect(store.listLetters({ topic: 'revenue' }))), [accessionFor(1)]);
        assert.deepEqual(ids(await collect(store.listLetters({ authority: 'asc  606' }))), [accessionFor(1)]);
        assert.deepEqual(ids(await collect(store.listLetters({ authority: 'ASC 60' }))), []);
        assert.equal(await store.countLetters({ topic: 'revenue', authority: 'ASC 606-10-25' }), 1);
        assert.deepEqual(ids((await store.pageLetters({ topic: 'revenue' }, 5, { text: false })) as Letter[]), [
          accessionFor(1),
        ]);
        await store.upsertLetter({
          ...tagged,
          items: [{ ...item, topics: ['impairment_fair_value'], authorities: [] }],
        });
        assert.deepEqual(ids(await collect(store.listLetters({ topic: 'revenue' }))), []);
        assert.deepEqual(ids(await collect(store.listLetters({ topic: 'impairment_fair_value' }))), [accessionFor(1)]);
        assert.equal(await store.countLetters({ authority: 'ASC 606' }), 0);
      }));

    it('assignThreads sets thread ids that listing, getLetter and filters show', () =>
      withStore(harness, async ({ store }) => {
        for (const letter of letterSeries(3)) await store.upsertLetter(letter);
        await store.assignThreads([
          { accessionNumber: accessionFor(1), threadId: '001-35126/2014-1' },
          { accessionNumber: accessionFor(3), threadId: '001-35126/2014-1' },
          { accessionNumber: accessionFor(77), threadId: 'not-stored' },
        ]);
        assert.equal((await store.getLetter(accessionFor(1)))?.threadId, '001-35126/2014-1');
        assert.equal((await store.getLetter(accessionFor(2)))?.threadId, null);
        const threaded = await collect(store.listLetters({ threadId: '001-35126/2014-1' }));
        assert.deepEqual(ids(threaded), [accessionFor(1), accessionFor(3)]);
        assert.ok(threaded.every((l) => l.threadId === '001-35126/2014-1'));
        assert.equal(await store.countLetters({ threadId: 'not-stored' }), 0);
      }));

    it('a reparsed letter without a thread keeps the thread assigned earlier and is unchanged', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter();
        await store.upsertLetter(letter);
        await store.assignThreads([{ accessionNumber: letter.accessionNumber, threadId: 'review-1' }]);
        assert.equal(await store.upsertLetter({ ...letter, threadId: null }), 'unchanged');
        assert.equal((await store.getLetter(letter.accessionNumber))?.threadId, 'review-1');
        assert.equal(await store.upsertLetter({ ...letter, threadId: 'review-2' }), 'updated');
        assert.equal((await store.getLetter(letter.accessionNumber))?.threadId, 'review-2');
      }));

    it('a changed file number list replaces the old one in file-number filters', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter({ fileNumbers: ['001-35126'] });
        await store.upsertLetter(letter);
        await store.upsertLetter({ ...letter, fileNumbers: ['333-199812'] });
        assert.equal(await store.countLetters({ fileNumber: '001-35126' }), 0);
        assert.equal(await store.countLetters({ fileNumber: '333-199812' }), 1);
      }));

    it('a changed letter keeps the file numbers and terms it still has and drops the others', () =>
      withStore(harness, async ({ store }) => {
        const item = makeLetter().items[0]!;
        const letter = makeLetter({
          fileNumbers: ['001-35126', '333-199812'],
          items: [{ ...item, topics: ['revenue', 'impairment_fair_value'], authorities: ['ASC 606'] }],
        });
        await store.upsertLetter(letter);
        const changed: Letter = {
          ...letter,
          fileNumbers: ['333-199812', '001-40000'],
          items: [{ ...item, topics: ['impairment_fair_value', 'segments'], authorities: [] }],
        };
        assert.equal(await store.upsertLetter(changed), 'updated');
        const count = (filter: Parameters<typeof store.countLetters>[0]) => store.countLetters(filter);
        assert.deepEqual(
          await Promise.all(['001-35126', '333-199812', '001-40000'].map((fileNumber) => count({ fileNumber }))),
          [0, 1, 1],
        );
        assert.deepEqual(
          await Promise.all(
            (['revenue', 'impairment_fair_value', 'segments'] as const).map((topic) => count({ topic })),
          ),
          [0, 1, 1],
        );
        assert.equal(await count({ authority: 'ASC 606' }), 0);
      }));

    it('replacing inferred file numbers keeps, changes, adds and drops them as given', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter({ fileNumbers: [] });
        const a = { fileNumber: '001-35126', via: accessionFor(7), relation: 'answers' } as const;
        const b = { fileNumber: '333-199812', via: accessionFor(8), relation: 'answered-by' } as const;
        const c = { fileNumber: '001-40000', via: accessionFor(9), relation: 'answers' } as const;
        await store.upsertLetter(letter, { inferredFileNumbers: [a, b] });
        const bMoved = { ...b, via: accessionFor(10), relation: 'answers' } as const;
        assert.equal(await store.upsertLetter(letter, { inferredFileNumbers: [bMoved, c] }), 'unchanged');
        assert.deepEqual(await store.listInferredFileNumbers(letter.accessionNumber), [c, bMoved]);
      }));

    it('two store instances upserting the same letters at the same time store each exactly once', () =>
      withStore(harness, async ({ store, openAnother }) => {
        const other = await openAnother();
        const letters = letterSeries(25);
        const outcomes = await Promise.all(
          letters.flatMap((letter) => [store.upsertLetter(letter), other.upsertLetter(structuredClone(letter))]),
        );
        assert.equal(outcomes.filter((o) => o === 'inserted').length, 25);
        assert.equal(outcomes.filter((o) => o === 'unchanged').length, 25);
        assert.equal(await store.countLetters(), 25);
        assert.equal(await other.countLetters(), 25);
        assert.equal((await store.countFilingsByState()).parsed, 25);
      }));

    it('data survives closing the store and opening it again (a resumed run)', () =>
      withStore(harness, async ({ store, openAnother }) => {
        const letters = letterSeries(3);
        for (const letter of letters) await store.upsertLetter(letter);
        await store.setCheckpoint('crawl:latest', 'x');
        await store.close();
        const reopened = await openAnother();
        await reopened.migrate();
        assert.deepEqual(ids(await collect(reopened.listLetters())), ids(letters));
        assert.equal(await reopened.upsertLetter(letters[0]!), 'unchanged');
        assert.equal(await reopened.getCheckpoint('crawl:latest'), 'x');
        assert.equal((await reopened.countFilingsByState()).parsed, 3);
      }));

    it('keeps the file numbers a letter has only through its thread, until told otherwise', () =>
      withStore(harness, async ({ store }) => {
        const letter = makeLetter({ fileNumbers: ['001-35126'] });
        const inferred = { fileNumber: '001-35126', via: accessionFor(7), relation: 'answers' } as const;
        assert.deepEqual(await store.listInferredFileNumbers(letter.accessionNumber), []);
        assert.equal(await store.upsertLetter(letter, { inferredFileNumbers: [inferred] }), 'inserted');
        assert.deepEqual(await store.listInferredFileNumbers(letter.accessionNumber), [inferred]);
        // Stored again without the option (a reparse): kept; with an empty list: dropped.
        assert.equal(await store.upsertLetter(letter), 'unchanged');
        assert.deepEqual(await store.listInferredFileNumbers(letter.accessionNumber), [inferred]);
        await store.upsertLetter(letter, { inferredFileNumbers: [] });
        assert.deepEqual(await store.listInferredFileNumbers(letter.accessionNumber), []);
      }));
  });
}
