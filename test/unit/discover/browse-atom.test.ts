import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBrowseFeed } from '../../../src/discover/browse-atom.ts';

// Hand-written in the shape of www.sec.gov/cgi-bin/browse-edgar?...&output=atom answers.
const companyFeed = `<?xml version="1.0" encoding="ISO-8859-1" ?>
  <feed xmlns="http://www.w3.org/2005/Atom">
    <author>
      <email>webmaster@sec.gov</email>
      <name>Webmaster</name>
    </author>
    <company-info>
      <addresses>
        <address type="business">
          <city>BEIJING</city>
          <state>F4</state>
        </address>
      </addresses>
      <assigned-sic>7370</assigned-sic>
      <cik>0001508475</cik>
      <cik-href>https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;CIK=0001508475&amp;owner=exclude&amp;count=40</cik-href>
      <conformed-name>21Vianet Group, Inc.</conformed-name>
      <formerly-names count="1">
        <names>
          <date>2011-03-01</date>
          <name>OLD NAME LTD</name>
        </names>
      </formerly-names>
    </company-info>
    <entry>
      <category label="form type" scheme="https://www.sec.gov/" term="20-F" />
      <content type="text/xml">
        <accession-number>0001193125-13-160000</accession-number>
        <act>34</act>
        <file-number>001-35126</file-number>
        <filing-date>2013-04-19</filing-date>
        <filing-href>https://www.sec.gov/Archives/edgar/data/1508475/000119312513160000/0001193125-13-160000-index.htm</filing-href>
        <filing-type>20-F</filing-type>
      </content>
      <id>urn:tag:sec.gov,2008:accession-number=0001193125-13-160000</id>
      <link href="https://www.sec.gov/Archives/edgar/data/1508475/000119312513160000/0001193125-13-160000-index.htm" rel="alternate" type="text/html" />
      <title>20-F  - Annual report</title>
      <updated>2013-04-19T06:02:11-04:00</updated>
    </entry>
    <entry>
      <category label="form type" scheme="https://www.sec.gov/" term="UPLOAD" />
      <content type="text/xml">
        <accession-number>0000000000-13-071234</accession-number>
        <filing-date>2013-12-17</filing-date>
        <filing-type>UPLOAD</filing-type>
        <form-name>SEC-generated letter</form-name>
        <paper_filing>[Cover]</paper_filing>
      </content>
      <id>urn:tag:sec.gov,2008:accession-number=0000000000-13-071234</id>
      <link href="https://www.sec.gov/Archives/edgar/data/1508475/000000000013071234/0000000000-13-071234-index.htm" rel="alternate" type="text/html" />
      <title>UPLOAD [Cover] - SEC-generated letter</title>
      <updated>2013-12-17T17:30:06-05:00</updated>
    </entry>
    <id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;filenum=001-35126</id>
    <link href="https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;filenum=001-35126&amp;start=40&amp;count=40&amp;output=atom" rel="next" type="application/atom+xml" />
    <title>21Vianet Group, Inc.  (0001508475)</title>
  </feed>`;

const companyList = `<?xml version="1.0" encoding="ISO-8859-1" ?>
  <feed xmlns="http://www.w3.org/2005/Atom">
    <entry>
      <content type="text/xml">
        <company-info>
          <cik>0000037912</cik>
          <last-date>2012-04-05</last-date>
          <name>PARENT CO</name>
        </company-info>
      </content>
      <id>urn:tag:www.sec.gov:cik=0000037912</id>
      <title>PARENT CO</title>
    </entry>
    <entry>
      <content type="text/xml">
        <company-info>
          <cik>0000930309</cik>
          <name>PARENT CO FINANCE SUB</name>
        </company-info>
      </content>
      <title>PARENT CO FINANCE SUB</title>
    </entry>
  </feed>`;

const latest = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Latest Filings - Tue, 03 Jun 2025 10:00:00 EDT</title>
<entry>
<title>UPLOAD - Example Therapeutics, Inc. (0001786205) (Filed for)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/1786205/000000000025005188/0000000000-25-005188-index.htm"/>
<summary type="html">
 &lt;b&gt;Filed:&lt;/b&gt; 2025-05-16 &lt;b&gt;AccNo:&lt;/b&gt; 0000000000-25-005188 &lt;b&gt;Size:&lt;/b&gt; 60 KB
</summary>
<updated>2025-06-03T09:58:00-04:00</updated>
<category scheme="https://www.sec.gov/" label="form type" term="UPLOAD"/>
<id>urn:tag:sec.gov,2008:accession-number=0000000000-25-005188</id>
</entry>
<entry>
<title>CORRESP - Other Co (0000001234) (Filer)</title>
<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/1234/000123456725000001/0001234567-25-000001-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2025-06-02 &lt;b&gt;AccNo:&lt;/b&gt; 0001234567-25-000001</summary>
<category scheme="https://www.sec.gov/" label="form type" term="CORRESP"/>
<id>urn:tag:sec.gov,2008:accession-number=0001234567-25-000001</id>
</entry>
</feed>`;

describe('browse-edgar Atom', () => {
  it('reads the company feed: the CIK of <company-info>, filing entries and the next page', () => {
    const feed = parseBrowseFeed(companyFeed);
    assert.equal(feed.kind, 'company');
    assert.deepEqual(feed.companies, [{ cik: '1508475', name: '21Vianet Group, Inc.' }]);
    assert.deepEqual(feed.filings[0], {
      accessionNumber: '0001193125-13-160000',
      form: '20-F',
      filingDate: '2013-04-19',
      fileNumber: '001-35126',
      cik: '1508475',
      companyName: null,
      updated: '2013-04-19T06:02:11-04:00',
    });
    assert.equal(feed.filings[1]!.form, 'UPLOAD');
    assert.equal(feed.filings[1]!.fileNumber, null);
    assert.match(feed.nextUrl ?? '', /start=40/);
  });

  it('reads the company-list variant: one CIK per entry', () => {
    const feed = parseBrowseFeed(companyList);
    assert.equal(feed.kind, 'company-list');
    assert.deepEqual(feed.companies, [
      { cik: '37912', name: 'PARENT CO' },
      { cik: '930309', name: 'PARENT CO FINANCE SUB' },
    ]);
    assert.deepEqual(feed.filings, []);
  });

  it('reads the latest-filings feed from titles, links and summaries', () => {
    const feed = parseBrowseFeed(latest);
    assert.equal(feed.kind, 'filings');
    assert.deepEqual(
      feed.filings.map((f) => [f.accessionNumber, f.form, f.cik, f.companyName, f.filingDate]),
      [
        ['0000000000-25-005188', 'UPLOAD', '1786205', 'Example Therapeutics, Inc.', '2025-05-16'],
        ['0001234567-25-000001', 'CORRESP', '1234', 'Other Co', '2025-06-02'],
      ],
    );
  });

  it('reads an HTML "no matching" page or an empty feed as no companies', () => {
    assert.equal(parseBrowseFeed('<html><body><h1>No matching file number.</h1></body></html>').kind, 'empty');
    const empty = parseBrowseFeed(
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
    );
    assert.equal(empty.kind, 'empty');
    assert.deepEqual(empty.companies, []);
  });

  it('tolerates a truncated feed and keeps what it could read', () => {
    const cut = companyFeed.slice(0, companyFeed.indexOf('<filing-type>UPLOAD'));
    const feed = parseBrowseFeed(cut);
    assert.deepEqual(
      feed.companies.map((c) => c.cik),
      ['1508475'],
    );
    assert.equal(feed.filings[0]!.accessionNumber, '0001193125-13-160000');
  });
});
