import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeResolution,
  filersInHits,
  lettersInHits,
  routeDisagreement,
  type FileNumberResolution,
} from '../../../src/discover/file-number-routes.ts';
import { FULL_TEXT_WINDOW, MAX_HITS, parseFullTextSearch } from '../../../src/discover/full-text-search.ts';
import { EdgarBadResponseError } from '../../../src/errors.ts';
import { eftsAnswer, eftsHit } from '../../fixtures/efts.ts';

const FN = '001-35126';
const SOURCE = 'https://efts.sec.gov/LATEST/search-index?q=%22001-35126%22';

const annual = eftsHit({
  adsh: '0001104659-17-024001',
  ciks: ['1508475'],
  form: '20-F',
  fileDate: '2017-04-20',
  fileNumbers: [FN],
  document: 'tm1712345d1_20f.htm',
});
const ownerReport = eftsHit({
  adsh: '0001326389-17-000789',
  ciks: ['1326389', '1508475'],
  form: '4',
  fileDate: '2017-05-15',
  fileNumbers: [FN],
  document: 'primary_doc.xml',
});
const citingOther = eftsHit({
  adsh: '0001213900-17-001122',
  ciks: ['1700001'],
  form: '8-K',
  fileDate: '2017-06-01',
  fileNumbers: ['001-40380'],
});
const response = eftsHit({
  adsh: '0001104659-17-046512',
  ciks: ['1508475'],
  form: 'CORRESP',
  fileDate: '2017-07-18',
});
const underwriters = eftsHit({
  adsh: '0001700002-11-000001',
  ciks: ['1700002'],
  form: 'CORRESP',
  fileDate: '2011-04-19',
});

describe('full-text search answers', () => {
  it('reads each hit: accession, CIKs without zeros, file numbers, form, root forms, filing date, document', () => {
    const page = parseFullTextSearch(eftsAnswer({ q: FN, hits: [annual, ownerReport] }), SOURCE);
    assert.deepEqual(page.hits[0], {
      accessionNumber: '0001104659-17-024001',
      ciks: ['1508475'],
      fileNumbers: [FN],
      form: '20-F',
      rootForms: ['20-F'],
      filingDate: '2017-04-20',
      document: 'tm1712345d1_20f.htm',
    });
    assert.deepEqual(page.hits[1]!.ciks, ['1326389', '1508475']);
    assert.equal(page.total, 2);
    assert.equal(page.totalIsLowerBound, false);
    assert.equal(page.nextFrom, null);
    assert.deepEqual(page.warnings, []);
  });

  it('pages by hits read until the total, and never past the 10,000-hit window', () => {
    const first = parseFullTextSearch(eftsAnswer({ q: FN, hits: [annual, response], total: 5 }), SOURCE, 0);
    assert.equal(first.nextFrom, 2);
    const last = parseFullTextSearch(eftsAnswer({ q: FN, hits: [annual], total: 5, from: 4 }), SOURCE, 4);
    assert.equal(last.nextFrom, null);
    const capped = parseFullTextSearch(
      eftsAnswer({ q: FN, hits: [annual, response], total: 10_000, relation: 'gte', from: 9_998 }),
      SOURCE,
      FULL_TEXT_WINDOW - 2,
    );
    assert.equal(capped.totalIsLowerBound, true);
    assert.equal(capped.nextFrom, null);
    // An empty page ends the paging, whatever the total claims.
    assert.equal(parseFullTextSearch(eftsAnswer({ q: FN, hits: [], total: 50 }), SOURCE, 10).nextFrom, null);
  });

  it('pages from the `from` asked, not from an echo that does not move', () => {
    const page = parseFullTextSearch(eftsAnswer({ q: FN, hits: [annual], total: 9, from: 0 }), SOURCE, 3);
    assert.equal(page.from, 3);
    assert.equal(page.nextFrom, 4);
    assert.match(page.warnings[0]!, /echoes from=0, 3 was asked/);
  });

  it('drops unusable hits with a warning naming them, and keeps the rest', () => {
    const broken = [
      { ...annual, _source: { ...annual._source, adsh: 'nope' }, _id: 'nope:x.htm' },
      { ...annual, _source: { ...annual._source, ciks: ['x', 12] } },
      { ...annual, _source: { ...annual._source, form: '<script>' } },
      { _index: 'edgar_file' },
    ];
    const page = parseFullTextSearch(eftsAnswer({ q: FN, hits: [...broken, response] }), SOURCE);
    assert.deepEqual(
      page.hits.map((h) => h.accessionNumber),
      ['0001104659-17-046512'],
    );
    assert.equal(page.warnings.length, 4);
    assert.match(page.warnings[0]!, /without a valid adsh/);
    assert.match(page.warnings[1]!, /names no valid CIK/);
    assert.match(page.warnings[2]!, /no valid form/);
    assert.match(page.warnings[3]!, /without _source/);
  });

  it('reads at most MAX_HITS hits of a page, and the next page starts after the last one read', () => {
    const many = Array.from({ length: MAX_HITS + 5 }, () => response);
    const page = parseFullTextSearch(eftsAnswer({ q: FN, hits: many, total: 5000 }), SOURCE);
    assert.equal(page.hits.length, MAX_HITS);
    assert.equal(page.nextFrom, MAX_HITS);
    assert.match(page.warnings[0]!, /only 1000 read/);
  });

  it('refuses a body that is not a search answer with a typed error naming the URL', () => {
    for (const body of [null, [], 'text', { hits: {} }, { hits: { hits: [] } }, { hits: { hits: [], total: -1 } }]) {
      assert.throws(
        () => parseFullTextSearch(body, SOURCE),
        (e: unknown) => e instanceof EdgarBadResponseError && e.message.includes(SOURCE),
      );
    }
    // An older answer's bare-number total reads too.
    assert.equal(parseFullTextSearch({ hits: { total: 0, hits: [] } }, SOURCE).total, 0);
  });
});

