import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePlainText } from '../../../src/normalize/plain-text.ts';

// A plain-text CORRESP of the early 2000s (hand-made): fixed-width lines, <PAGE> breaks with a page number at
// the foot of each page and a running header on the next, a <TABLE> with <S>/<C> column marks.
const LETTER = `<PAGE>
                              ACME WIDGETS, INC.
                               One Main Street
                           Springfield, Ohio 45501

                                                            March 3, 2005

Securities and Exchange Commission
450 Fifth Street, N.W.
Washington, D.C. 20549

Dear Mr. Roe:

     We respond below to the comments in your letter dated February 10, 2005
regarding our Annual Report on Form 10-K. For convenience, each comment is
repeated before our response.

1.   Please tell us how you determined your reportable segments and why the
     two divisions are not reported separately.

     Response: The two divisions have similar economic characteristics and
are aggregated under paragraph 17 of the standard.

                                      1
<PAGE>
Securities and Exchange Commission
March 3, 2005
Page 2

<TABLE>
<CAPTION>
                          2004          2003
<S>                       <C>           <C>
Net sales                 $1,200        $1,050
Operating income             140           118
</TABLE>

                                        Sincerely,

                                        /s/ Jane Doe
                                        Jane Doe
                                        Chief Financial Officer
                                      2
`;

describe('plain-text letters', () => {
  const n = normalizePlainText(LETTER);

  it('rejoins wrapped paragraphs, keeps short lines apart and splits numbered comments', () => {
    assert.equal(n.textSource, 'text');
    assert.deepEqual(
      n.blocks.filter((b) => b.type !== 'table').map((b) => [b.type, b.marker, b.text, b.page]),
      [
        ['paragraph', null, 'ACME WIDGETS, INC.', 1],
        ['paragraph', null, 'One Main Street', 1],
        ['paragraph', null, 'Springfield, Ohio 45501', 1],
        ['paragraph', null, 'March 3, 2005', 1],
        ['paragraph', null, 'Securities and Exchange Commission', 1],
        ['paragraph', null, '450 Fifth Street, N.W.', 1],
        ['paragraph', null, 'Washington, D.C. 20549', 1],
        ['paragraph', null, 'Dear Mr. Roe:', 1],
        [
          'paragraph',
          null,
          'We respond below to the comments in your letter dated February 10, 2005 regarding our Annual Report on Form 10-K. For convenience, each comment is repeated before our response.',
          1,
        ],
        [
          'list-item',
          '1.',
          'Please tell us how you determined your reportable segments and why the two divisions are not reported separately.',
          1,
        ],
        [
          'paragraph',
          null,
          'Response: The two divisions have similar economic characteristics and are aggregated under paragraph 17 of the standard.',
          1,
        ],
        ['paragraph', null, 'Sincerely,', 2],
        ['paragraph', null, '/s/ Jane Doe', 2],
        ['paragraph', null, 'Jane Doe', 2],
        ['paragraph', null, 'Chief Financial Officer', 2],
      ],
    );
  });

  it('keeps <TABLE> regions as rows without their column marks', () => {
    assert.deepEqual(n.tables, [
      [
        ['2004', '2003'],
        ['Net sales', '$1,200', '$1,050'],
        ['Operating income', '140', '118'],
      ],
    ]);
    assert.equal(n.blocks.find((b) => b.type === 'table')?.tableIndex, 0);
  });

  it('drops page numbers and the running header of page 2', () => {
    assert.doesNotMatch(n.text, /Page 2|^\s*[12]\s*$/m);
  });
});
