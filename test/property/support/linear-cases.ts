/**
 * Adversarial inputs for the linear-time tests, by parser: long runs of one character, unclosed brackets and
 * tags, nesting, missing tags, and the inputs that showed each super-linear regex or scan we fixed (named in
 * the case). `prepare(bytes)` builds an input of about `bytes` bytes outside the timing and returns the call
 * to time. A case answers with its parser's result or its typed error: only time matters here; what may
 * escape is the property suite's business.
 */
import { parseBrowseFeed } from '../../../src/discover/browse-atom.ts';
import { parseIndexFile } from '../../../src/discover/daily-index.ts';
import { readQuarterIndex } from '../../../src/discover/full-index.ts';
import { filersInHits, lettersInHits } from '../../../src/discover/file-number-routes.ts';
import { parseFullTextSearch } from '../../../src/discover/full-text-search.ts';
import { parseCompanySubmissions } from '../../../src/discover/submissions-json.ts';
import { eftsAnswer, eftsHit } from '../../fixtures/efts.ts';
import { EdgarCorrespError } from '../../../src/errors.ts';
import { parseLetter } from '../../../src/letter/parse-letter.ts';
import type { LetterForm } from '../../../src/letter/schema.ts';
import { normalizeHtml } from '../../../src/normalize/html-normalize.ts';
import { linesToPdfBlocks, measureLayout } from '../../../src/normalize/pdf-blocks.ts';
import { buildLines, type GlyphRun } from '../../../src/normalize/pdf-lines.ts';
import { normalizePlainText } from '../../../src/normalize/plain-text.ts';
import { normalizeTextExtract } from '../../../src/normalize/text-extract.ts';
import type { NormalizedText, TextBlock } from '../../../src/normalize/types.ts';
import { decodeText } from '../../../src/submission/charset.ts';
import { parseSubmission } from '../../../src/submission/parse-submission.ts';
import { uudecode } from '../../../src/submission/uudecode.ts';
import { textPieces } from '../../../src/serve/pages/page-parts.ts';
import { classifyComment } from '../../../src/letter/classify-comment.ts';
import { reissueEvidence } from '../../../src/letter/reissue.ts';
import { priorCommentsOf } from '../../../src/analytics/prior-comments.ts';

export interface LinearCase {
  readonly name: string;
  readonly prepare: (bytes: number) => () => unknown;
}

/** `unit` repeated to `bytes` characters, between `before` and `after`. */
export function run(unit: string, bytes: number, before = '', after = ''): string {
  return before + unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes) + after;
}

const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** Calls `parse`, taking our typed errors as an answer. */
function typed(parse: () => unknown): () => unknown {
  return () => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof EdgarCorrespError) return error;
      throw error;
    }
  };
}

const HEADER = [
  '<SEC-DOCUMENT>0000950103-20-000001.txt : 20200102',
  '<SEC-HEADER>0000950103-20-000001.hdr.sgml : 20200102',
  '<ACCEPTANCE-DATETIME>20200102101500',
  'ACCESSION NUMBER:\t\t0000950103-20-000001',
  'CONFORMED SUBMISSION TYPE:\tCORRESP',
  'PUBLIC DOCUMENT COUNT:\t\t1',
  'FILED AS OF DATE:\t\t20200102',
  'FILER:',
  '\tCOMPANY DATA:\t',
  '\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CO',
  '\t\tCENTRAL INDEX KEY:\t\t\t0000000042',
  '',
].join('\n');
const HEADER_END = '</SEC-HEADER>\n';
const DOCUMENT =
  '<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<FILENAME>letter.txt\n<TEXT>\nDear Sir:\n</TEXT>\n</DOCUMENT>\n';
const END = '</SEC-DOCUMENT>\n';

const submission = (bytes: number, build: (n: number) => string): (() => unknown) => {
  const raw = latin1(build(bytes));
  return typed(() => parseSubmission(raw));
};

function paragraphBlocks(text: string): NormalizedText {
  const blocks: TextBlock[] = text
    .split(/\n\s*\n/)
    .filter((t) => t.trim() !== '')
    .map((t) => ({
      type: 'paragraph',
      text: t,
      marker: null,
      emphasis: [],
      page: null,
      indent: null,
      tableIndex: null,
    }));
  return { text, blocks, tables: [], textSource: 'text', warnings: [] };
}

