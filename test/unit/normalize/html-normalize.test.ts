import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeHtml } from '../../../src/normalize/html-normalize.ts';
import type { TextBlock } from '../../../src/normalize/types.ts';

// Hand-made HTML in the shapes filing agents write (Workiva inline CSS, Donnelley tables, Toppan <P STYLE>).
const W = 'font-family:Arial;font-size:10pt';

function texts(blocks: readonly TextBlock[]): string[] {
  return blocks.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text));
}

function only<T>(items: readonly T[], predicate: (item: T) => boolean): T {
  const found = items.filter(predicate);
  assert.equal(found.length, 1, `expected exactly one match, found ${found.length}`);
  return found[0]!;
}

describe('HTML letters: text', () => {
  it('makes one block per paragraph, div and <br> line, and renders them separated by blank lines', () => {
    const n = normalizeHtml(
      '<html><body><p>Acme Widgets, Inc.<br>One Main Street</p><div>Dear Ms. Smith:</div><p>We respond below.</p></body></html>',
    );
    assert.deepEqual(texts(n.blocks), [
      'Acme Widgets, Inc.',
      'One Main Street',
      'Dear Ms. Smith:',
      'We respond below.',
    ]);
    assert.equal(n.text, 'Acme Widgets, Inc.\n\nOne Main Street\n\nDear Ms. Smith:\n\nWe respond below.');
    assert.equal(n.textSource, 'html');
    assert.deepEqual(n.warnings, []);
  });

  it('decodes entities, windows-1252 numeric references and collapses nbsp runs', () => {
    const n = normalizeHtml(
      '<p>the&nbsp;&nbsp;&nbsp;&#147;Company&#148;&#146;s&#160;response &amp; &#8220;Staff&#8221; &eacute;t&eacute;&#151;done</p>',
    );
    assert.equal(
      n.blocks[0]!.text,
      'the \u201cCompany\u201d\u2019s response & \u201cStaff\u201d \u00e9t\u00e9\u2014done',
    );
  });

  it('drops scripts, styles, hidden elements, comments and images', () => {
    const n = normalizeHtml(
      '<html><head><title>CORRESP</title><style>p{}</style></head><body><img src="logo.jpg" alt="LOGO"><!-- Field: Page --><div style="display:none">hidden</div><p>Visible</p><script>x()</script></body></html>',
    );
    assert.deepEqual(texts(n.blocks), ['Visible']);
  });

  it('warns when the letter is only images', () => {
    const n = normalizeHtml('<html><body><p><img src="page1.jpg"></p><p><img src="page2.jpg"></p></body></html>');
    assert.equal(n.text, '');
    assert.deepEqual(n.warnings, ['the HTML letter has no text, only 2 image(s): a scanned letter needs OCR']);
  });
});

