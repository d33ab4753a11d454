import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { parseBrowseFeed } from '../../src/discover/browse-atom.ts';
import { parseFullTextSearch } from '../../src/discover/full-text-search.ts';
import { createEndpoints } from '../../src/edgar/endpoints.ts';
import { startReplica, type Replica } from './server.ts';
import { TINY, tinyDataset } from './tiny-dataset.ts';
import { peakInWindow } from './traffic.ts';

const UA = { 'user-agent': 'Replica Tests tests@example.com' };

describe('EDGAR replica formats', () => {
  let replica: Replica;
  let edgar: ReturnType<typeof createEndpoints>;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { headers: { ...UA, 'accept-encoding': 'identity', ...headers } });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  before(async () => {
    replica = await startReplica({
      dataset: tinyDataset(5),
      limits: { maxRps: null },
      recentLimit: 4,
      pageSize: 3,
      today: '2020-08-12',
    });
    edgar = createEndpoints(replica.bases);
  });
  after(() => replica.close());

  it('serves submissions JSON with recent rows capped and the rest in overflow pages without a wrapper', async () => {
    const main = JSON.parse((await get(edgar.submissions(TINY.cik))).text);
    assert.equal(main.cik, '0001234567');
    assert.equal(main.filings.recent.accessionNumber.length, 4);
    assert.equal(main.filings.recent.form[0], 'CORRESP');
    assert.equal(main.filings.recent.fileNumber[0], '', 'CORRESP rows carry no file number');
    assert.match(main.filings.recent.acceptanceDateTime[0], /^2020-05-04T09:30:15\.000Z$/);
    const files = main.filings.files as { name: string; filingCount: number }[];
    assert.deepEqual(
      files.map((file) => file.filingCount),
      [3, 2],
    );
    assert.equal(files[0]!.name, 'CIK0001234567-submissions-001.json');
    const page = JSON.parse((await get(edgar.submissionsPage(files[1]!.name))).text);
    assert.equal(page.filings, undefined);
    assert.equal(page.accessionNumber.length, 2);
    assert.equal((await get(edgar.submissionsPage('CIK0001234567-submissions-009.json'))).status, 404);
  });

  it('lists a co-registrant filing under both filers', async () => {
    const co = JSON.parse((await get(edgar.submissions(TINY.coRegistrantCik))).text);
    assert.deepEqual(co.filings.recent.accessionNumber, [TINY.correspAccession]);
    assert.equal((await get(edgar.submissionText(TINY.coRegistrantCik, TINY.correspAccession))).status, 200);
    assert.equal((await get(edgar.submissionText('999', TINY.correspAccession))).status, 404);
  });

  it('pages the company Atom feed with rel="next" and filters by form type', async () => {
    const first = await get(edgar.browseByCik(TINY.cik, { count: 4 }));
    assert.match(first.text, /^<\?xml version="1\.0" encoding="ISO-8859-1" \?>/);
    assert.equal(first.text.match(/<entry>/g)!.length, 4);
    assert.match(first.text, /<paper_filing>\[Cover\]<\/paper_filing>/);
    const next = /<link href="([^"]+)" rel="next"/.exec(first.text)![1]!.replace(/&amp;/g, '&');
    assert.match(next, /start=4/);
    const last = await get(edgar.browseByCik(TINY.cik, { start: 8, count: 4 }));
    assert.equal(last.text.match(/<entry>/g)!.length, 1);
    assert.doesNotMatch(last.text, /rel="next"/);
    const letters = await get(edgar.browseByCik(TINY.cik, { type: 'CORRESP' }));
    assert.equal(letters.text.match(/<entry>/g)!.length, 1);
    assert.doesNotMatch(letters.text, /<file-number>/, 'CORRESP entries carry no file number');
  });

  it('answers a file-number query like a CIK query, or as the company list when asked', async () => {
    const byNumber = await get(edgar.browseByFileNumber(TINY.fileNumber));
    assert.match(byNumber.text, /<company-info>\s*<assigned-sic>/);
    assert.match(byNumber.text, /<cik>0001234567<\/cik>/);
    const listing = await startReplica({ dataset: tinyDataset(), limits: { maxRps: null }, fileNumberAsList: true });
    try {
      const list = await get(createEndpoints(listing.bases).browseByFileNumber(TINY.fileNumber));
      assert.match(list.text, /<title>Company Search Feed<\/title>/);
      assert.match(list.text, /<entry>\s*<content type="text\/xml">\s*<company-info>\s*<cik>0001234567<\/cik>/);
    } finally {
      await listing.close();
    }
  });

  it('lists the latest filings of a form, one entry per filer', async () => {
    const feed = await get(edgar.latestFilings('CORRESP'));
    assert.equal(feed.text.match(/<entry>/g)!.length, 2);
    assert.match(feed.text, /<title>CORRESP - Example Holdings Ltd \(0001234567\) \(Filer\)<\/title>/);
  });

  it('serves the complete submission bytes exactly, index.json and the -index.htm page', async () => {
    const filing = tinyDataset().companies[0]!.filings.find((f) => f.accessionNumber === TINY.uploadAccession)!;
    const response = await fetch(edgar.submissionText(TINY.cik, TINY.uploadAccession), { headers: UA });
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), filing.submissionText);
    const index = JSON.parse((await get(edgar.filingIndexJson(TINY.cik, TINY.uploadAccession))).text);
    assert.equal(index.directory.name, '/Archives/edgar/data/1234567/000000000020000123');
    assert.ok(index.directory.item.some((item: { name: string }) => item.name === 'filename1.pdf'));
    const page = await get(edgar.filingIndexHtml(TINY.cik, TINY.uploadAccession));
    assert.match(page.text, /<strong>Form UPLOAD<\/strong> - SEC-generated letter/);
    assert.match(page.text, /Complete submission text file/);
  });

  it('writes daily index files in EDGAR fixed widths, listing letters on the day they were disseminated', async () => {
    const company = (await get(edgar.dailyIndex('company', TINY.letterDay))).text.split('\n');
    assert.equal(company[0], 'Description:           Daily Index of EDGAR Dissemination Feed by Company Name');
    assert.equal(company[1], 'Last Data Received:    Jun 15, 2020');
    const rows = company.slice(11).filter((line) => line !== '');
    assert.equal(rows.length, 3);
    for (const row of rows) assert.equal(row.length, 150);
    assert.equal(rows[1]!.slice(62, 74), 'CORRESP     ');
    assert.equal(rows[1]!.slice(86, 98), '20200504    ', 'the filing date, older than the index date');
    const form = (await get(edgar.dailyIndex('form', TINY.letterDay))).text.split('\n');
    assert.match(form[10]!, /^CORRESP {5}Example Holdings Finance Sub Ltd/);
    const master = (await get(edgar.dailyIndex('master', TINY.letterDay))).text;
    assert.match(
      master,
      /\n1234567\|Example Holdings Ltd\|UPLOAD\|20200420\|edgar\/data\/1234567\/0000000000-20-000123\.txt\n/,
    );
    const crawler = (await get(edgar.dailyIndex('crawler', TINY.letterDay))).text.split('\n');
    assert.equal(crawler.slice(10).filter((line) => line !== '')[0]!.length, 98 + 86);
    assert.equal((await get(edgar.dailyIndex('form', '2020-06-14'))).status, 404, 'no index on a Sunday');
    assert.equal((await get(edgar.dailyIndex('form', '2020-06-16'))).text.split('\n').length, 11, 'a quiet weekday');
  });

  it('writes the quarterly full index: master pipes by CIK, form.idx fixed width, gzip, listing, 404 ahead', async () => {
    const base = `${replica.url}/Archives/edgar/full-index`;
    const master = await get(`${base}/2020/QTR2/master.idx`);
    assert.equal(master.status, 200);
    const lines = master.text.split('\n');
    assert.deepEqual(lines.slice(0, 11), [
      'Description:           Master Index of EDGAR Dissemination Feed',
      'Last Data Received:    June 30, 2020',
      'Comments:              webmaster@sec.gov',
      'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
      'Cloud HTTP:            https://www.sec.gov/Archives/',
      '',
      '',
      '',
      '',
      'CIK|Company Name|Form Type|Date Filed|Filename',
      '-'.repeat(80),
    ]);
    // Letters filed in Q2 and disseminated in June; the co-registrant lists the CORRESP too.
    assert.deepEqual(lines.slice(11, -1), [
      `${TINY.cik}|Example Holdings Ltd|CORRESP|2020-05-04|edgar/data/${TINY.cik}/${TINY.correspAccession}.txt`,
      `${TINY.cik}|Example Holdings Ltd|UPLOAD|2020-04-20|edgar/data/${TINY.cik}/${TINY.uploadAccession}.txt`,
      `${TINY.coRegistrantCik}|Example Holdings Finance Sub Ltd|CORRESP|2020-05-04|edgar/data/${TINY.coRegistrantCik}/${TINY.correspAccession}.txt`,
    ]);
    const form = (await get(`${base}/2020/QTR1/form.idx`)).text.split('\n');
    assert.equal(form[1], 'Last Data Received:    March 31, 2020');
    assert.equal(
      form[9],
      'Form Type   Company Name                                                  CIK         Date Filed  File Name',
    );
    assert.equal(form[11]!.slice(0, 12), '20-F        ');
    assert.equal(form[11]!.slice(74, 98), `${TINY.cik}     2020-03-30  `);
    const gz = await fetch(`${base}/2020/QTR2/master.gz`, { headers: { ...UA, 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-type'), 'application/x-gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('latin1'), master.text);
    const current = await get(`${base}/2020/QTR3/master.idx`);
    assert.match(current.text, /^Last Data Received: {4}August 12, 2020$/m);
    assert.equal(current.text.split('\n').length, 12, 'an empty quarter has its headers alone');
    assert.equal((await get(`${base}/2020/QTR4/master.idx`)).status, 404, 'a quarter not started yet');
    const listing = (await get(`${base}/2020/QTR2/index.json`)).text;
    assert.match(
      listing,
      /^\{"directory":\{"item":\[\{"last-modified":"06\\\/30\\\/2020 10:12:32 PM","name":"company\.gz"/,
    );
    assert.match(listing, /"name":"full-index\\\/2020\\\/QTR2\\\/","parent-dir":"\.\.\\\/"\}\}$/);
    assert.equal((await get(`${base}/2020/QTR4/index.json`)).status, 404);
  });

  it('answers full-text search in the Elasticsearch shape, filtered by form and CIK', async () => {
    const url = edgar.fullTextSearch({ q: '"staff comment letter"', forms: 'CORRESP,UPLOAD', ciks: '0007654321' });
    const answer = JSON.parse((await get(url)).text);
    assert.equal(answer.hits.total.value, 1);
    assert.equal(answer.hits.hits[0]._source.adsh, TINY.correspAccession);
    assert.equal(answer.hits.hits[0]._id, `${TINY.correspAccession}:filename1.htm`);
    const none = JSON.parse((await get(edgar.fullTextSearch({ q: 'reviewed', forms: 'CORRESP' }))).text);
    assert.equal(none.hits.total.value, 0);
  });

  it('answers a file number search the project parses, echoing the page asked', async () => {
    const url = edgar.fileNumberSearch(TINY.fileNumber, { from: 0 });
    const answer = JSON.parse((await get(url)).text);
    assert.equal(answer.query.from, 0);
    assert.equal(answer.query.size, 100);
    const page = parseFullTextSearch(answer, url, 0);
    assert.deepEqual(page.warnings, []);
    assert.ok(page.hits.length > 0 && page.hits.every((hit) => hit.ciks.includes(TINY.cik)));
  });

  it('answers a browse-edgar fault of a file number: 500, an empty feed, garbage', async () => {
    const url = edgar.browseByFileNumber(TINY.fileNumber);
    replica.injectFault({ path: 'filenum=', kind: '500' });
    assert.equal((await get(url)).status, 500);
    replica.injectFault({ path: 'filenum=', kind: 'empty-feed' });
    const empty = await get(url);
    assert.equal(empty.status, 200);
    assert.equal(parseBrowseFeed(empty.text).kind, 'empty');
    replica.injectFault({ path: 'filenum=', kind: 'garbage' });
    const garbage = await get(url);
    assert.equal(garbage.status, 200);
    assert.equal(parseBrowseFeed(garbage.text).kind, 'empty');
    assert.equal(parseBrowseFeed((await get(url)).text).companies[0]?.cik, TINY.cik, 'faults spent: the real answer');
  });

  it('maps tickers to CIKs in company_tickers.json', async () => {
    assert.deepEqual(JSON.parse((await get(edgar.companyTickers())).text), {
      0: { cik_str: 1234567, ticker: 'EXH', title: 'Example Holdings Ltd' },
    });
  });

  it('gzips when asked, and honours If-None-Match and If-Modified-Since on Archives', async () => {
    const response = await fetch(edgar.submissionText(TINY.cik, TINY.correspAccession), {
      headers: { ...UA, 'accept-encoding': 'gzip' },
    });
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    const etag = response.headers.get('etag')!;
    const lastModified = response.headers.get('last-modified')!;
    assert.equal(
      (await get(edgar.submissionText(TINY.cik, TINY.correspAccession), { 'if-none-match': etag })).status,
      304,
    );
    assert.equal(
      (await get(edgar.submissionText(TINY.cik, TINY.correspAccession), { 'if-modified-since': lastModified })).status,
      304,
    );
    assert.equal(
      (
        await get(edgar.submissionText(TINY.cik, TINY.correspAccession), {
          'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT',
        })
      ).status,
      200,
    );
  });
});

describe('EDGAR replica manners', () => {
  it('refuses a request without a declared User-Agent with the undeclared-tool page', async () => {
    const replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: null } });
    try {
      const response = await fetch(`${replica.url}/files/company_tickers.json`, {
        headers: { 'user-agent': 'python-requests/2.31' },
      });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /Undeclared Automated Tool/);
      assert.equal(replica.stats().undeclared, 1);
    } finally {
      await replica.close();
    }
  });

  it('blocks a client over the per-second limit with the rate-limit page and lengthens the block while it keeps sending', async () => {
    const replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: 3, blockMs: 300 } });
    const url = `${replica.url}/files/company_tickers.json`;
    const status = async () => (await fetch(url, { headers: UA })).status;
    try {
      const burst = [];
      for (let i = 0; i < 4; i++) burst.push(await status());
      assert.deepEqual(burst, [200, 200, 200, 403]);
      const page = await (await fetch(url, { headers: UA })).text();
      assert.match(page, /Exceeded the SEC’s Traffic Limit/);
      // Keep knocking during the block: each request pushes its end back.
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        assert.equal(await status(), 403, `knock ${i}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal(await status(), 200);
      assert.ok(replica.stats().throttled >= 6);
    } finally {
      await replica.close();
    }
  });

  it('answers 429 instead of 403 when configured so', async () => {
    const replica = await startReplica({
      dataset: tinyDataset(),
      limits: { maxRps: 1, blockMs: 100, throttleStatus: 429 },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 2; i++)
        statuses.push((await fetch(`${replica.url}/files/company_tickers.json`, { headers: UA })).status);
      assert.deepEqual(statuses, [200, 429]);
    } finally {
      await replica.close();
    }
  });

  it('counts the peak of arrivals in any half-open sliding second', () => {
    assert.equal(peakInWindow([0, 999.9, 1000, 1999.9]), 2);
    assert.equal(peakInWindow([0, 100, 200, 999, 1000]), 4);
    assert.equal(peakInWindow([]), 0);
  });
});

describe('EDGAR replica streamed submissions', () => {
  it('streams a submission too large to hold, with its size as Content-Length and no gzip', async () => {
    const base = tinyDataset();
    const company = base.companies[0]!;
    const huge = { ...company.filings[0]!, accessionNumber: '0001234567-21-000999', submissionText: new Uint8Array(0) };
    const chunk = new Uint8Array(256 * 1024).fill(65);
    const streamed = {
      ...huge,
      submissionStream: {
        size: 8 * chunk.length,
        *chunks() {
          for (let i = 0; i < 8; i++) yield chunk;
        },
      },
    };
    const dataset = {
      companies: [{ ...company, filings: [...company.filings, streamed] }, ...base.companies.slice(1)],
    };
    const replica = await startReplica({ dataset, limits: { maxRps: null } });
    try {
      const url = createEndpoints(replica.bases).submissionText(TINY.cik, streamed.accessionNumber);
      const response = await fetch(url, { headers: { ...UA, 'accept-encoding': 'gzip' } });
      assert.equal(response.headers.get('content-length'), String(8 * chunk.length));
      assert.equal(response.headers.get('content-encoding'), null);
      assert.equal((await response.arrayBuffer()).byteLength, 8 * chunk.length);
      const main = JSON.parse(
        await (await fetch(createEndpoints(replica.bases).submissions(TINY.cik), { headers: UA })).text(),
      );
      const row = main.filings.recent.accessionNumber.indexOf(streamed.accessionNumber);
      assert.equal(main.filings.recent.size[row], 8 * chunk.length);
    } finally {
      await replica.close();
    }
  });
});

describe('EDGAR replica hostile faults', () => {
  /** The raw answer, bytes as sent (fetch would decode them), and when each chunk came. */
  const raw = (url: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer; chunkTimes: number[] }>((resolve, reject) => {
      request(url, { headers: UA }, (res) => {
        const chunks: Buffer[] = [];
        const chunkTimes: number[] = [];
        res.on('data', (chunk: Buffer) => (chunks.push(chunk), chunkTimes.push(performance.now())));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks), chunkTimes }));
      })
        .on('error', reject)
        .end();
    });

  it('serves gzip, zlib-deflate and raw-deflate bombs: a small body that inflates to the size asked', async () => {
    const replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: null } });
    try {
      const url = createEndpoints(replica.bases).submissionText(TINY.cik, TINY.correspAccession);
      const inflatedBytes = 8 * 1024 * 1024;
      for (const [kind, encoding, inflate] of [
        ['gzip-bomb', 'gzip', gunzipSync],
        ['deflate-bomb', 'deflate', inflateSync],
        ['raw-deflate-bomb', 'deflate', inflateRawSync],
      ] as const) {
        replica.injectFault({ path: TINY.correspAccession, kind, inflatedBytes });
        const answer = await raw(url);
        assert.equal(answer.headers['content-encoding'], encoding, kind);
        assert.ok(answer.body.length < inflatedBytes / 100, `${kind}: ${answer.body.length} bytes sent`);
        assert.equal(inflate(answer.body).length, inflatedBytes, kind);
      }
      assert.deepEqual(
        replica.log.map((entry) => entry.fault),
        ['gzip-bomb', 'deflate-bomb', 'raw-deflate-bomb'],
      );
    } finally {
      await replica.close();
    }
  });

  it('drips a body one byte at a time, each after the delay asked', async () => {
    const replica = await startReplica({ dataset: tinyDataset(), limits: { maxRps: null } });
    try {
      const url = `${replica.url}/files/company_tickers.json`;
      const whole = (await raw(url)).body;
      replica.injectFault({ path: 'company_tickers.json', kind: 'drip-body', delayMs: 2 });
      const started = performance.now();
      const dripped = await raw(url);
      assert.deepEqual(dripped.body, whole);
      // Timers never fire early: the last byte cannot leave before (bytes - 1) delays.
      const took = dripped.chunkTimes.at(-1)! - started;
      assert.ok(took >= (whole.length - 1) * 2, `${whole.length} bytes in ${took.toFixed(0)} ms`);
      assert.ok(dripped.chunkTimes.length > 1, 'sent in pieces');
    } finally {
      await replica.close();
    }
  });
});
