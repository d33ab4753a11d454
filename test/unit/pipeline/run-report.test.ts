import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunReport } from '../../../src/pipeline/run-report.ts';
import type { RunEvent } from '../../../src/pipeline/run-events.ts';

const filing = (n: number) => ({
  accessionNumber: `0000000000-14-00000${n}`,
  form: 'CORRESP',
  filingDate: '2014-01-03',
});
const FAILURE = { stage: 'parse', code: 'BAD_INPUT', reason: 'corrupt-pdf: x', badInputReason: 'corrupt-pdf' } as const;

describe('RunReport', () => {
  it('counts each filing once, by its last outcome, with its bytes read and its failure', () => {
    const events: RunEvent[] = [];
    const report = new RunReport((e) => events.push(e));
    report.addListed([filing(1).accessionNumber, filing(2).accessionNumber]);
    report.addListed([filing(2).accessionNumber, filing(3).accessionNumber]);
    report.filingDone(filing(1), 'not-attributed', 'fetched');
    report.filingDone(filing(1), 'stored', 'none');
    report.filingDone(filing(2), 'failed', 'archive', FAILURE);
    report.filingDone(filing(3), 'unnumbered', 'archive');
    report.reclassify(filing(3).accessionNumber, 'stored');
    const summary = report.summary(1);
    assert.equal(summary.letters, 3);
    assert.deepEqual(summary.counts, { stored: 2, 'already-stored': 0, 'not-attributed': 0, unnumbered: 0, failed: 1 });
    assert.equal(summary.fetched, 1);
    assert.equal(summary.fromArchive, 2);
    assert.deepEqual(summary.failures, [{ ...filing(2), stage: 'parse', code: 'BAD_INPUT', reason: 'corrupt-pdf: x' }]);
    assert.equal(summary.threadAttributed, 1);
    assert.deepEqual(
      events.filter((e) => e.type === 'total').map((e) => (e.type === 'total' ? e.total : 0)),
      [2, 3],
    );
    assert.equal(events.filter((e) => e.type === 'filing-done').length, 4);
  });

  it('a failure followed by a success of the same filing leaves no failure', () => {
    const report = new RunReport();
    report.filingDone(filing(1), 'failed', 'none', FAILURE);
    report.filingDone(filing(1), 'stored', 'archive');
    assert.deepEqual(report.summary(0).failures, []);
    assert.equal(report.summary(0).counts.failed, 0);
  });

  it('sums targets up, failed ones with their code, and announces a crawl pass under the key "crawl"', () => {
    const events: RunEvent[] = [];
    const report = new RunReport((e) => events.push(e));
    const target = { kind: 'cik', value: '1999001' } as const;
    report.targetStarted(target);
    report.targetDiscovered(target, { ciks: ['1999001'], letters: 6, skipped: 1, requests: 2, warnings: [] });
    report.targetFailed({ kind: 'ticker', value: 'NOPE' }, { code: 'EDGAR_NOT_FOUND', reason: 'ticker NOPE' });
    report.targetDiscovered(null, { ciks: [], letters: 4, skipped: 0, requests: 9, warnings: [] });
    const summary = report.summary(0);
    assert.deepEqual(
      summary.targets.map((t) => [t.targetKey, t.failure?.code ?? null]),
      [
        ['cik:1999001', null],
        ['ticker:NOPE', 'EDGAR_NOT_FOUND'],
      ],
    );
    assert.equal(summary.skipped, 1);
    assert.ok(events.some((e) => e.type === 'target-discovered' && e.targetKey === 'crawl'));
  });
});
