import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'cheerio/slim';
import fc from 'fast-check';
import { parseMarkup } from '../../src/parse-markup.ts';

// The DOM as JSON without the back links (parent, prev, next), which would make it circular.
const dump = (node: unknown): string =>
  JSON.stringify(node, (key, value: unknown) =>
    key === 'parent' || key === 'prev' || key === 'next' ? undefined : value,
  );

const PIECES = [
  '<b>',
  '</b>',
  '<p>',
  '</p>',
  '<svg>',
  '</svg>',
  '<math>',
  '<mi>',
  '</math>',
  '<foreignObject>',
  '</foreignObject>',
  '<desc>',
  '<td>',
  '<tr>',
  '<table>',
  '</table>',
  '<br>',
  '</br>',
  '<li>',
  '<ul>',
  '</ul>',
  '<option>',
  '<select>',
  '<font size="2">',
  '</font>',
  'text',
  ' ',
  '&amp;',
  '&#147;',
  '<!-- c -->',
  '<script>x</script>',
  '<title>',
  '<img/>',
  '<x/>',
  '</x>',
  '<p/>',
  '<h1>',
  '</h2>',
  '<input>',
  '</input>',
  '<![CDATA[x]]>',
  '<?xml v?>',
  '<Entry>',
  '</entry>',
];

describe('parseMarkup', () => {
  for (const xml of [false, true]) {
    it(`builds the same ${xml ? 'XML' : 'HTML'} tree as cheerio's load, on any nesting`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
          const markup = pieces.join('');
          const expected = load(markup, xml ? { xml: true } : undefined).root()[0];
          assert.equal(dump(parseMarkup(markup, { xml })), dump(expected), markup);
        }),
        { numRuns: 1500, seed: 9 },
      );
    });
  }

  it('closes 100,000 unclosed tags in one go', () => {
    // htmlparser2's own stack moved every open element for each new one: this took minutes.
    const root = parseMarkup('<b>x'.repeat(100_000));
    let depth = 0;
    for (let node = root.children[0]; node && 'children' in node; node = node.children.at(-1)) depth++;
    assert.equal(depth, 100_000);
  });
});
