import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html, paragraphs, safeHref } from '../../../src/serve/html.ts';
import { markedSnippet } from '../../../src/serve/pages/search-page.ts';

describe('html escaping', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const hostile = `<script>alert(1)</script> <img src=x onerror="x()"> ' "`;
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    assert.doesNotMatch(out, /<script>|<img/);
    assert.equal(out.match(/"/g)?.length, 2, 'only the attribute’s own quotes');
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('keeps nested html and drops null, undefined and false', () => {
    const inner = html`<b>${'a&b'}</b>`;
    assert.equal(
      html`<i>${inner}${null}${undefined}${false}${[1, '<', inner]}</i>`.value,
      '<i><b>a&amp;b</b>1&lt;<b>a&amp;b</b></i>',
    );
  });

  it('lets only our paths and https URLs into an href', () => {
    assert.equal(safeHref('/reviews/a%2Fb'), '/reviews/a%2Fb');
    assert.equal(
      safeHref('https://www.sec.gov/Archives/edgar/data/1/2/x-index.htm'),
      'https://www.sec.gov/Archives/edgar/data/1/2/x-index.htm',
    );
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      'http://x',
    ]) {
      assert.equal(safeHref(bad), '#', bad);
    }
  });

  it('renders letter text as paragraphs and lines, escaped', () => {
    assert.equal(paragraphs('a <b>\nc\n\nd').value, '<p>a &lt;b&gt;<br>c</p><p>d</p>');
  });

  it('marks the matches of a store snippet and escapes the rest', () => {
    assert.equal(
      markedSnippet('the [revenue] of <script>[x]</script>').value,
      'the <mark>revenue</mark> of &lt;script&gt;<mark>x</mark>&lt;/script&gt;',
    );
  });
});
