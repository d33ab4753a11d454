/**
 * The filing lifecycle, table-driven: every state, every kind of failure and hold, with and without the bytes
 * in the archive, for the three kinds of run (a file-number backfill, a CIK backfill, a crawl pass). Each row
 * is written out: the table is the specification.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FilingFailure, FilingRecord, FilingState, Hold } from '../../../src/filing/filing-record.ts';
import { FILING_STEPS, isFinal, nextStep, type FilingStep, type RunContext } from '../../../src/filing/lifecycle.ts';

const PARSER = 'parser-2';
const RUNS = {
  /** A file-number backfill of 001-35126. */
  fileNumber: { scope: { fileNumbers: ['1-35126'] }, retryFailed: true, parserVersion: PARSER },
  /** A CIK or ticker backfill: every letter stored. */
  company: { scope: null, retryFailed: true, parserVersion: PARSER },
  /** A crawl pass: every letter stored, failures left alone. */
  crawl: { scope: null, retryFailed: false, parserVersion: PARSER },
} satisfies Record<string, RunContext>;
type RunName = keyof typeof RUNS;

function record(state: FilingState, extra: { failure?: FilingFailure; hold?: Hold } = {}): FilingRecord {
  return {
    accessionNumber: '0001193125-14-000946',
    cik: '1508475',
    form: 'CORRESP',
    filingDate: '2014-01-03',
    acceptanceDateTime: null,
    listedFileNumber: null,
    state,
    archiveSha256: null,
    archiveBytes: null,
    failure: extra.failure ?? null,
    hold: extra.hold ?? null,
    note: null,
    parserVersion: extra.hold?.parserVersion ?? null,
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

const failed = (
  stage: FilingFailure['stage'],
  code: FilingFailure['code'],
  badInputReason: FilingFailure['badInputReason'] = null,
) => record('failed', { failure: { stage, code, reason: 'cause', badInputReason } });
const held = (reason: Hold['reason'], fileNumbers: string[], parserVersion = PARSER) =>
  record('fetched', { hold: { reason, fileNumbers, parserVersion } });

/** Per run: [step when archived, step when not archived], then whether the record is final for that run. */
type Row = readonly [
  string,
  FilingRecord | null,
  Record<RunName, readonly [FilingStep, FilingStep]>,
  Record<RunName, boolean>,
];
const both = (step: FilingStep) => [step, step] as const;
const read = ['parse', 'fetch'] as const;
const all = <T>(value: T): Record<RunName, T> => ({ fileNumber: value, company: value, crawl: value });

const TABLE: readonly Row[] = [
  ['never recorded', null, all(read), all(false)],
  ['discovered', record('discovered'), all(read), all(false)],
  ['fetched, not held', record('fetched'), all(read), all(false)],
  ['parsed', record('parsed'), all(both('done')), all(true)],
  ['skipped', record('skipped'), all(both('done')), all(true)],
  [
    'held: other file numbers only',
    held('not-attributed', ['333-199812']),
    { fileNumber: both('hold'), company: read, crawl: read },
    { fileNumber: true, company: false, crawl: false },
  ],
  [
    'held: a number the run now names (another spelling)',
    held('not-attributed', ['333-1', '001-35126']),
    all(read),
    all(false),
  ],
  [
    'held: no file number',
    held('unnumbered', []),
    { fileNumber: both('hold'), company: read, crawl: read },
    { fileNumber: true, company: false, crawl: false },
  ],
  [
    'held by an older parser',
    held('not-attributed', ['333-199812'], 'parser-1'),
    all(read),
    { fileNumber: true, company: false, crawl: false },
  ],
  [
    'failed at fetch as bad input (oversize)',
    failed('fetch', 'BAD_INPUT', 'oversize'),
    all(both('failed-for-good')),
    all(true),
  ],
  [
    'failed at fetch: not found',
    failed('fetch', 'EDGAR_NOT_FOUND'),
    { fileNumber: read, company: read, crawl: both('failed-for-good') },
    all(true),
  ],
  [
    'failed at fetch: EDGAR unavailable after the retries',
    failed('fetch', 'EDGAR_UNAVAILABLE'),
    { fileNumber: read, company: read, crawl: both('failed-for-good') },
    all(true),
  ],
  [
    'failed at parse as bad input',
    failed('parse', 'BAD_INPUT', 'corrupt-pdf'),
    { fileNumber: read, company: read, crawl: both('failed-for-good') },
    all(true),
  ],
  [
    'failed at parse: an internal error',
    failed('parse', 'INTERNAL'),
    { fileNumber: read, company: read, crawl: both('failed-for-good') },
    all(true),
  ],
  [
    'failed at parse: the archive object is damaged',
    failed('parse', 'BAD_INPUT', 'archive-damaged'),
    { fileNumber: both('fetch'), company: both('fetch'), crawl: both('failed-for-good') },
    all(true),
  ],
];

describe('filing lifecycle', () => {
  for (const [name, rec, steps, finals] of TABLE) {
    for (const run of Object.keys(RUNS) as RunName[]) {
      it(`${name}, ${run} run: ${steps[run][0]} when archived, ${steps[run][1]} when not; ${finals[run] ? 'final' : 'not final'}`, () => {
        assert.equal(nextStep(rec, RUNS[run], true), steps[run][0]);
        assert.equal(nextStep(rec, RUNS[run], false), steps[run][1]);
        assert.equal(isFinal(rec, RUNS[run]), finals[run]);
      });
    }
  }

  it('by default a record is archived when it names its sha256', () => {
    const archived = {
      ...record('failed', { failure: failed('parse', 'BAD_INPUT', 'corrupt-pdf').failure! }),
      archiveSha256: 'a'.repeat(64),
    };
    assert.equal(nextStep(archived, RUNS.company), 'parse');
    assert.equal(nextStep({ ...archived, archiveSha256: null }, RUNS.company), 'fetch');
  });

  it('the table covers every state and every step', () => {
    const states = new Set(TABLE.map(([, rec]) => rec?.state ?? 'none'));
    assert.deepEqual([...states].sort(), ['discovered', 'failed', 'fetched', 'none', 'parsed', 'skipped']);
    const steps = new Set(TABLE.flatMap(([, , s]) => Object.values(s).flat()));
    assert.deepEqual([...steps].sort(), [...FILING_STEPS].sort());
  });
});