describe('HTML letters: emphasis and markers', () => {
  it('records whole-block emphasis from tags and from Workiva inline CSS', () => {
    const n = normalizeHtml(
      [
        `<div><font style="${W};font-weight:700">Response to Comment 1:</font></div>`,
        `<div><font style="${W};font-style:italic">Please revise your disclosure.</font></div>`,
        `<div><font style="${W};text-decoration:underline">Results of Operations, page 32</font></div>`,
        '<p><B><I>Quoted comment in bold italics.</I></B></p>',
        `<p style="font: bold 10pt Times New Roman">Shorthand bold.</p>`,
        `<div><font style="${W};font-weight:400">Plain text with one <b>bold</b> word.</font></div>`,
      ].join(''),
    );
    assert.deepEqual(
      n.blocks.map((b) => b.emphasis),
      [['bold'], ['italic'], ['underline'], ['bold', 'italic'], ['bold'], []],
    );
  });

  it('splits comment numbers off quoted comments and measures emphasis without them', () => {
    const n = normalizeHtml(
      '<p>1.&nbsp;&nbsp;&nbsp;&nbsp;<i>Please expand your discussion of segment results.</i></p>' +
        `<div><font style="${W}">2.</font><font style="${W};font-style:italic;padding-left:24pt">Please tell us more.</font></div>` +
        `<div><font style="${W};padding-right:36px">3.</font><font style="${W};font-style:italic">Please revise.</font></div>` +
        '<p><b>Comment 4:</b> Please file the exhibit.</p>',
    );
    assert.deepEqual(
      n.blocks.map((b) => [b.type, b.marker, b.text, b.emphasis]),
      [
        ['list-item', '1.', 'Please expand your discussion of segment results.', ['italic']],
        ['list-item', '2.', 'Please tell us more.', ['italic']],
        ['list-item', '3.', 'Please revise.', ['italic']],
        ['list-item', 'Comment 4:', 'Please file the exhibit.', []],
      ],
    );
  });

  it('turns Workiva bullet paragraphs into list items with nesting from their padding', () => {
    const item = (pad: number, bullet: string, text: string): string =>
      `<div style="padding-left:${pad}pt;text-indent:-18pt"><font style="${W}">${bullet}</font><font style="${W};padding-left:14.5pt">${text}</font></div>`;
    const n = normalizeHtml(item(36, '&#8226;', 'Advertising net sales.') + item(72, '&#9702;', 'Browser sales.'));
    assert.deepEqual(
      n.blocks.map((b) => [b.type, b.marker, b.text, b.indent]),
      [
        ['list-item', '•', 'Advertising net sales.', 1],
        ['list-item', '◦', 'Browser sales.', 2],
      ],
    );
  });

  it('keeps <ol>/<ul> numbering and nesting', () => {
    const n = normalizeHtml(
      '<ol start="3"><li>Third point<ul><li>sub point</li></ul></li><li>Fourth point</li></ol><ol type="a"><li>first</li></ol>',
    );
    assert.deepEqual(
      n.blocks.map((b) => [b.marker, b.text, b.indent]),
      [
        ['3.', 'Third point', 1],
        ['•', 'sub point', 2],
        ['4.', 'Fourth point', 1],
        ['a.', 'first', 1],
      ],
    );
  });

  it('does not take a name initial for a marker', () => {
    const n = normalizeHtml('<p>D. Cameron Findlay</p><p>(a) first clause</p>');
    assert.deepEqual(
      n.blocks.map((b) => [b.marker, b.text]),
      [
        [null, 'D. Cameron Findlay'],
        ['(a)', 'first clause'],
      ],
    );
  });

  it('marks short emphasised lines after the salutation as headings', () => {
    const n = normalizeHtml(
      '<p><b><u>VIA EDGAR</u></b></p><p>Dear Sirs:</p><p><u>Form 10-K for the Fiscal Year Ended December 31, 2023</u></p>' +
        '<p><b>Critical Accounting Estimates, page 45</b></p><p>1. <i>Please revise.</i></p><p><b>Response:</b></p>' +
        '<p>We will revise the disclosure.</p><h2>Closing remarks</h2>',
    );
    assert.deepEqual(
      n.blocks.map((b) => [b.type, b.text]),
      [
        ['paragraph', 'VIA EDGAR'],
        ['paragraph', 'Dear Sirs:'],
        ['heading', 'Form 10-K for the Fiscal Year Ended December 31, 2023'],
        ['heading', 'Critical Accounting Estimates, page 45'],
        ['list-item', 'Please revise.'],
        ['paragraph', 'Response:'],
        ['paragraph', 'We will revise the disclosure.'],
        ['heading', 'Closing remarks'],
      ],
    );
  });
});

