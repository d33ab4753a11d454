import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crawlPass, commitCrawlCursor } from '../../../src/pipeline/crawl-pass.ts';
import { CRAWL_CURSOR_CHECKPOINT } from '../../../src/discover/crawl-plan.ts';
import { createEdgarClient, type EdgarClient } from '../../../src/edgar/client.ts';
import { createEndpoints } from '../../../src/edgar/endpoints.ts';
import { silentLogger } from '../../../src/log.ts';
import type { DocumentStore } from '../../../src/store/document-store.ts';
import { openDocumentStore } from '../../../src/store/open-document-store.ts';
import { makeLetter } from '../../fixtures/letters.ts';
import { startReplica, type Replica } from '../../replica/server.ts';
import { TINY, tinyDataset } from '../../replica/tiny-dataset.ts';

/** Noon in New York on a day (EDT in June). */
const noonOn = (date: string) => new Date(`${date}T16:00:00Z`);

describe('a crawl pass', () => {
  let replica: Replica;
  let client: EdgarClient;
  let store: DocumentStore;

  before(async () => {
    replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: null } });
    client = createEdgarClient({
      config: { userAgent: 'Crawl Tests tests@example.com', ...replica.bases, maxRps: 10, blockCooldownMs: 1000 },
    });
    store = await openDocumentStore('sqlite::memory:');
  });
  after(async () => {
    await store.close();
    await client.close();
    await replica.close();
  });

  const deps = () => ({ client, endpoints: createEndpoints(replica.bases), store, log: silentLogger });
  const accessions = (refs: readonly { accessionNumber: string }[]) => refs.map((r) => r.accessionNumber).sort();

  it('finds letters disseminated long after their filing dates in the daily index and records them', async () => {
    replica.resetTraffic();
    const result = await crawlPass(deps(), { forms: ['CORRESP', 'UPLOAD'], now: noonOn('2020-06-17') });
    assert.deepEqual(accessions(result.refs), [TINY.uploadAccession, TINY.correspAccession].sort());
    assert.deepEqual(
      result.refs.map((ref) => ref.filingDate),
      ['2020-04-20', '2020-05-04'],
      'old filing dates, oldest first',
    );
    assert.ok(result.indexDates.includes(TINY.letterDay));
    assert.equal(result.cursor, '2020-06-17');
    const indexRequests = replica.log.filter((entry) => entry.path.includes('/daily-index/'));
    assert.equal(indexRequests.length, result.indexDates.length, 'one index request per weekday read');
    assert.ok(indexRequests.every((entry) => entry.path.includes('/master.')));
    for (const accession of [TINY.uploadAccession, TINY.correspAccession]) {
      assert.equal((await store.getFiling(accession))?.state, 'discovered');
    }
    assert.equal(await store.getCheckpoint(CRAWL_CURSOR_CHECKPOINT), null, 'the cursor waits for the commit');
    await commitCrawlCursor(store, result);
    assert.equal(await store.getCheckpoint(CRAWL_CURSOR_CHECKPOINT), '2020-06-17');
  });

  it('reads no index again after the cursor and hands over only the letters not done yet', async () => {
    const letter = makeLetter({ accessionNumber: TINY.uploadAccession, form: 'UPLOAD', cik: TINY.cik });
    await store.upsertLetter(letter);
    replica.resetTraffic();
    const result = await crawlPass(deps(), { forms: ['CORRESP', 'UPLOAD'], now: noonOn('2020-06-17') });
    assert.deepEqual(result.indexDates, []);
    assert.equal(replica.log.filter((entry) => entry.path.includes('/daily-index/')).length, 0);
    assert.deepEqual(accessions(result.refs), [TINY.correspAccession], 'the stored UPLOAD is not handed over again');
    assert.equal(result.alreadyDone, 1);
    assert.equal(result.cursor, null, 'nothing new to commit');
  });

  it('keeps only the forms asked for', async () => {
    const result = await crawlPass(deps(), { forms: ['UPLOAD'], now: noonOn('2020-06-17'), since: TINY.letterDay });
    assert.deepEqual(accessions(result.refs), []);
    assert.equal(result.listed, 1);
  });
});
