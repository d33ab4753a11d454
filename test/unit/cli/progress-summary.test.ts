import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgressReporter } from '../../../src/cli/progress.ts';
import { formatRunSummary } from '../../../src/cli/summary.ts';
import { exitCodeOf, type RunSummary } from '../../../src/pipeline/run-events.ts';

const summary = (overrides: Partial<RunSummary> = {}): RunSummary => ({
  targets: [
    {
      target: { kind: 'file-number', value: '001-35126' },
      targetKey: 'file-number:001-35126',
      ciks: ['1508475'],
      letters: 3,
      skipped: 1,
      requests: 2,
      warnings: [],
      failure: null,
    },
  ],
  letters: 3,
  skipped: 1,
  counts: { stored: 1, 'already-stored': 1, 'not-attributed': 0, unnumbered: 0, failed: 1 },
  fetched: 2,
  fromArchive: 0,
  threadAttributed: 0,
  failures: [
    {
      accessionNumber: '0000000000-15-900001',
      form: 'UPLOAD',
      filingDate: '2015-06-09',
      stage: 'parse',
      code: 'BAD_INPUT',
      reason: 'truncated-submission: the submission ends before </SEC-DOCUMENT>',
    },
  ],
  durationMs: 1234,
  ...overrides,
});

describe('backfill progress and summary', () => {
  it('writes plain progress lines when stderr is not a TTY: one per target and per filing', () => {
    let out = '';
    const reporter = createProgressReporter({ write: (s: string) => (out += s), isTTY: false });
    reporter.onEvent({ type: 'target-started', targetKey: 'cik:1508475' });
    reporter.onEvent({
      type: 'target-discovered',
      targetKey: 'cik:1508475',
      ciks: ['1508475'],
      letters: 2,
      skipped: 0,
      requests: 1,
      warnings: ['w1'],
    });
    reporter.onEvent({ type: 'total', total: 2 });
    reporter.onEvent({
      type: 'filing-done',
      accessionNumber: '0001193125-14-000946',
      outcome: 'stored',
      fetched: true,
    });
    reporter.onEvent({
      type: 'filing-done',
      accessionNumber: '0000000000-15-900001',
      outcome: 'failed',
      fetched: false,
    });
    reporter.stop();
    assert.equal(
      out,
      [
        'discovering cik:1508475',
        'cik:1508475: CIK 1508475, 2 letters, 0 related forms skipped, 1 discovery requests',
        '  warning: w1',
        '[1/2] 0001193125-14-000946 stored (fetched)',
        '[2/2] 0000000000-15-900001 FAILED',
        '',
      ].join('\n'),
    );
  });

  it('draws a progress bar when stderr is a TTY', () => {
    let out = '';
    const reporter = createProgressReporter({ write: (s: string) => (out += s), isTTY: true, columns: 120 });
    reporter.onEvent({ type: 'total', total: 4 });
    reporter.onEvent({
      type: 'filing-done',
      accessionNumber: '0001193125-14-000946',
      outcome: 'stored',
      fetched: true,
    });
    reporter.stop();
    assert.match(out, /1\/4 letters \| .* \| fetched 1 \| stored 1 \| failed 0/);
  });

  it('names each failed filing with its stage, code and reason; exit code 1', () => {
    const text = formatRunSummary(summary());
    assert.match(text, /^backfill: 3 letters listed, 1 stored, 1 already stored, 1 failed; 1 related forms skipped$/m);
    assert.match(text, /requests: 2 Archives \(complete submissions\), 2 discovery/);
    assert.match(
      text,
      /^ {2}0000000000-15-900001 UPLOAD 2015-06-09 at parse: BAD_INPUT truncated-submission: the submission ends before <\/SEC-DOCUMENT>$/m,
    );
    assert.equal(exitCodeOf(summary()), 1);
  });

  it('exits 0 when nothing failed, and 1 when a target could not be discovered', () => {
    assert.equal(exitCodeOf(summary({ failures: [] })), 0);
    const failedTarget = summary({ failures: [] });
    const targets = [
      { ...failedTarget.targets[0]!, failure: { code: 'EDGAR_NOT_FOUND' as const, reason: 'ticker X is not listed' } },
    ];
    assert.equal(exitCodeOf({ ...failedTarget, targets }), 1);
    assert.match(
      formatRunSummary({ ...failedTarget, targets }),
      /target file-number:001-35126 FAILED EDGAR_NOT_FOUND: ticker X/,
    );
  });
});
