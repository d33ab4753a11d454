/**
 * browse-edgar Atom feeds as EDGAR writes them (ISO-8859-1 declaration, two-space indent, elements of an
 * entry's content in alphabetical order): the company feed (`action=getcompany&CIK=`), the company-list feed
 * (several companies match, e.g. a file number shared by co-registrants) and the flatter latest-filings
 * feed (`action=getcurrent`). CORRESP/UPLOAD entries carry no act, file number or film number, as on EDGAR.
 */
import { padCik } from '../../../src/identifiers.ts';
import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import { easternNow, escapeXml, humanSize, submissionSize, type ListedFiling } from '../catalog.ts';

const FORM_NAMES: Record<string, string> = {
  CORRESP: 'Correspondence',
  UPLOAD: 'SEC-generated letter',
  '10-K': 'Annual report [Section 13 and 15(d), not S-K Item 405]',
  '10-Q': 'Quarterly report [Sections 13 or 15(d)]',
  '20-F': 'Annual and transition report of foreign private issuers [Sections 13 or 15(d)]',
  '6-K': 'Current report of foreign issuer pursuant to Rules 13a-16 and 15d-16',
  '8-K': 'Current report',
  'F-1': 'Registration statement for securities of certain foreign private issuers',
  'S-1': 'General form for registration of securities under the Securities Act of 1933',
};
const LETTER_FORMS = new Set(['CORRESP', 'UPLOAD']);

const formName = (form: string): string => FORM_NAMES[form.replace(/\/A$/, '')] ?? form;

/** EDGAR's `type=` filter matches form types by prefix ("10-K" also lists "10-K/A"). */
export function matchesType(form: string, type: string): boolean {
  return type === '' || form.toUpperCase().startsWith(type.toUpperCase());
}

function filingHref(www: string, cik: string, filing: ReplicaFiling): string {
  const folder = filing.accessionNumber.replace(/-/g, '');
  return `${www}/Archives/edgar/data/${cik}/${folder}/${filing.accessionNumber}-index.htm`;
}

function companyEntry(www: string, cik: string, filing: ReplicaFiling, count: number): string {
  const href = escapeXml(filingHref(www, cik, filing));
  const size = humanSize(submissionSize(filing));
  const letter = LETTER_FORMS.has(filing.form);
  const amend = filing.form.endsWith('/A');
  const content = [`        <accession-number>${filing.accessionNumber}</accession-number>`];
  if (!letter) {
    content.push(`        <act>${filing.listedFileNumber.startsWith('333-') ? '33' : '34'}</act>`);
    if (amend) content.push('        <amend>[Amend]</amend>');
    if (filing.listedFileNumber) {
      content.push(`        <file-number>${filing.listedFileNumber}</file-number>`);
      content.push(
        `        <file-number-href>${escapeXml(`${www}/cgi-bin/browse-edgar?action=getcompany&filenum=${filing.listedFileNumber}&owner=exclude&count=${count}`)}</file-number-href>`,
      );
    }
  }
  content.push(`        <filing-date>${filing.filingDate}</filing-date>`);
  content.push(`        <filing-href>${href}</filing-href>`);
  content.push(`        <filing-type>${escapeXml(filing.form)}</filing-type>`);
  if (!letter)
    content.push(
      `        <film-number>${filing.filingDate.slice(2, 4)}${filing.accessionNumber.slice(-6)}</film-number>`,
    );
  content.push(`        <form-name>${escapeXml(formName(filing.form))}</form-name>`);
  if (letter) content.push('        <paper_filing>[Cover]</paper_filing>');
  content.push(`        <size>${size}</size>`);
  const marker = letter ? ' [Cover]' : amend ? ' [Amend] ' : ' ';
  return [
    '    <entry>',
    `      <category label="form type" scheme="https://www.sec.gov/" term="${escapeXml(filing.form)}" />`,
    '      <content type="text/xml">',
    ...content,
    '      </content>',
    `      <id>urn:tag:sec.gov,2008:accession-number=${filing.accessionNumber}</id>`,
    `      <link href="${href}" rel="alternate" type="text/html" />`,
    `      <summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; ${filing.filingDate} &lt;b&gt;AccNo:&lt;/b&gt; ${filing.accessionNumber} &lt;b&gt;Size:&lt;/b&gt; ${size}</summary>`,
    `      <title>${escapeXml(filing.form)}${marker} - ${escapeXml(formName(filing.form))}</title>`,
    `      <updated>${filing.acceptanceDateTime}</updated>`,
    '    </entry>',
  ].join('\n');
}

