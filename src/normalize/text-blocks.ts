/**
 * What every normaliser shares: inline text clean-up, list-marker splitting, and the assembly of blocks and
 * tables into a NormalizedText (the rendered text is the blocks, markers restored, separated by blank lines).
 */
import type { BlockType, Emphasis, NormalizedText, TextBlock, TextSource } from './types.ts';

/** A block while a normaliser builds it. */
export interface DraftBlock {
  type: BlockType;
  text: string;
  marker: string | null;
  emphasis: Emphasis[];
  page: number | null;
  indent: number | null;
  tableIndex: number | null;
}

export function draft(text: string, fields: Partial<DraftBlock> = {}): DraftBlock {
  return { type: 'paragraph', text, marker: null, emphasis: [], page: null, indent: null, tableIndex: null, ...fields };
}

// nbsp and the other Unicode spaces become plain spaces; zero-width characters and soft hyphens go.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Collapses whitespace (nbsp included) to single spaces, removes invisible characters, trims. */
export function cleanText(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Symbol-font bullets that pdf.js and Word exports leave in the private-use area, and the usual bullets. */
const BULLET_CHARS = '•·▪◦○●■□➢►▸‣⁃∙◆◇❖✓✔➤\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0e8';
const BULLET = new RegExp(`^([${BULLET_CHARS}])\\s*(?=\\S)`);
const DASH_BULLET = /^([-–—*o])\s+(?=[A-Za-z0-9"“‘([])/;
const ENUMERATOR =
  /^(\(\d{1,3}\)|\d{1,3}[.)](?!\d)|\([a-z]{1,2}\)|\([ivxlc]{1,6}\)|[a-z][.)]|[ivx]{1,5}\.|\([A-Z]\))\s+(?=\S)/;
const COMMENT = /^(Comment(?:\s+No\.)?\s*\d{1,3}\s*(?:[:.)]|[-–—](?=\s)))\s*(?=\S)/i;

/** Solid round bullets (private-use Symbol-font ones, "*", "·", "●") read as "•"; others (◦, ▪, ➢) stay as written. */
function canonicalMarker(marker: string): string {
  return /^[\uf000-\uf0ff*·●∙]$/.test(marker) ? '•' : marker;
}

/**
 * Splits a leading list marker ("1.", "(a)", "iv.", "•", "Comment 3:") off clean text. A dash or "o" counts only
 * when followed by a space; "- 5." yields "5.". "A." is left alone: it is as often a name's initial.
 */
export function splitMarker(text: string): { marker: string | null; rest: string } {
  const comment = COMMENT.exec(text);
  if (comment) return { marker: comment[1]!.replace(/\s+/g, ' '), rest: text.slice(comment[0].length) };
  const enumerator = ENUMERATOR.exec(text);
  if (enumerator) return { marker: enumerator[1]!, rest: text.slice(enumerator[0].length) };
  const bullet = BULLET.exec(text) ?? DASH_BULLET.exec(text);
  if (bullet) {
    const rest = text.slice(bullet[0].length);
    const inner = ENUMERATOR.exec(rest);
    if (inner && /^\d/.test(inner[1]!) && /^[-–—]$/.test(bullet[1]!)) {
      return { marker: inner[1]!, rest: rest.slice(inner[0].length) };
    }
    return { marker: canonicalMarker(bullet[1]!), rest };
  }
  return { marker: null, rest: text };
}

/** Whether clean text is only a marker (a table cell or PDF column holding "1." or "•"). */
export function isMarkerOnly(text: string): boolean {
  if (text.length === 0 || text.length > 12) return false;
  return splitMarker(`${text} x`).rest === 'x';
}

/** The rendered line(s) of one block: marker restored in front; table rows stay one per line. */
export function renderBlock(block: { readonly text: string; readonly marker: string | null }): string {
  return block.marker ? `${block.marker} ${block.text}` : block.text;
}

/** Freezes drafts into a NormalizedText. Empty blocks are dropped. */
export function buildNormalized(
  blocks: readonly DraftBlock[],
  tables: readonly (readonly (readonly string[])[])[],
  textSource: TextSource,
  warnings: readonly string[],
): NormalizedText {
  const kept: TextBlock[] = blocks
    .filter((b) => b.text !== '' || b.marker !== null)
    .map((b) => ({
      type: b.type,
      text: b.text,
      marker: b.marker,
      emphasis: [...b.emphasis],
      page: b.page,
      indent: b.indent,
      tableIndex: b.tableIndex,
    }));
  return {
    text: kept.map(renderBlock).join('\n\n'),
    blocks: kept,
    tables,
    textSource,
    warnings: [...new Set(warnings)],
  };
}

/** Month-name dates as letters write them: "September 26, 2022", "26 September 2022", "Sept. 26, 2022". */
export const DATE_ONLY =
  /^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})$/i;

/** Most words of four letters or more capitalised, no sentence end: a heading line such as "Notes to ...". */
export function isTitleCase(text: string): boolean {
  if (/[.;:]$/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z][a-z'’]{3,}/.test(w));
  if (words.length === 0) return false;
  return words.filter((w) => /^[A-Z]/.test(w)).length >= words.length * 0.6;
}

/**
 * Joins the lines of one paragraph with spaces, except after a line-end hyphen between letters or digits
 * ("(202) 551-" + "3470", "U.S.-" + "designated"), where the hyphen stays and no space is added.
 */
export function joinLines(lines: readonly string[]): string {
  const parts: string[] = [];
  // The hyphen test reads the previous line, never the growing paragraph: a regex over the joined string
  // flattens it at every line (quadratic in a long paragraph).
  let previous = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (parts.length > 0) parts.push(/[A-Za-z0-9.]-$/.test(previous) && /^[A-Za-z0-9]/.test(line) ? '' : ' ');
    parts.push(line);
    previous = line;
  }
  return parts.join('');
}
