/**
 * Section headings of a letter body ("Form 10-K for the Fiscal Year Ended ...", "Note 4. Acquisitions",
 * "Goodwill, page 84"): short lines between the salutation and the closing. HTML says so with emphasis (bold,
 * underline); PDF and text sources have only the layout, so there a heading is a short line without
 * sentence punctuation.
 */
import { DATE_ONLY, type DraftBlock } from './text-blocks.ts';

const SALUTATION = /^(?:dear\b|ladies and gentlemen|gentlemen\b|to whom it may concern|sirs?\b|madams?\b)/i;
const CLOSING =
  /^(?:sincerely|very truly yours|yours (?:very )?(?:truly|sincerely)|respectfully(?: submitted| yours)?|best regards|kind regards|regards|cordially)\b/i;

export interface HeadingOptions {
  /** HTML: a heading must be bold or underlined (or italic without a final period). */
  readonly requireEmphasis: boolean;
}

function looksLikeHeading(block: DraftBlock, options: HeadingOptions): boolean {
  if (block.type !== 'paragraph' || block.marker !== null) return false;
  const text = block.text;
  if (text.length > 150 || text.split(' ').length > (options.requireEmphasis ? 16 : 12)) return false;
  if (/[,;:]$/.test(text) || DATE_ONLY.test(text) || !/^[A-Z0-9"“‘(]/.test(text)) return false;
  const sentence = /[.!?]["”’]?$/.test(text) && !/\b(?:No|Inc|Corp|Co|Ltd|U\.S|Note \d+)\.$/.test(text);
  if (!options.requireEmphasis) return !sentence;
  const e = block.emphasis;
  return e.includes('bold') || e.includes('underline') || (e.includes('italic') && !sentence);
}

/** Marks headings in place of paragraphs, between the salutation (or the start, for HTML) and the closing. */
export function markHeadings(blocks: readonly DraftBlock[], options: HeadingOptions): DraftBlock[] {
  const salutation = blocks.findIndex((b) => SALUTATION.test(b.text));
  if (salutation < 0 && !options.requireEmphasis) return [...blocks];
  let closed = false;
  return blocks.map((block, i) => {
    if (block.type === 'heading') return block;
    if (i <= salutation) return block;
    if (CLOSING.test(block.text)) closed = true;
    if (closed || i === blocks.length - 1 || !looksLikeHeading(block, options)) return block;
    return { ...block, type: 'heading' };
  });
}