describe('HTML letters: tables', () => {
  it('keeps a data table as rows, merging currency and parenthesis cells and dropping spacer columns', () => {
    const n = normalizeHtml(`<p>The amounts were:</p>
<TABLE><TR><TD></TD><TD></TD><TD COLSPAN="2">2023</TD><TD></TD><TD COLSPAN="2">2022</TD></TR>
<TR><TD>Revenue</TD><TD>&nbsp;</TD><TD>$</TD><TD>1,200</TD><TD>&nbsp;</TD><TD>$</TD><TD>1,050</TD></TR>
<TR><TD>Impairment</TD><TD>&nbsp;</TD><TD></TD><TD>(45</TD><TD>)</TD><TD></TD><TD>&#151;</TD></TR>
<TR><TD>Margin</TD><TD></TD><TD></TD><TD>12.5</TD><TD>%</TD><TD></TD><TD>11.0%</TD></TR></TABLE>`);
    assert.deepEqual(n.tables, [
      [
        ['', '2023', '2022'],
        ['Revenue', '$1,200', '$1,050'],
        ['Impairment', '(45)', '\u2014'],
        ['Margin', '12.5%', '11.0%'],
      ],
    ]);
    const table = only(n.blocks, (b) => b.type === 'table');
    assert.equal(table.tableIndex, 0);
    assert.equal(
      table.text,
      '2023 | 2022\nRevenue | $1,200 | $1,050\nImpairment | (45) | \u2014\nMargin | 12.5% | 11.0%',
    );
  });

  it('flattens layout tables: letterhead grids, Re: blocks and signature blocks', () => {
    const n =
      normalizeHtml(`<table><tr><td><div>Acme Widgets, Inc.</div><div>One Main Street</div></td><td>May 1, 2024</td></tr></table>
<table><tr><td>Re:</td><td><div>Acme Widgets, Inc.</div><div>Form 10-K for the Fiscal Year Ended December 31, 2023</div><div>File No. 001-12345</div></td></tr></table>
<table><tr><td>&nbsp;</td><td>By:</td><td><i>/s/ Jane Roe</i></td></tr><tr><td></td><td>Name:</td><td>Jane Roe</td></tr><tr><td></td><td>Title:</td><td>Chief Financial Officer</td></tr></table>`);
    assert.deepEqual(texts(n.blocks), [
      'Acme Widgets, Inc.',
      'One Main Street',
      'May 1, 2024',
      'Re: Acme Widgets, Inc.',
      'Form 10-K for the Fiscal Year Ended December 31, 2023',
      'File No. 001-12345',
      'By: /s/ Jane Roe',
      'Name: Jane Roe',
      'Title: Chief Financial Officer',
    ]);
    assert.deepEqual(n.tables, []);
  });

  it('reads bullet and number lists drawn as a marker cell beside a text cell', () => {
    const row = (marker: string, text: string): string =>
      `<TABLE><TR><TD WIDTH="5%">&nbsp;</TD><TD WIDTH="3%">${marker}</TD><TD>${text}</TD></TR></TABLE>`;
    const n = normalizeHtml(
      row('&#149;', '<I>represent the board;</I>') + row('2.', 'second comment') + row('(b)', 'a clause'),
    );
    assert.deepEqual(
      n.blocks.map((b) => [b.type, b.marker, b.text, b.emphasis]),
      [
        ['list-item', '•', 'represent the board;', ['italic']],
        ['list-item', '2.', 'second comment', []],
        ['list-item', '(b)', 'a clause', []],
      ],
    );
  });
});

