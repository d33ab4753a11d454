import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAttributedTo, scopeOf, scopeStores, widenScope } from '../../../src/filing/scope.ts';

describe('run scope', () => {
  it('attributes a letter to a number it names in any spelling, and not to others', () => {
    assert.ok(isAttributedTo(['000-12345'], '0-12345'));
    assert.ok(isAttributedTo(['001-35126', '333-1'], '001-35126'));
    assert.ok(!isAttributedTo(['001-35127'], '001-35126'));
    assert.ok(!isAttributedTo([], '001-35126'));
  });

  it('a file-number target stores its number only; a CIK or ticker target stores everything', () => {
    assert.deepEqual(scopeOf({ kind: 'file-number', value: '001-35126' }), { fileNumbers: ['001-35126'] });
    assert.equal(scopeOf({ kind: 'cik', value: '1508475' }), null);
    assert.equal(scopeOf({ kind: 'ticker', value: 'VNET' }), null);
  });

  it('widening adds file numbers once, and everything wins', () => {
    assert.deepEqual(widenScope({ fileNumbers: ['001-1'] }, { fileNumbers: ['001-1', '333-2'] }), {
      fileNumbers: ['001-1', '333-2'],
    });
    assert.equal(widenScope({ fileNumbers: ['001-1'] }, null), null);
    assert.equal(widenScope(null, { fileNumbers: ['001-1'] }), null);
  });

  it('a scope stores letters naming one of its numbers; the null scope stores every letter, numbered or not', () => {
    assert.ok(scopeStores({ fileNumbers: ['1-35126'] }, ['333-1', '001-35126']));
    assert.ok(!scopeStores({ fileNumbers: ['001-35126'] }, ['333-1']));
    assert.ok(!scopeStores({ fileNumbers: ['001-35126'] }, []));
    assert.ok(scopeStores(null, []));
  });
});
