import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linesToPdfBlocks, measureLayout } from '../../../src/normalize/pdf-blocks.ts';
import { buildLines, UNMAPPED, type GlyphRun } from '../../../src/normalize/pdf-lines.ts';

// Glyph runs as pdf.js reports them for a 12pt Times letter on a US Letter page: x from the left, baseline y
// from the bottom, widths at about 6pt a character. Content-stream order is deliberately not reading order.
const CHAR = 5.4;
function run(text: string, x: number, y: number, size = 12): GlyphRun {
  return { text, x, y, width: text.length * CHAR * (size / 12), size };
}

/** A paragraph justified between 72 and 540: every line but the last fills the width. */
function paragraph(lines: string[], x: number, y: number, firstX = x): GlyphRun[] {
  return lines.map((text, i) => {
    const start = i === 0 ? firstX : x;
    const r = run(text, start, y - i * 13.8);
    return i < lines.length - 1 ? { ...r, width: 540 - start } : r;
  });
}

function blocksOf(runs: GlyphRun[], pages: GlyphRun[][] = []): [string, string | null, string][] {
  const lines = [runs, ...pages].flatMap((page, i) => buildLines(page, i + 1));
  return linesToPdfBlocks(lines, measureLayout(lines)).map((b) => [b.type, b.marker, b.text]);
}

describe('PDF layout: lines', () => {
  it('orders runs by baseline then x, whatever the content-stream order', () => {
    const lines = buildLines(
      [run('world', 110, 700), run('1.', 70, 650), run('Hello', 72, 700), run('Text', 105, 650)],
      1,
    );
    assert.deepEqual(
      lines.map((l) => [l.text, l.marker, l.body]),
      [
        ['Hello world', null, 'Hello world'],
        ['1. Text', '1.', 'Text'],
      ],
    );
  });

  it('attaches superscripts to their line instead of making a line of them', () => {
    const lines = buildLines([run('333 108', 72, 600), run('th', 110, 604.5, 7), run('Avenue NE', 122, 600)], 1);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['333 108th Avenue NE'],
    );
  });

  it('reads a glyph pdf.js cannot map, standing before indented text, as a bullet', () => {
    const lines = buildLines([run(UNMAPPED, 90, 500), run('the company is responsible', 108, 500)], 1);
    assert.deepEqual([lines[0]!.marker, lines[0]!.body, lines[0]!.textX], ['•', 'the company is responsible', 108]);
  });
});

describe('PDF layout: blocks', () => {
  it('makes one list item of a comment number alone at the margin and its text further right', () => {
    const runs = [
      run('Dear Mr. Doe:', 72, 720),
      ...paragraph(
        ['We note your disclosure of segment results and the measures you use to', 'evaluate them.'],
        108,
        690,
      ),
      // The number comes last in the stream, as in the SEC's own PDFs.
      ...paragraph(
        [
          'We note your response to prior comment 1. Please describe further the',
          'qualitative factors you considered.',
        ],
        105,
        640,
      ),
      run('3.', 70, 640),
    ];
    assert.deepEqual(blocksOf(runs), [
      ['paragraph', null, 'Dear Mr. Doe:'],
      ['paragraph', null, 'We note your disclosure of segment results and the measures you use to evaluate them.'],
      [
        'list-item',
        '3.',
        'We note your response to prior comment 1. Please describe further the qualitative factors you considered.',
      ],
    ]);
  });

  it('keeps address lines apart and joins wrapped lines, keeping line-end hyphens without a space', () => {
    const runs = [
      run('Jane Doe', 72, 700),
      run('Chief Financial Officer', 72, 686.2),
      run('Acme Widgets, Inc.', 72, 672.4),
      ...paragraph(
        [
          'You may contact John Roe at (202) 551-',
          '3470 if you have questions about the U.S.-',
          'designated countries.',
        ],
        108,
        640,
        108,
      ),
    ];
    assert.deepEqual(
      blocksOf(runs).map((b) => b[2]),
      [
        'Jane Doe',
        'Chief Financial Officer',
        'Acme Widgets, Inc.',
        'You may contact John Roe at (202) 551-3470 if you have questions about the U.S.-designated countries.',
      ],
    );
  });

  it('splits paragraphs at a vertical gap and separates consecutive headings', () => {
    const runs = [
      run('Form 10-K for the Fiscal Year Ended December 31, 2023', 72, 700),
      run('Notes to Consolidated Financial Statements', 72, 686.2),
      ...paragraph(['First paragraph text that fills the whole of its line to the margin and', 'ends here.'], 72, 660),
      ...paragraph(
        ['Second paragraph, after a blank line, fills its line to the margin too and', 'ends there.'],
        72,
        620,
      ),
    ];
    assert.deepEqual(
      blocksOf(runs).map((b) => b[2]),
      [
        'Form 10-K for the Fiscal Year Ended December 31, 2023',
        'Notes to Consolidated Financial Statements',
        'First paragraph text that fills the whole of its line to the margin and ends here.',
        'Second paragraph, after a blank line, fills its line to the margin too and ends there.',
      ],
    );
  });

  it('carries a number standing alone on its line to the text on the next line', () => {
    const runs = [run('2.', 72, 700), ...paragraph(['Please tell us how you applied the guidance.'], 72, 686.2)];
    assert.deepEqual(blocksOf(runs), [['list-item', '2.', 'Please tell us how you applied the guidance.']]);
  });

  it('continues an item whose text wraps back under its number', () => {
    const runs = [
      ...paragraph(
        ['4. Please revise your disclosure to describe the nature of the charges and', 'quantify each of them.'],
        72,
        700,
      ),
    ];
    assert.deepEqual(blocksOf(runs), [
      [
        'list-item',
        '4.',
        'Please revise your disclosure to describe the nature of the charges and quantify each of them.',
      ],
    ]);
  });
});
