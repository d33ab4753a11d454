/**
 * Every parser of outside input, for the property suite and `npm run fuzz`: how to make its input from the
 * seeds, how to call it, and what its answer must satisfy. Adding a parser (the full-index parser of issue 11)
 * is one more entry here. The property, for each: the call returns, or throws one of our typed errors
 * (EdgarCorrespError; a BadInputError with a known reason), within the watchdog's deadline; a letter passes
 * LetterSchema.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBrowseFeed } from '../../../src/discover/browse-atom.ts';
import { parseCompanyTickers } from '../../../src/discover/company-tickers.ts';
import { parseIndexFile } from '../../../src/discover/daily-index.ts';
import { filersInHits, lettersInHits } from '../../../src/discover/file-number-routes.ts';
import { readQuarterIndex } from '../../../src/discover/full-index.ts';
import { parseFullTextSearch } from '../../../src/discover/full-text-search.ts';
import { parseCompanySubmissions, parseSubmissionsPage } from '../../../src/discover/submissions-json.ts';
import { BadInputError, EdgarBadResponseError, EdgarCorrespError } from '../../../src/errors.ts';
import { LetterSchema } from '../../../src/letter/schema.ts';
import { normalizeHtml } from '../../../src/normalize/html-normalize.ts';
import { normalizePdf } from '../../../src/normalize/pdf-normalize.ts';
import { normalizePlainText } from '../../../src/normalize/plain-text.ts';
import { normalizeTextExtract } from '../../../src/normalize/text-extract.ts';
import type { NormalizedText } from '../../../src/normalize/types.ts';
import { buildLetter } from '../../../src/pipeline/build-letter.ts';
import { BAD_INPUT_REASONS } from '../../../src/submission/bad-input.ts';
import { decodeText } from '../../../src/submission/charset.ts';
import { parseSubmission } from '../../../src/submission/parse-submission.ts';
import { readHeader } from '../../../src/submission/sgml-header.ts';
import { uudecode } from '../../../src/submission/uudecode.ts';
import { eftsAnswer, eftsHit } from '../../fixtures/efts.ts';
import { mutated, mutatedJson } from './mutations.ts';
import type { Seeds } from './seeds.ts';

/** Inputs are text (bytes as latin1) or JSON values, so that a counterexample can be written as JSON. */
export type Input = string | { readonly json: unknown };

export interface OutsideInputParser {
  readonly name: string;
  /** `maxRun`: longest run of one character a mutation inserts (longer in `npm run fuzz`). */
  readonly input: (seeds: Seeds, maxRun: number) => fc.Arbitrary<Input>;
  /** Parses and checks the answer; may throw our typed errors only. */
  readonly run: (input: Input) => unknown;
}

/** Reasons buildLetter gives besides BAD_INPUT_REASONS ('invalid-letter', a LetterSchema failure, is a bug). */
const LETTER_REASONS = ['not-a-letter', 'wrong-accession', 'missing-header'];
const KNOWN_REASONS = new Set<string>([...Object.values(BAD_INPUT_REASONS), ...LETTER_REASONS]);

/** Whether an error thrown by a parser is one the pipeline expects (else: a bug the property reports). */
export function isExpectedError(error: unknown): boolean {
  if (error instanceof BadInputError) return KNOWN_REASONS.has(error.reason);
  return error instanceof EdgarCorrespError;
}

const text = (input: Input): string => {
  assert.equal(typeof input, 'string');
  return input as string;
};
const bytes = (input: Input): Uint8Array => new Uint8Array(Buffer.from(text(input), 'latin1'));

function checkNormalized(n: NormalizedText): void {
  assert.equal(typeof n.text, 'string');
  for (const block of n.blocks) {
    assert.equal(typeof block.text, 'string');
    if (block.tableIndex !== null) assert.ok(n.tables[block.tableIndex], 'a table block points at a table');
  }
}

/** What the EDGAR client does with a body that is not JSON (submissions JSON, company tickers). */
function json(input: Input): unknown {
  if (typeof input !== 'string') return input.json;
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    throw new EdgarBadResponseError('https://data.sec.gov/x.json', 200, `not JSON: ${(error as Error).message}`);
  }
}

