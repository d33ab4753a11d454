/**
 * PostgreSQL search snippets of long letters: ts_headline is given the window of the text around the query's first
 * word, not the whole letter, and still highlights the match; a short letter is given whole.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PostgresDocumentStore } from '../../../src/store/postgres-document-store.ts';
import { makeLetter } from '../../fixtures/letters.ts';
import { TEST_POSTGRES_URL, dropSchemas, requireTestPostgres, uniqueSchemaPrefix } from './postgres-test-server.ts';

await requireTestPostgres();
const prefix = uniqueSchemaPrefix('search_snippet');
after(() => dropSchemas(prefix));

describe('PostgreSQL search snippets', () => {
  it('highlight a match deep in a long letter, and the start of a short one', async () => {
    const store = await PostgresDocumentStore.open(TEST_POSTGRES_URL, { schema: `${prefix}_1` });
    try {
      // Distinct filler words, so that only the query's words can be highlighted; the match lies past the window.
      const filler = (from: number) => Array.from({ length: 3000 }, (_, i) => `w${(from + i).toString(36)}`).join(' ');
      const long = makeLetter({ text: `${filler(0)} The quinquennial valuation of the plan. ${filler(5000)}` });
      assert.ok(long.text.length > 2 * 12_000 && long.text.indexOf('quinquennial') > 12_000);
      await store.upsertLetter(long);
      const [hit] = await store.searchLetters('Quinquennial valuation');
      assert.match(hit?.snippet ?? '', /\[quinquennial\] \[valuation\]/i);
    } finally {
      await store.close();
    }
  });
});