function letter(form: LetterForm, normalized: NormalizedText): () => unknown {
  return () =>
    parseLetter({ form, normalized, filingDate: '2020-01-02', companyName: 'Example Co', headerFileNumbers: [] });
}

const LETTER_HEAD = 'March 4, 2021\n\nJordan Blake\nExample Co\n\nRe: Example Co\nForm 10-K\n\nDear Mr. Blake:\n\n';

function glyphLines(bytes: number): () => unknown {
  // One run per word of a 12pt body line, and a 7pt superscript after every fourth word: each small run looks
  // for its line among all the page's lines.
  const runs: GlyphRun[] = [];
  const lines = Math.max(1, Math.floor(bytes / 80));
  for (let l = 0; l < lines; l++) {
    for (let w = 0; w < 8; w++) {
      runs.push({ text: 'word', x: 72 + w * 40, y: 10_000_000 - l * 14, width: 30, size: 12 });
      if (w % 4 === 3) runs.push({ text: '1', x: 102 + w * 40, y: 10_000_000 - l * 14 + 4, width: 4, size: 7 });
    }
  }
  return () => {
    const built = buildLines(runs, 1);
    return linesToPdfBlocks(built, measureLayout(built));
  };
}

export const LINEAR_CASES: Record<string, readonly LinearCase[]> = {
  submission: [
    {
      // sgml-header.ts's line pattern backtracked over a run of spaces with no colon.
      name: 'header line of spaces without a colon',
      prepare: (n) => submission(n, (k) => HEADER + run(' ', k, 'X') + '\n' + HEADER_END + DOCUMENT + END),
    },
    {
      name: 'header value with a run of spaces inside',
      prepare: (n) => submission(n, (k) => HEADER + run(' ', k, 'NOTE:\ta', 'b\n') + HEADER_END + DOCUMENT + END),
    },
    {
      // Each document lacking <TEXT> searched the rest of the submission for one.
      name: 'documents without <TEXT>',
      prepare: (n) => submission(n, (k) => HEADER + HEADER_END + run('<DOCUMENT>\n<TYPE>X\n</DOCUMENT>\n', k) + END),
    },
    {
      name: 'documents without </TEXT>',
      prepare: (n) =>
        submission(n, (k) => HEADER + HEADER_END + run('<DOCUMENT>\n<TYPE>X\n<TEXT>\nx\n</DOCUMENT>\n', k) + END),
    },
    {
      name: 'PDF documents without </PDF>',
      prepare: (n) =>
        submission(
          n,
          (k) =>
            HEADER +
            HEADER_END +
            run('<DOCUMENT>\n<TYPE>X\n<TEXT>\n<PDF>\nbegin 644 x\n`\nend\n</TEXT>\n</DOCUMENT>\n', k) +
            END,
        ),
    },
    { name: 'one long run of "<"', prepare: (n) => submission(n, (k) => HEADER + HEADER_END + run('<', k) + END) },
    { name: 'no header, a run of "<"', prepare: (n) => submission(n, (k) => run('<', k)) },
  ],
  uudecode: [
    // Empty lines made the decoder allocate 45 bytes each before reading anything.
    {
      name: 'empty lines',
      prepare: (n) =>
        (
          (text) => () =>
            uudecode(text)
        )(run('\n', n, 'begin 644 x\n', 'end\n')),
    },
    {
      name: 'full lines of 45 bytes',
      prepare: (n) =>
        (
          (text) => () =>
            uudecode(text)
        )(run(`M${'!'.repeat(60)}\n`, n, 'begin 644 x\n', '`\nend\n')),
    },
    {
      name: 'one line too long',
      prepare: (n) =>
        (
          (text) => () =>
            uudecode(text)
        )(run('M', n, 'begin 644 x\n', '\nend\n')),
    },
  ],
  charset: [
    {
      name: 'invalid UTF-8 bytes',
      prepare: (n) =>
        (
          (bytes) => () =>
            decodeText(bytes)
        )(new Uint8Array(n).fill(0xe9)),
    },
    {
      name: 'an unclosed <meta charset run',
      prepare: (n) =>
        (
          (bytes) => () =>
            decodeText(bytes)
        )(latin1(run(' ', n, '<meta charset=', '\u00e9'))),
    },
  ],
  html: [
    {
      name: 'a run of "<"',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeHtml(t)
        )(run('<', n)),
    },
    {
      name: 'unclosed <b> nesting',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeHtml(t)
        )(run('<b>x', n)),
    },
    {
      name: 'unclosed <font> then stray </b>',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeHtml(t)
        )(run('<font>', n / 2) + run('</b>', n / 2)),
    },
    {
      // html-table.ts expanded colspan as written (2e9 empty cells for one attribute).
      name: 'rows of cells with colspan="2000000000"',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeHtml(t)
        )(run('<tr><td colspan="2000000000">1</td><td>2</td></tr>', n, '<table>')),
    },
    {
      name: 'nested tables',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeHtml(t)
        )(run('<table><tr><td>x', n)),
    },
    {
      name: 'page breaks',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeHtml(t)
        )(run('<p style="page-break-before:always">Page 1</p>', n)),
    },
    {
      name: 'a hidden text layer',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeHtml(t)
        )(run('word  word   ', n, '<font style="font-size:1pt">')),
    },
  ],
  'plain-text': [
    {
      name: 'a run of spaces',
      prepare: (n) =>
        (
          (t) => () =>
            normalizePlainText(t)
        )(run(' ', n, 'a', 'b')),
    },
    // plain-text.ts rescanned a run of spaced lines that was no table from each of its lines.
    {
      name: 'lines with one wide gap',
      prepare: (n) =>
        (
          (t) => () =>
            normalizePlainText(t)
        )(run('some words  and more\n', n)),
    },
    // text-blocks.ts joinLines tested the growing paragraph with a regex at every line (a flattened rope each time).
    {
      name: 'one paragraph of full lines',
      prepare: (n) =>
        (
          (t) => () =>
            normalizePlainText(t)
        )(run('abc def ghi jkl mno pqr stu vwx yz abc def ghi jkl mno pqr stu vwx yz abc\n', n)),
    },
    {
      name: 'numbered column lines',
      prepare: (n) =>
        (
          (t) => () =>
            normalizePlainText(t)
        )(run('   1.    a\n', n)),
    },
  ],
  'text-extract': [
    {
      name: 'one paragraph of full lines',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeTextExtract(t)
        )(run('abc def ghi jkl mno pqr stu vwx yz abc def ghi jkl mno pqr stu vwx yz abc\n', n)),
    },
    {
      name: 'lower-case blocks after a long line',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeTextExtract(t)
        )(run('and the sentence goes on\n\n', n, `${'x'.repeat(90)}\n\n`)),
    },
    {
      name: 'a run of spaces',
      prepare: (n) =>
        (
          (t) => () =>
            normalizeTextExtract(t)
        )(run(' ', n, 'a', 'b')),
    },
  ],
  'pdf-layout': [{ name: 'lines with superscripts', prepare: glyphLines }],
  letter: [
    // markers.ts REDACTION backtracked exponentially ("[" + 40 stars never finished).
    {
      name: 'an unclosed redaction "[****..."',
      prepare: (n) => letter('CORRESP', paragraphBlocks(run('*', n, LETTER_HEAD + '[', ' x'))),
    },
    // staff.ts SEC_PHONE / OF_STAFF retried an unbounded name word from every capital.
    {
      name: 'a run of capitals',
      prepare: (n) => letter('UPLOAD', paragraphBlocks(run('A', n, LETTER_HEAD, ' at 551'))),
    },
    // items.ts chose the chain of comment numbers in cubic time over the candidates.
    {
      name: 'numbered paragraphs',
      prepare: (n) =>
        letter(
          'UPLOAD',
          paragraphBlocks(
            run('1. Please tell us more about revenue.\n\n2. Please revise the disclosure.\n\n', n, LETTER_HEAD),
          ),
        ),
    },
    {
      name: 'numbered paragraphs in a response',
      prepare: (n) =>
        letter(
          'CORRESP',
          paragraphBlocks(
            run(
              '1. Please tell us more about revenue.\n\nResponse: We have revised the disclosure.\n\n',
              n,
              LETTER_HEAD,
            ),
          ),
        ),
    },
    // unit-split.ts joinContinuations tested the growing paragraph at every unit.
    {
      name: 'lower-case paragraphs',
      prepare: (n) => letter('CORRESP', paragraphBlocks(run(`${'continued text '.repeat(4)}\n\n`, n, LETTER_HEAD))),
    },
    {
      name: 'a Re: block of form lists',
      prepare: (n) =>
        letter('UPLOAD', paragraphBlocks(run('Form 10-K, ', n, 'Re: Example Co\n', '\n\nDear Sir:\n\n1. A'))),
    },
    {
      name: 'page references',
      prepare: (n) => letter('UPLOAD', paragraphBlocks(run('pages 1, ', n, LETTER_HEAD, 'x\n\n1. A'))),
    },
  ],
  'browse-atom': [
    // browse-atom.ts TITLE backtracked over " - " pairs; the summary patterns over runs of spaces.
    {
      name: 'an entry title of " - " pairs',
      prepare: (n) =>
        (
          (x) => () =>
            parseBrowseFeed(x)
        )(
          run(
            'a - ',
            n,
            '<feed><entry><id>accession-number=0000950103-20-000001</id><title>',
            '(1</title></entry></feed>',
          ),
        ),
    },
    {
      name: 'a summary with spaces after "Filed:"',
      prepare: (n) =>
        (
          (x) => () =>
            parseBrowseFeed(x)
        )(
          run(
            ' ',
            n,
            '<feed><entry><title>CORRESP - X (1)</title><summary>Filed:',
            'x AccNo:</summary></entry></feed>',
          ),
        ),
    },
    {
      name: 'many entries',
      prepare: (n) =>
        (
          (x) => () =>
            parseBrowseFeed(x)
        )(
          run(
            '<entry><title>CORRESP - X (1)</title><id>accession-number=0000950103-20-000001</id></entry>',
            n,
            '<feed>',
            '</feed>',
          ),
        ),
    },
    {
      name: 'unclosed elements',
      prepare: (n) =>
        (
          (x) => () =>
            parseBrowseFeed(x)
        )(run('<entry>', n, '<feed>')),
    },
  ],
  'daily-index': [
    {
      name: 'fixed-width lines with no tail',
      prepare: (n) =>
        (
          (x) => () =>
            parseIndexFile(x)
        )(
          run(
            `CORRESP     Example Co ${'1 2 3 4 5 6 7 8 9 0 '.repeat(9)}\n`,
            n,
            `Form Type   Company Name${' '.repeat(50)}CIK         Date Filed  File Name\n${'-'.repeat(80)}\n`,
          ),
        ),
    },
    {
      name: 'one long line of spaced numbers',
      prepare: (n) =>
        (
          (x) => () =>
            parseIndexFile(x)
        )(run(' 1 20200101', n, `Form Type   Company Name   CIK\n${'-'.repeat(80)}\nX`)),
    },
    {
      name: 'pipe lines',
      prepare: (n) =>
        (
          (x) => () =>
            parseIndexFile(x)
        )(
          run(
            '1|A|CORRESP|2020-01-01|edgar/data/1/0000950103-20-000001.txt\n',
            n,
            `CIK|Company Name|Form Type|Date Filed|Filename\n${'-'.repeat(80)}\n`,
          ),
        ),
    },
  ],
  'full-index': [
    {
      name: 'letters under many co-registrants and reviewed forms',
      prepare: (n) =>
        (
          (x) => () =>
            readQuarterIndex(x)
        )(
          run(
            '17|A|CORRESP|2020-01-01|edgar/data/17/0000950103-20-000001.txt\n42|B|10-K|2020-01-02|edgar/data/42/0000950103-20-000002.txt\n',
            n,
            `CIK|Company Name|Form Type|Date Filed|Filename\n${'-'.repeat(80)}\n`,
          ),
        ),
    },
  ],
  'full-text-search': [
    {
      name: 'many hits, each listing many CIKs and file numbers',
      prepare: (n) => {
        // About 1 KB of JSON a hit, as EDGAR's are; ten CIKs and file numbers each.
        const hits = Array.from({ length: Math.floor(n / 1000) }, (_, i) =>
          eftsHit({
            adsh: `0001104659-17-${String(i % 1_000_000).padStart(6, '0')}`,
            ciks: Array.from({ length: 10 }, (_, c) => String(1_000_000 + c)),
            form: i % 2 === 0 ? 'CORRESP' : '10-K',
            fileDate: '2017-04-20',
            fileNumbers: Array.from({ length: 10 }, (_, f) => `001-3512${f}`),
          }),
        );
        const answer = eftsAnswer({ q: '001-35120', hits, total: 10_000, relation: 'gte' });
        return typed(() => {
          const page = parseFullTextSearch(answer, 'search-index');
          return [
            filersInHits(page.hits, '001-35120'),
            lettersInHits(page.hits, ['CORRESP'], { since: null, until: null }),
          ];
        });
      },
    },
    {
      name: 'one hit with a huge _id and long lists',
      prepare: (n) => {
        const hit = eftsHit({ adsh: '0001104659-17-000001', ciks: ['1'], form: 'CORRESP', fileDate: '2017-04-20' });
        const answer = eftsAnswer({
          q: '001-35120',
          hits: [
            {
              ...hit,
              _id: `0001104659-17-000001:${'x'.repeat(n / 2)}`,
              _source: { ...hit._source, ciks: Array.from({ length: n / 40 }, () => '0000000001') },
            },
          ],
        });
        return typed(() => parseFullTextSearch(answer, 'search-index'));
      },
    },
  ],
  'submissions-json': [
    {
      name: 'many rows',
      prepare: (n) => {
        // About 200 bytes of JSON a row, as EDGAR's rows are (accession, dates, form, file number, document).
        const rows = Math.floor(n / 200);
        const json = {
          cik: '42',
          filings: {
            recent: {
              accessionNumber: Array.from({ length: rows }, () => '0000950103-20-000001'),
              form: Array.from({ length: rows }, () => 'CORRESP'),
              filingDate: Array.from({ length: rows }, () => '2020-01-02'),
              fileNumber: Array.from({ length: rows }, () => '001-1, 001-2'),
              primaryDocument: Array.from({ length: rows }, () => `${'d'.repeat(100)}.htm`),
            },
          },
        };
        return typed(() => parseCompanySubmissions(json, 'CIK0000000042.json'));
      },
    },
  ],
  // The classifiers read every comment. reissue.ts compares each request of a follow-up with each request of the
  // comment it follows up: a text that is no staff comment (a letter left unsplit) once made that quadratic.
  classifiers: [
    {
      name: 'a follow-up of many requests against an earlier comment of many requests',
      prepare: (n) => {
        const comment = run('Please quantify the revenue and operating margin of each business segment by market. ', n);
        const earlier = run('Please describe the goodwill allocated to each reporting unit tested for impairment. ', n);
        return () => reissueEvidence({ comment, priorComments: [1], priorTexts: [earlier] });
      },
    },
    {
      name: 'one long comment under MD&A citing authorities',
      prepare: (n) => {
        const comment = run(
          'Refer to ASC 606-10-25-19 and Item 303(b) of Regulation S-K; disclose segment results. ',
          n,
        );
        return () =>
          classifyComment({
            comment,
            headings: ["Management's Discussion and Analysis", 'Results'],
            priorComments: [2],
          });
      },
    },
    {
      name: 'a follow-up naming no number, full of dated comment references',
      prepare: (n) => {
        const comment = run('We note your response to comments 1, 2 and 3 of our letter dated March 4, 2021 and ', n);
        const previous = {
          letterDate: '2021-03-05',
          items: [1, 2, 3].map((number) => ({ number, headings: ['Goodwill'] })),
        };
        return () => priorCommentsOf({ comment, headings: ['Goodwill, page 4'], priorComments: [] }, previous);
      },
    },
  ],
  // The viewer cuts long letters into parts: a text with no newline once made every cut search back through
  // the whole text before it (quadratic).
  viewer: [
    { name: 'a letter text of one line', prepare: (n) => () => textPieces(run('a', n), 8 * 1024) },
    { name: 'a response of one line of markup to escape', prepare: (n) => () => textPieces(run('&<"', n)) },
    { name: 'blank lines only', prepare: (n) => () => textPieces(run('\n', n)) },
  ],
};
