import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { EdgarNotFoundError, EdgarUnavailableError } from '../../../src/errors.ts';
import { describeJobFailure, readFailedReason, toJobError } from '../../../src/queue/job-errors.ts';
import { badInput } from '../../../src/submission/bad-input.ts';

describe('job error policy', () => {
  it('the error class decides: bad input and 404 are not retried, 5xx and bugs are', () => {
    const bad = describeJobFailure(badInput('corrupt-pdf', '0001193125-14-000946', 'no xref table'));
    assert.deepEqual(bad, {
      code: 'BAD_INPUT',
      reason: 'BAD_INPUT: 0001193125-14-000946: no xref table',
      retryable: false,
    });
    assert.equal(describeJobFailure(new EdgarNotFoundError('u', 404, 'gone')).retryable, false);
    assert.equal(describeJobFailure(new EdgarUnavailableError('u', 503, 'busy')).retryable, true);
    const bug = describeJobFailure(new TypeError('x is undefined\n    at somewhere'));
    assert.deepEqual(bug, { code: 'INTERNAL', reason: 'INTERNAL: x is undefined at somewhere', retryable: true });
  });

  it('a payload that does not fit its schema is bad input, never retried', () => {
    const parsed = z.object({ n: z.number() }).safeParse({ n: 'one' });
    assert.ok(!parsed.success);
    const failure = describeJobFailure(parsed.error);
    assert.equal(failure.code, 'BAD_INPUT');
    assert.match(failure.reason, /^BAD_INPUT: invalid job payload: /);
    assert.ok(toJobError(failure, parsed.error) instanceof UnrecoverableError);
    assert.ok(!(toJobError({ ...failure, retryable: true }, null) instanceof UnrecoverableError));
  });

  it('reads a failedReason back into its typed code and cause, and anything else as INTERNAL', () => {
    assert.deepEqual(readFailedReason('EDGAR_NOT_FOUND: https://x/y: 404'), {
      code: 'EDGAR_NOT_FOUND',
      reason: 'https://x/y: 404',
    });
    assert.deepEqual(readFailedReason('job stalled more than allowable limit'), {
      code: 'INTERNAL',
      reason: 'job stalled more than allowable limit',
    });
    assert.deepEqual(readFailedReason('NOT_A_CODE: something'), { code: 'INTERNAL', reason: 'NOT_A_CODE: something' });
    assert.deepEqual(readFailedReason(undefined), { code: 'INTERNAL', reason: 'job failed' });
  });
});
