/**
 * Letters filed as page images carry their text in a hidden layer beside each image: a 1pt white <FONT>
 * holding the page's text with the layout flattened into spaces (Workiva's "document from image"): two spaces
 * between lines, longer runs between blocks, sometimes &#13;&#10; line ends. The layer is cut back into lines.
 */
import { lengthInPoints } from './html-style.ts';

/** A font size of 2pt or less: text nobody is meant to see, but the only text of an image page. */
export function isTextLayer(css: ReadonlyMap<string, string>): boolean {
  const size = lengthInPoints(css.get('font-size'));
  return size !== null && size <= 2;
}

const SHORT_PART = 60;
/** A line ending in a word that cannot end a sentence or a list entry. */
const CONTINUES =
  /\b(?:a|an|the|of|in|on|to|for|with|by|as|at|from|and|or|but|that|which|such|this|these|its|is|are|be|was|were|if|not|than|under|into|In|It|This|We|The)$/;

/**
 * The lines of a text layer. Runs of three or more spaces and line ends separate blocks; a double space
 * separates lines too when every piece it leaves is a short phrase of two words or more (address and signature
 * lines), and is a plain space inside a paragraph.
 */
export function splitTextLayer(raw: string): string[] {
  const out: string[] = [];
  for (const line of raw.replace(/\u00a0/g, ' ').split(/\r?\n|\r/)) {
    for (const segment of line.split(/ {3,}|\t+/)) {
      const trimmed = segment.trim();
      if (trimmed === '') continue;
      const parts = trimmed.split(/ {2}/).map((p) => p.trim());
      const lines = parts.length > 1 && parts.every((p) => p.length <= SHORT_PART && p.split(' ').length >= 2);
      if (lines) for (const part of parts) out.push(part);
      else out.push(parts.join(' '));
    }
  }
  // "Re:" or "cc:" alone before its block is glued back; so are the lines of an indented paragraph, each
  // spaced like a block of its own: a long line followed by lower case or ending in a word like "the".
  const glued: string[] = [];
  for (const line of out) {
    const last = glued.at(-1);
    const label = last !== undefined && /^[A-Za-z]{1,12}:$/.test(last);
    const wrapped = last !== undefined && last.length >= 55 && (/^[a-z]/.test(line) || CONTINUES.test(last));
    if (label || wrapped) glued[glued.length - 1] = `${last} ${line}`;
    else glued.push(line);
  }
  return glued;
}
