import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CrawlPayloadSchema,
  DiscoverTargetPayloadSchema,
  FetchPayloadSchema,
  ThreadsPayloadSchema,
} from '../../../src/queue/job-payloads.ts';

const REF = {
  accessionNumber: '0001193125-14-000946',
  cik: '1508475',
  form: 'CORRESP',
  filingDate: '2014-01-03',
  acceptanceDateTime: null,
  fileNumber: null,
  primaryDocument: null,
};

describe('job payload schemas', () => {
  it('accept what the producers write', () => {
    assert.ok(FetchPayloadSchema.safeParse({ ref: REF, scope: { fileNumbers: ['001-35126'] } }).success);
    assert.ok(FetchPayloadSchema.safeParse({ ref: REF, scope: null }).success);
    assert.ok(
      DiscoverTargetPayloadSchema.safeParse({
        target: { kind: 'file-number', value: '001-35126' },
        forms: ['CORRESP', 'UPLOAD'],
        since: null,
        until: '2020-12-31',
      }).success,
    );
    assert.deepEqual(CrawlPayloadSchema.parse({ forms: ['UPLOAD'] }), { forms: ['UPLOAD'], since: null });
    assert.ok(ThreadsPayloadSchema.safeParse({ cik: '1508475' }).success);
  });

  it('refuse what no producer writes: other spellings, empty scopes, unknown forms', () => {
    assert.ok(!FetchPayloadSchema.safeParse({ ref: { ...REF, cik: '0001508475' }, scope: null }).success);
    assert.ok(!FetchPayloadSchema.safeParse({ ref: REF, scope: { fileNumbers: [] } }).success);
    assert.ok(!FetchPayloadSchema.safeParse({ ref: REF, scope: { fileNumbers: ['1-35126'] } }).success);
    assert.ok(
      !DiscoverTargetPayloadSchema.safeParse({
        target: { kind: 'cik', value: '0001508475' },
        forms: ['CORRESP'],
        since: null,
        until: null,
      }).success,
    );
    assert.ok(!CrawlPayloadSchema.safeParse({ forms: ['8-K'] }).success);
    assert.ok(!ThreadsPayloadSchema.safeParse({ cik: '0' }).success);
  });
});
