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
    assert.equal(q.fileNumber, '001-35126');
    assert.equal(q.cik, '1508475');
    assert.deepEqual(q.forms, ['UPLOAD', 'CORRESP']);
    assert.equal(q.topic, 'revenue');
    assert.equal(q.limit, DEFAULT_LIMIT);
    assert.equal(q.cursor, null);
  });

  it('treats empty values as absent (an HTML form sends every field)', () => {
    const q = parseListQuery('search', { q: 'revenue', topic: '', form: '', since: '' });
    assert.equal(q.topic, undefined);
    assert.equal(q.forms, undefined);
  });

  it('refuses a filter that does not apply to the table, naming where it applies', () => {
    status400(
      () => parseListQuery('conversations', { form: 'UPLOAD' }),
      /form does not apply to conversations.*letters/,
    );
    status400(() => parseListQuery('letters', { status: 'open' }), /status does not apply to letters/);
    status400(() => parseListQuery('comments', { kind: 'comment' }), /kind does not apply to comments/);
    status400(() => parseListQuery('letters', { colour: 'red' }), /unknown parameter colour/);
  });

  it('refuses malformed values', () => {
    status400(() => parseListQuery('letters', { since: '2014-02-30' }), /since/);
    status400(() => parseListQuery('letters', { limit: '0' }), /limit/);
    status400(() => parseListQuery('letters', { limit: '201' }), /limit/);
    status400(() => parseListQuery('letters', { topic: 'gossip' }), /topic/);
    status400(() => parseListQuery('comments', { status: 'complete' }), /status/);
    status400(() => parseListQuery('conversations', { status: 'reissued' }), /status/);
    status400(() => parseListQuery('letters', { fileNumber: 'abc' }), /fileNumber/);
  });
});