describe('HTML letters: page furniture', () => {
  it('drops the running header after a page break and the page numbers', () => {
    const n =
      normalizeHtml(`<p>Dear Sir:</p><p>The Company provides its response to the comment, which concerns a topic described at
length over more than a page of this letter and continues on the next</p>
<p align="center">1</p>
<p style="page-break-before:always"></p><hr>
<table><tr><td>Securities and Exchange Commission</td><td>- 2 -</td><td>September 26, 2022</td></tr></table>
<p>page, where it ends.</p><p>Sincerely,</p><p align="center">2</p>`);
    assert.deepEqual(texts(n.blocks), [
      'Dear Sir:',
      'The Company provides its response to the comment, which concerns a topic described at length over more than a page of this letter and continues on the next page, where it ends.',
      'Sincerely,',
    ]);
    assert.deepEqual(
      n.blocks.map((b) => b.page),
      [1, 1, 2],
    );
  });

  it('drops "Page N" headers and footers repeated on every page, keeping the first page letterhead', () => {
    const page = (n: number, body: string): string =>
      `${n > 1 ? '<hr style="page-break-after:always">' : ''}` +
      `${n > 1 ? `<div>Acme Widgets, Inc.</div><div>April 29, 2024</div><div>Page ${n}</div>` : '<div>Acme Widgets, Inc.</div><div>April 29, 2024</div>'}` +
      `<p>${body}</p>` +
      `<div><b>Confidential Treatment Requested by Acme Widgets, Inc.</b></div><div><b>AW-00${n}</b></div>`;
    const n = normalizeHtml(page(1, 'First page text.') + page(2, 'Second page text.') + page(3, 'Third page text.'));
    assert.deepEqual(texts(n.blocks), [
      'Acme Widgets, Inc.',
      'April 29, 2024',
      'First page text.',
      'Second page text.',
      'Third page text.',
    ]);
  });

  it('takes a bare <hr> under a letterhead for a rule, and a sized one for the end of a page', () => {
    const n = normalizeHtml(
      '<div>ACME WIDGETS, INC.</div><div><hr></div><div>May 27, 2016</div><p>First page.</p>' +
        '<p align="center">1</p><div><hr size="3" width="100%" noshade></div><p>Acme Widgets, Inc.</p><p>May 27, 2016</p>' +
        '<p>Page 2</p><p>Second page.</p>',
    );
    assert.deepEqual(
      n.blocks.map((b) => [b.text, b.page]),
      [
        ['ACME WIDGETS, INC.', 1],
        ['May 27, 2016', 1],
        ['First page.', 1],
        ['Second page.', 2],
      ],
    );
  });
});

describe('HTML letters: page images with a hidden text layer', () => {
  it('cuts the 1pt text beside each page image back into lines and paragraphs', () => {
    const layer =
      '      Jane Doe  Vice President and Controller  100 Main Street   Springfield, OH  45501    ' +
      'Via EDGAR          March 13, 2020    Re:   Acme Widgets, Inc.        File No. 001-12345    Dear Ms. Roe:          ' +
      'We refer to your letter dated February 20, 2020 and confirm the extension of time agreed in our telephone  ' +
      'conversation of March 12, 2020.          Very truly yours,          /s/ Jane Doe   ';
    const n = normalizeHtml(
      `<div><img src="page1.jpg" width="1055"><div><font size="1" style="font-size:1pt;color:white">${layer}</font></div></div>` +
        '<div><font style="font-size:1pt">&nbsp;</font></div>',
    );
    assert.deepEqual(texts(n.blocks), [
      'Jane Doe',
      'Vice President and Controller',
      '100 Main Street',
      'Springfield, OH 45501',
      'Via EDGAR',
      'March 13, 2020',
      'Re: Acme Widgets, Inc.',
      'File No. 001-12345',
      'Dear Ms. Roe:',
      'We refer to your letter dated February 20, 2020 and confirm the extension of time agreed in our telephone conversation of March 12, 2020.',
      'Very truly yours,',
      '/s/ Jane Doe',
    ]);
  });

  it('keeps the text of broken HTML nested deeper than the call stack, with a warning', () => {
    const n = normalizeHtml(
      '<p>' + '<font size="2">word '.repeat(12000) + '</p>' + '<table><tr><td>'.repeat(3000) + 'innermost cell',
    );
    assert.equal(n.blocks.length, 2);
    assert.equal(n.blocks[0]!.text, Array(12000).fill('word').join(' '));
    assert.equal(n.blocks[1]!.text, 'innermost cell');
    assert.deepEqual(n.warnings, ['the HTML nests deeper than 200 elements: the deeper structure was flattened']);
  });
});
