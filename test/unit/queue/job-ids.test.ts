import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crawlPassJobId, filingJobId, targetJobId } from '../../../src/queue/job-ids.ts';

describe('job ids', () => {
  it("a filing's jobs are keyed by its accession, in its one spelling", () => {
    assert.equal(filingJobId('000119312514000946'), '0001193125-14-000946');
    assert.equal(filingJobId('0001193125-14-000946'), '0001193125-14-000946');
    assert.throws(() => filingJobId('not-an-accession'), /not an accession number/);
  });

  it('a target is keyed by its target key, with "=" where BullMQ forbids ":"', () => {
    assert.equal(targetJobId({ kind: 'file-number', value: '001-35126' }), 'file-number=001-35126');
    assert.equal(targetJobId({ kind: 'cik', value: '1508475' }), 'cik=1508475');
    assert.equal(targetJobId({ kind: 'ticker', value: 'VNET' }), 'ticker=VNET');
    assert.ok(!targetJobId({ kind: 'ticker', value: 'BRK-B' }).includes(':'));
  });

  it('a crawl --once pass is keyed by its pass id', () => {
    assert.equal(crawlPassJobId('2024-01-02T03-04-05-678Z'), 'crawl-once=2024-01-02T03-04-05-678Z');
  });
});