export const OUTSIDE_INPUT_PARSERS: readonly OutsideInputParser[] = [
  {
    name: 'SGML header',
    input: (s, maxRun) =>
      mutated(
        s.letters.map((l) => l.text.slice(0, l.text.indexOf('</SEC-HEADER>') + 14)),
        maxRun,
      ),
    run: (input) => readHeader(text(input)),
  },
  {
    name: 'submission',
    input: (s, maxRun) => mutated([...s.letters.map((l) => l.text), ...s.otherSubmissions], maxRun),
    run: (input) => {
      const submission = parseSubmission(bytes(input));
      for (const doc of submission.documents) assert.equal(doc.sha256.length, 64);
    },
  },
  {
    name: 'uudecode',
    input: (s, maxRun) => mutated(s.uuencoded, maxRun),
    run: (input) => uudecode(text(input), 0, undefined, { maxBytes: 64 * 1024 * 1024 }),
  },
  {
    name: 'charset decoding',
    input: (s, maxRun) =>
      mutated(
        [...s.html, ...s.plainText].map((t) => Buffer.from(t, 'utf8').toString('latin1')),
        maxRun,
      ),
    run: (input) => assert.equal(typeof decodeText(bytes(input)).text, 'string'),
  },
  {
    name: 'HTML letter',
    input: (s, maxRun) => mutated(s.html, maxRun),
    run: (input) => checkNormalized(normalizeHtml(text(input))),
  },
  {
    name: 'plain-text letter',
    input: (s, maxRun) => mutated(s.plainText, maxRun),
    run: (input) => checkNormalized(normalizePlainText(text(input))),
  },
  {
    name: 'TEXT-EXTRACT',
    input: (s, maxRun) => mutated(s.textExtract, maxRun),
    run: (input) => checkNormalized(normalizeTextExtract(text(input))),
  },
  {
    name: 'PDF letter (pdf.js)',
    input: (s, maxRun) => mutated(s.pdf, maxRun),
    run: async (input) => checkNormalized(await normalizePdf(bytes(input), { accession: '0000000000-24-000001' })),
  },
  {
    name: 'letter (submission to LetterSchema)',
    input: (s, maxRun) =>
      mutated(
        s.letters.map((l) => l.text),
        maxRun,
      ),
    run: async (input) => {
      const raw = bytes(input);
      // The accession the submission says it is, so that parsing goes past the accession check.
      const accessionNumber =
        /ACCESSION NUMBER:\s*(\d{10}-\d{2}-\d{6})/.exec(text(input))?.[1] ?? '0000000000-24-000001';
      const letter = await buildLetter(raw, {
        accessionNumber,
        listedFilingDate: '2024-01-02',
        listingFileNumbers: {},
      });
      assert.ok(LetterSchema.safeParse(letter).success, 'the letter passes LetterSchema');
    },
  },
  {
    name: 'submissions JSON',
    input: (s, maxRun) =>
      fc.oneof(
        { arbitrary: mutatedJson(s.submissionsJson).map((value): Input => ({ json: value })), weight: 3 },
        mutated(
          s.submissionsJson.map((v) => JSON.stringify(v)),
          maxRun,
        ),
      ),
    run: (input) => {
      const value = json(input);
      const page = parseSubmissionsPage(value, 'CIK0001508475-submissions-001.json');
      assert.ok(Array.isArray(page.rows));
      return parseCompanySubmissions(value, 'CIK0001508475.json');
    },
  },
  {
    name: 'company tickers JSON',
    input: () =>
      mutatedJson([
        { 0: { cik_str: 1508475, ticker: 'VNET', title: '21Vianet' } },
        { fields: ['cik', 'name', 'ticker', 'exchange'], data: [[1508475, '21Vianet', 'VNET', 'Nasdaq']] },
      ]).map((value): Input => ({ json: value })),
    run: (input) => parseCompanyTickers(json(input), 'company_tickers.json'),
  },
  {
    name: 'full-text search JSON',
    input: (_s, maxRun) => {
      const answers = [
        eftsAnswer({
          q: '001-35126',
          total: 250,
          hits: [
            eftsHit({
              adsh: '0001104659-17-024001',
              ciks: ['1508475'],
              form: '20-F',
              fileDate: '2017-04-20',
              fileNumbers: ['001-35126'],
            }),
            eftsHit({
              adsh: '0001326389-17-000789',
              ciks: ['1326389', '1508475'],
              form: '4',
              fileDate: '2017-05-15',
              fileNumbers: ['001-35126'],
            }),
            eftsHit({ adsh: '0001104659-17-046512', ciks: ['1508475'], form: 'CORRESP', fileDate: '2017-07-18' }),
          ],
        }),
        eftsAnswer({ q: '001-35126', hits: [], total: 10_000, relation: 'gte', from: 9_900 }),
      ];
      return fc.oneof(
        { arbitrary: mutatedJson(answers).map((value): Input => ({ json: value })), weight: 3 },
        mutated(
          answers.map((v) => JSON.stringify(v)),
          maxRun,
        ),
      );
    },
    run: (input) => {
      const page = parseFullTextSearch(json(input), 'search-index?q=%22001-35126%22', 100);
      assert.ok(page.nextFrom === null || page.nextFrom > page.from, 'paging moves forward');
      assert.ok(page.nextFrom === null || page.nextFrom <= 10_000, 'paging stays in the window');
      filersInHits(page.hits, '001-35126');
      return lettersInHits(page.hits, ['CORRESP', 'UPLOAD'], { since: null, until: null });
    },
  },
  {
    name: 'browse-edgar Atom',
    input: (s, maxRun) => mutated(s.atom, maxRun),
    run: (input) => parseBrowseFeed(text(input)),
  },
  {
    name: 'daily index',
    input: (s, maxRun) => mutated(s.dailyIndex, maxRun),
    run: (input) => parseIndexFile(text(input)),
  },
  {
    name: 'quarterly full index',
    input: (s, maxRun) => mutated(s.fullIndex, maxRun),
    run: (input) => {
      const index = readQuarterIndex(text(input));
      // Each letter once, whatever its filer rows.
      assert.equal(new Set(index.letters.map((l) => l.accessionNumber)).size, index.letters.length);
      return index;
    },
  },
];