describe('file number routes', () => {
  it('names as filers the CIKs of hits whose own file numbers carry the number, owners of ownership reports left out', () => {
    assert.deepEqual(
      filersInHits(
        parseFullTextSearch(eftsAnswer({ q: FN, hits: [ownerReport, citingOther, annual] }), SOURCE).hits,
        FN,
      ),
      ['1508475'],
    );
  });

  it('lists the letters among the hits once each, inside the window, under the filer CIK', () => {
    const hits = parseFullTextSearch(
      eftsAnswer({ q: FN, hits: [response, response, underwriters, annual] }),
      SOURCE,
    ).hits;
    const all = lettersInHits(hits, ['CORRESP', 'UPLOAD'], { since: null, until: null });
    assert.deepEqual(
      all.map((r) => [r.accessionNumber, r.cik, r.form, r.filingDate]),
      [
        ['0001104659-17-046512', '1508475', 'CORRESP', '2017-07-18'],
        ['0001700002-11-000001', '1700002', 'CORRESP', '2011-04-19'],
      ],
    );
    assert.equal(lettersInHits(hits, ['CORRESP'], { since: '2012-01-01', until: null }).length, 1);
    assert.equal(lettersInHits(hits, ['UPLOAD'], { since: null, until: null }).length, 0);
  });

  const resolution = (over: Partial<FileNumberResolution>): FileNumberResolution => ({
    fileNumber: FN,
    route: 'browse-edgar',
    browseEdgar: { ciks: ['1508475'], problem: null },
    fullTextSearch: null,
    textOnlyLetters: 0,
    ...over,
  });

  it('says which route answered, why the other was asked, and the letters found only by text', () => {
    assert.deepEqual(describeResolution(resolution({})), [`file number ${FN}: resolved by browse-edgar (CIK 1508475)`]);
    assert.deepEqual(
      describeResolution(
        resolution({
          route: 'full-text-search',
          browseEdgar: { ciks: [], problem: 'EDGAR_UNAVAILABLE: HTTP 500' },
          fullTextSearch: { ciks: ['1508475'], problem: null },
          textOnlyLetters: 2,
        }),
      ),
      [
        `file number ${FN}: resolved by full-text search (CIK 1508475); browse-edgar: EDGAR_UNAVAILABLE: HTTP 500; 2 letters found only by their text`,
      ],
    );
  });

  it('names the CIKs only one route named when both answered differently, and nothing when they agree', () => {
    const disagreeing = resolution({
      route: 'full-text-search',
      browseEdgar: { ciks: ['1700002'], problem: 'no CIK it names has a filing carrying the number' },
      fullTextSearch: { ciks: ['1508475'], problem: null },
    });
    assert.deepEqual(routeDisagreement(disagreeing), { onlyBrowseEdgar: ['1700002'], onlyFullTextSearch: ['1508475'] });
    assert.equal(
      describeResolution(disagreeing)[1],
      `file number ${FN}: the routes disagree: CIK 1700002 only by browse-edgar, CIK 1508475 only by full-text search`,
    );
    const agreeing = resolution({ fullTextSearch: { ciks: ['1508475'], problem: null } });
    assert.equal(routeDisagreement(agreeing), null);
    // A route that named nothing (failed) does not disagree: it did not answer.
    assert.equal(
      routeDisagreement(
        resolution({ browseEdgar: { ciks: [], problem: 'x' }, fullTextSearch: { ciks: ['1'], problem: null } }),
      ),
      null,
    );
  });
});
