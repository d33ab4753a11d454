/**
 * The linear rewrites of issue 9 answer exactly as the super-linear code they replaced (kept in
 * previous-implementations.ts), on generated inputs built from the characters each pattern cares about and
 * small enough for the old code to finish. Fixed seeds: the same cases every run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitFeedTitle } from '../../../src/discover/browse-atom.ts';
import { bestChain } from '../../../src/letter/items.ts';
import { findConfidentialTreatment } from '../../../src/letter/markers.ts';
import { findSecStaff } from '../../../src/letter/staff.ts';
import { buildLines, type GlyphRun } from '../../../src/normalize/pdf-lines.ts';
import { splitTables, type TextLine } from '../../../src/normalize/plain-text.ts';
import { joinLines } from '../../../src/normalize/text-blocks.ts';
import { splitHeaderLine } from '../../../src/submission/sgml-header.ts';
import {
  OLD_FEED_TITLE,
  OLD_HEADER_LINE,
  OLD_OF_STAFF,
  OLD_REDACTION,
  OLD_SEC_PHONE,
  oldBestChain,
  oldBuildLines,
  oldJoinContinuations,
  oldJoinCut,
  oldJoinLines,
  oldJoinSplitLines,
  oldSplitTables,
} from './previous-implementations.ts';
import { joinCutParagraphs } from '../../../src/normalize/page-furniture.ts';
import { joinSplitLines } from '../../../src/normalize/html-normalize.ts';
import { joinContinuations } from '../../../src/letter/unit-split.ts';
import { draft, type DraftBlock } from '../../../src/normalize/text-blocks.ts';
import type { Unit } from '../../../src/letter/units.ts';
import { parseReferences } from '../../../src/letter/references.ts';
import { oldParseReferences } from './old-references.ts';
import { oldParseBrowseFeed } from './old-browse-atom.ts';
import { parseBrowseFeed } from '../../../src/discover/browse-atom.ts';
import { mutated } from '../../property/support/mutations.ts';
import { loadSeeds } from '../../property/support/seeds.ts';

const RUNS = { numRuns: 2000, seed: 9 };

/** Strings of up to `max` pieces drawn from `pieces`. */
const textOf = (pieces: readonly string[], max = 40) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: max }).map((p) => p.join(''));

