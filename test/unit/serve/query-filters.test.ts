import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../../../src/serve/http-error.ts';
import { DEFAULT_LIMIT, parseListQuery } from '../../../src/serve/query-filters.ts';

const status400 = (fn: () => unknown, message: RegExp) =>
  assert.throws(
    fn,
    (error: unknown) => error instanceof HttpError && error.status === 400 && message.test(error.message),
  );

describe('list query parameters', () => {
  it('reads the filters of a table, normalising identifiers', () => {
    const q = parseListQuery('letters', {
      fileNumber: '1-35126',
      cik: '0001508475',
      form: 'UPLOAD,CORRESP',
      topic: 'revenue',
    });
    assert.deepEqual(q.filter, {
      fileNumber: '001-35126',
      cik: '1508475',
      forms: ['UPLOAD', 'CORRESP'],
      topic: 'revenue',
    });
    assert.equal(q.limit, DEFAULT_LIMIT);
    assert.equal(q.cursor, null);
  });

  it("reads the status of the route's table and search as the letters' filters plus q", () => {
    assert.equal(parseListQuery('comments', { status: 'reissued' }).filter.status, 'reissued');
    assert.equal(parseListQuery('conversations', { status: ['answered'] }).filter.status, 'answered');
    const search = parseListQuery('search', { q: ' revenue ', kind: 'comment', limit: '5', cursor: 'c' });
    assert.deepEqual([search.q, search.filter.kinds, search.limit, search.cursor], ['revenue', ['comment'], 5, 'c']);
    assert.equal(parseListQuery('letters', { include: 'text' }).includeText, true);
  });

  it('treats empty values as absent (an HTML form sends every field)', () => {
    const q = parseListQuery('search', { q: 'revenue', topic: '', form: '', since: '' });
    assert.deepEqual(q.filter, {});
  });

  it('refuses a filter that does not apply to the table, naming where it applies', () => {
    status400(
      () => parseListQuery('conversations', { form: 'UPLOAD' }),
      /form does not apply to conversations.*letters/,
    );
    status400(() => parseListQuery('letters', { status: 'open' }), /status does not apply to letters/);
    status400(() => parseListQuery('comments', { kind: 'comment' }), /kind does not apply to comments/);
    status400(() => parseListQuery('letters', { colour: 'red' }), /unknown parameter colour/);
    // Empty is no condition, but a filter that does not apply is refused even empty.
    status400(() => parseListQuery('letters', { status: '' }), /status does not apply to letters/);
    status400(() => parseListQuery('search', { q: 'x', status: 'open' }), /status does not apply to letters/);
  });

  it('refuses malformed values', () => {
    status400(() => parseListQuery('letters', { since: '2014-02-30' }), /since/);
    status400(() => parseListQuery('letters', { limit: '0' }), /limit/);
    status400(() => parseListQuery('letters', { limit: '201' }), /limit/);
    status400(() => parseListQuery('letters', { topic: 'gossip' }), /topic/);
    status400(() => parseListQuery('comments', { status: 'complete' }), /status/);
    status400(() => parseListQuery('conversations', { status: 'reissued' }), /status/);
    status400(() => parseListQuery('letters', { fileNumber: 'abc' }), /^fileNumber "abc" is not a file number/);
    status400(() => parseListQuery('comments', { cik: 'x1' }), /^cik "x1" is not a CIK/);
    status400(() => parseListQuery('letters', { form: 'CORRESP,10-K' }), /^form "10-K": use one of CORRESP, UPLOAD/);
    status400(() => parseListQuery('letters', { include: 'all' }), /include "all"/);
  });
});