function companyInfo(www: string, company: ReplicaCompany, count: number, indent: string): string {
  const cik = padCik(company.cik);
  const lines = [
    '<company-info>',
    `  <assigned-sic>${company.sic}</assigned-sic>`,
    `  <assigned-sic-desc>${escapeXml(company.sicDescription)}</assigned-sic-desc>`,
    `  <assigned-sic-href>${escapeXml(`${www}/cgi-bin/browse-edgar?action=getcompany&SIC=${company.sic}&owner=exclude&count=${count}`)}</assigned-sic-href>`,
    `  <cik>${cik}</cik>`,
    `  <cik-href>${escapeXml(`${www}/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}&owner=exclude&count=${count}`)}</cik-href>`,
    `  <conformed-name>${escapeXml(company.name)}</conformed-name>`,
    `  <fiscal-year-end>${company.fiscalYearEnd}</fiscal-year-end>`,
  ];
  if (company.formerNames.length > 0) {
    lines.push(`  <formerly-names count="${company.formerNames.length}">`);
    for (const former of company.formerNames) {
      lines.push(
        '    <names>',
        `      <date>${former.to}</date>`,
        `      <name>${escapeXml(former.name)}</name>`,
        '    </names>',
      );
    }
    lines.push('  </formerly-names>');
  }
  lines.push(`  <state-of-incorporation>${company.stateOfIncorporation}</state-of-incorporation>`, '</company-info>');
  return lines.map((line) => indent + line).join('\n');
}

const HEAD = [
  '<?xml version="1.0" encoding="ISO-8859-1" ?>',
  '  <feed xmlns="http://www.w3.org/2005/Atom">',
  '    <author>',
  '      <email>webmaster@sec.gov</email>',
  '      <name>Webmaster</name>',
  '    </author>',
].join('\n');

export interface CompanyFeedOptions {
  readonly www: string;
  readonly company: ReplicaCompany;
  /** Every filing matching the query, newest first; the feed shows `start` .. `start + count`. */
  readonly filings: readonly ReplicaFiling[];
  readonly type: string;
  readonly start: number;
  readonly count: number;
}

/** `action=getcompany&CIK=...&output=atom`, with a rel="next" link while more filings remain. */
export function renderCompanyFeed(options: CompanyFeedOptions): string {
  const { www, company, type, start, count } = options;
  const cik = padCik(company.cik);
  const page = options.filings.slice(start, start + count);
  const base = `${www}/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}`;
  const links = [
    `    <id>${escapeXml(base)}</id>`,
    `    <link href="${escapeXml(`${base}&type=${type}&owner=exclude&start=${start}&count=${count}`)}" rel="alternate" type="text/html" />`,
    `    <link href="${escapeXml(`${base}&type=${type}&owner=exclude&start=${start}&count=${count}&output=atom`)}" rel="self" type="application/atom+xml" />`,
  ];
  if (start + count < options.filings.length) {
    links.push(
      `    <link href="${escapeXml(`${base}&type=${type}&datea=&dateb=&owner=exclude&count=${count}&output=atom&start=${start + count}`)}" rel="next" type="application/atom+xml" />`,
    );
  }
  return [
    HEAD,
    companyInfo(www, company, count, '    '),
    ...page.map((filing) => companyEntry(www, company.cik, filing, count)),
    ...links,
    `    <title>${escapeXml(company.name)}  (${cik})</title>`,
    `    <updated>${easternNow()}</updated>`,
    '  </feed>',
    '',
  ].join('\n');
}