describe('rewritten patterns answer as before', () => {
  it('redactions: "[", stars and spaces, "]" are counted as the nested pattern counted them', () => {
    // Few stars in a row: the old pattern doubles its work with each one.
    fc.assert(
      fc.property(textOf(['[', ']', '*', '* ', ' ', '\t', 'x', '[redacted]', 'omitted', '[ ', ' ]'], 24), (text) => {
        assert.equal(findConfidentialTreatment(text).redactions, text.match(OLD_REDACTION)?.length ?? 0);
      }),
      RUNS,
    );
  });

  it('SGML header lines split into the same indentation, key and value', () => {
    fc.assert(
      fc.property(textOf([' ', '\t', ':', '<', 'A', 'b', '\r', '  ', 'KEY', '>'], 16), (line) => {
        const old = OLD_HEADER_LINE.exec(line);
        const now = splitHeaderLine(line);
        assert.deepEqual(now, old ? { indent: old[1], key: old[2], value: old[3] } : null, JSON.stringify(line));
      }),
      RUNS,
    );
  });

  it('feed titles split into the same form, name and CIK', () => {
    const clean = (t: string) => t.replace(/\s+/g, ' ').trim();
    fc.assert(
      fc.property(
        textOf([' - ', ' ', '-', '(', ')', '1', '12', 'A', 'b', ' (1)', ' (Filer)', ' (12345678901)'], 14),
        (raw) => {
          const title = clean(raw);
          const old = OLD_FEED_TITLE.exec(title);
          const now = splitFeedTitle(title);
          assert.deepEqual(now, old ? { form: old[1], name: old[2], cik: old[3] } : null, JSON.stringify(title));
        },
      ),
      RUNS,
    );
  });

  it('SEC staff named by telephone or "of the Staff" are the same people (name words up to 40 letters)', () => {
    const oldStaff = (text: string): string[] => {
      const flat = text.replace(/\s+/g, ' ');
      const names = [...flat.matchAll(OLD_SEC_PHONE)].map((m) => m[1]!.replace(/^(?:or|and|contact|call)\s+/i, ''));
      return [...names, ...[...flat.matchAll(OLD_OF_STAFF)].map((m) => m[1]!)];
    };
    const words = [
      'Jane',
      'Roe',
      'Mr. ',
      'A. ',
      'Ann-Marie',
      "O'Neil",
      'ABC',
      'x',
      ',',
      ', Staff Attorney,',
      ' at ',
      ' on ',
      '(202) 551-3712',
      '551-1234',
      ' of the Staff',
      ' from the SEC',
      ' ',
      '  ',
      '\n',
    ];
    fc.assert(
      fc.property(textOf(words, 20), (text) => {
        const found = findSecStaff({
          form: 'CORRESP',
          text,
          addressees: [],
          addressedToSec: false,
          signatories: [],
          cc: [],
        });
        // findSecStaff keeps the candidates that read as person names, deduplicated: check that filter on both lists.
        const kept = findSecStaff({
          form: 'UPLOAD',
          text: '',
          addressees: [],
          addressedToSec: false,
          signatories: oldStaff(text).map((name) => ({ name, title: null })),
          cc: [],
        });
        assert.deepEqual(found, kept, JSON.stringify(text));
      }),
      RUNS,
    );
  });

  it('paragraph lines join as before, hyphenated breaks included', () => {
    fc.assert(
      fc.property(fc.array(textOf(['a', 'B', '1', '.', '-', ' ', '(', 'é'], 6), { maxLength: 12 }), (lines) => {
        assert.equal(joinLines(lines), oldJoinLines(lines));
      }),
      RUNS,
    );
  });

  it('plain-text tables are cut from the same lines', () => {
    const line = textOf(['a', 'b', ' ', '  ', '   ', '-'.repeat(10), '='], 6).map((text): TextLine => ({
      text,
      indent: 0,
      page: 1,
    }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        assert.deepEqual(splitTables(lines), oldSplitTables(lines));
      }),
      RUNS,
    );
  });

  it('the chain of comment numbers is the same', () => {
    const candidate = fc.record({
      number: fc.integer({ min: 1, max: 12 }),
      weight: fc.constantFrom(0.15, 0.3, 0.5, 0.6, 0.7, 0.8, 1),
      style: fc.constantFrom('dot' as const, 'paren' as const, 'comment' as const, 'bare' as const),
      depth: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), fc.constantFrom(3, 25), (candidates, maxGap) => {
        assert.deepEqual(bestChain(candidates, maxGap), oldBestChain(candidates, maxGap));
      }),
      RUNS,
    );
  });

  it('PDF lines gather the same runs, superscripts included', () => {
    const run = fc.record({
      text: fc.constantFrom('word', '1.', ' ', 'th', '\ufffc', 'A'),
      x: fc.integer({ min: 0, max: 60 }).map((n) => n * 10),
      y: fc.integer({ min: 0, max: 40 }).map((n) => 700 - n * 3),
      width: fc.constantFrom(0, 4, 30),
      size: fc.constantFrom(6, 7, 10, 12, 24),
    });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), (runs: GlyphRun[]) => {
        assert.deepEqual(
          buildLines(
            runs.map((r) => ({ ...r })),
            1,
          ),
          oldBuildLines(
            runs.map((r) => ({ ...r })),
            1,
          ),
        );
      }),
      RUNS,
    );
  });

  const blockText = textOf(['a', 'B', 'word ', 'x'.repeat(45), ',', '.', ')', '"', ':', 'cc', '\n', ' '], 6);
  const block = fc
    .record({
      text: blockText,
      marker: fc.constantFrom(null, '1.'),
      type: fc.constantFrom('paragraph' as const, 'list-item' as const, 'table' as const, 'heading' as const),
      page: fc.constantFrom(1, 2),
      emphasis: fc.constantFrom([], ['bold' as const]),
    })
    .map((b): DraftBlock => draft(b.text, { marker: b.marker, type: b.type, page: b.page, emphasis: [...b.emphasis] }));

  it('paragraphs cut by a page break are joined as before', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), fc.boolean(), (blocks, acrossPagesOnly) => {
        assert.deepEqual(joinCutParagraphs(blocks, acrossPagesOnly), oldJoinCut(blocks, acrossPagesOnly));
      }),
      RUNS,
    );
  });

  it('HTML lines split after a comma are joined as before', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        assert.deepEqual(joinSplitLines(blocks), oldJoinSplitLines(blocks));
      }),
      RUNS,
    );
  });

  it('letter units continuing a sentence are joined as before', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        const units: Unit[] = blocks.map((b, index) => ({ ...b, index }));
        assert.deepEqual(joinContinuations(units), oldJoinContinuations(units));
      }),
      RUNS,
    );
  });

  it('Re: blocks give the same references and file numbers', () => {
    const re = textOf(
      [
        'Form 10-K',
        ', 10-Q',
        ' and Form 8-K',
        ' for the Fiscal Year Ended December 31, 2023',
        '\nFiled March 1, 2024',
        '\nFile No. 001-12345',
        ' 333-123456',
        ', 333-123456-01',
        '\n',
        ' ',
        'Schedule 13D',
        'Definitive Proxy Statement on Schedule 14A',
        '\n10-K for the year',
        'Amendment No. 2 to ',
        'Registration Statement on Form S-1',
      ],
      14,
    );
    fc.assert(
      fc.property(re, (block) => {
        assert.deepEqual(parseReferences(block), oldParseReferences(block));
      }),
      RUNS,
    );
  });
});

describe('Atom feeds read as before', () => {
  it('mutated company, company-list and latest-filings feeds give the same companies, filings and next link', async () => {
    const seeds = await loadSeeds();
    fc.assert(
      fc.property(mutated(seeds.atom, 200), (xml) => {
        assert.deepEqual(parseBrowseFeed(xml), oldParseBrowseFeed(xml));
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
