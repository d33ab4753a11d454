/** Hand-built NormalizedText values for the letter tests: strings are paragraphs, objects set structure. */
import type { NormalizedText, TextBlock } from '../../../src/normalize/types.ts';
import { parseLetter, type ParsedLetter } from '../../../src/letter/parse-letter.ts';

export type BlockSpec = string | (Partial<TextBlock> & { text: string });

export function normalized(specs: readonly BlockSpec[], tables: string[][][] = []): NormalizedText {
  const blocks: TextBlock[] = specs.map((s) => {
    const b = typeof s === 'string' ? { text: s } : s;
    return {
      type: b.type ?? 'paragraph',
      text: b.text,
      marker: b.marker ?? null,
      emphasis: b.emphasis ?? [],
      page: b.page ?? null,
      indent: b.indent ?? null,
      tableIndex: b.tableIndex ?? null,
    };
  });
  const text = blocks.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text)).join('\n\n');
  return { text, blocks, tables, textSource: 'html', warnings: [] };
}

export function parse(
  form: 'CORRESP' | 'UPLOAD',
  specs: readonly BlockSpec[],
  options: { headerFileNumbers?: string[]; tables?: string[][][] } = {},
): ParsedLetter {
  return parseLetter({
    form,
    normalized: normalized(specs, options.tables),
    filingDate: '2030-01-01',
    companyName: 'Example Co',
    headerFileNumbers: options.headerFileNumbers ?? [],
  });
}

/** A staff letter's head: dateline, addressee, Re: block, salutation. */
export function staffHead(re: string, date = 'March 4, 2021'): BlockSpec[] {
  return [
    date,
    'Jordan Blake\nChief Financial Officer\nExample Co\n12 Harbor Road\nSpringfield, IL 62701',
    `Re: Example Co\n${re}`,
    'Dear Mr. Blake:',
  ];
}

/** A company letter's head: dateline, SEC addressees, Re: block, salutation. */
export function companyHead(re: string, date = 'March 18, 2021'): BlockSpec[] {
  return [
    'Example Co\n12 Harbor Road\nSpringfield, IL 62701',
    date,
    'VIA EDGAR',
    'Robin Hale, Staff Accountant\nCasey Moore, Accounting Branch Chief\nDivision of Corporation Finance\nU.S. Securities and Exchange Commission\n100 F Street, N.E.\nWashington, D.C. 20549',
    `Re: Example Co\n${re}`,
    'Dear Ms. Hale and Mr. Moore:',
  ];
}

export const STAFF_CLOSE: BlockSpec[] = [
  'You may contact Dana Lee, Staff Accountant, at (202) 551-3000 or me at (202) 551-3001 if you have questions.',
  'Sincerely,',
  '/s/ Casey Moore\nCasey Moore\nAccounting Branch Chief\nOffice of Manufacturing',
];

export const COMPANY_CLOSE: BlockSpec[] = [
  'If you have any questions, please call me at (555) 010-2000.',
  'Sincerely,',
  '/s/ Jordan Blake\nJordan Blake\nChief Financial Officer',
  'cc: Alex Stone, General Counsel, Example Co\nPat Quinn, Partner, Quinn & Reed LLP',
];