/** The company-list variant: one entry per matching company, each carrying its CIK. */
export function renderCompanyListFeed(www: string, companies: readonly ReplicaCompany[], query: string): string {
  const now = easternNow();
  const entries = companies.map((company) => {
    const cik = padCik(company.cik);
    return [
      '    <entry>',
      '      <content type="text/xml">',
      '        <company-info>',
      `          <cik>${cik}</cik>`,
      `          <fiscal-year-end>${company.fiscalYearEnd}</fiscal-year-end>`,
      `          <name>${escapeXml(company.name)}</name>`,
      `          <sic>${company.sic}</sic>`,
      `          <state-of-incorporation>${company.stateOfIncorporation}</state-of-incorporation>`,
      '        </company-info>',
      '      </content>',
      `      <id>urn:tag:www.sec.gov:cik=${cik}</id>`,
      `      <link href="${escapeXml(`${www}/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}&owner=exclude&hidefilings=0`)}" type="text/html" />`,
      `      <summary type="html">&lt;strong&gt;CIK:&lt;/strong&gt; ${cik}, &lt;strong&gt;SIC:&lt;/strong&gt; ${escapeXml(company.sicDescription)}</summary>`,
      `      <title>${escapeXml(company.name)}</title>`,
      `      <updated>${now}</updated>`,
      '    </entry>',
    ].join('\n');
  });
  const self = `${www}/cgi-bin/browse-edgar?action=getcompany&${query}`;
  return [
    HEAD,
    ...entries,
    `    <id>${escapeXml(self)}</id>`,
    `    <link href="${escapeXml(`${self}&output=atom`)}" rel="self" type="application/atom+xml" />`,
    `    <link href="${escapeXml(self)}" rel="alternate" type="text/html" />`,
    '    <title>Company Search Feed</title>',
    `    <updated>${now}</updated>`,
    '  </feed>',
    '',
  ].join('\n');
}

/** `action=getcurrent`: the latest disseminated filings, one entry per filer. */
export function renderLatestFeed(www: string, listed: readonly ListedFiling[], type: string): string {
  const now = easternNow();
  const entries = listed.map(({ company, filing }) => {
    const href = escapeXml(filingHref(www, company.cik, filing));
    return [
      '<entry>',
      `<title>${escapeXml(filing.form)} - ${escapeXml(company.name)} (${padCik(company.cik)}) (Filer)</title>`,
      `<link rel="alternate" type="text/html" href="${href}"/>`,
      '<summary type="html">',
      ` &lt;b&gt;Filed:&lt;/b&gt; ${filing.filingDate} &lt;b&gt;AccNo:&lt;/b&gt; ${filing.accessionNumber} &lt;b&gt;Size:&lt;/b&gt; ${humanSize(submissionSize(filing))}`,
      '</summary>',
      `<updated>${filing.acceptanceDateTime}</updated>`,
      `<category scheme="https://www.sec.gov/" label="form type" term="${escapeXml(filing.form)}"/>`,
      `<id>urn:tag:sec.gov,2008:accession-number=${filing.accessionNumber}</id>`,
      '</entry>',
    ].join('\n');
  });
  const self = `/cgi-bin/browse-edgar?action=getcurrent${type ? `&amp;type=${escapeXml(type)}` : ''}`;
  const stamp = new Date().toUTCString();
  return [
    '<?xml version="1.0" encoding="ISO-8859-1" ?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>Latest Filings - ${stamp}</title>`,
    `<link rel="alternate" href="${self}"/>`,
    `<link rel="self" href="${self}"/>`,
    `<id>${escapeXml(www)}/cgi-bin/browse-edgar?action=getcurrent</id>`,
    '<author><name>Webmaster</name><email>webmaster@sec.gov</email></author>',
    `<updated>${now}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** A browse-edgar answer naming nothing: the company-list feed without any entry. */
export function emptyAtomFeed(www: string): string {
  return renderCompanyListFeed(www, [], 'owner=include&count=100');
}
