/**
 * The few facts the HTML normaliser reads from cheerio's parsed tree (domhandler nodes, htmlparser2 in HTML
 * mode via `cheerio/slim`): walked directly, which is far faster than selector queries on letter-sized pages.
 */
import { load } from 'cheerio/slim';
import { isHidden, parseStyle } from './html-style.ts';

export interface HtmlNode {
  readonly type: string;
  readonly name?: string;
  readonly attribs?: Record<string, string>;
  readonly children?: HtmlNode[];
  readonly data?: string;
}

/** Parses HTML into its root node. htmlparser2 decodes entities, including &#147;-style windows-1252 codes. */
export function parseHtml(html: string): HtmlNode {
  return load(html).root()[0] as unknown as HtmlNode;
}

/** Subtrees that never carry letter text. */
export const SKIPPED = new Set([
  'script',
  'style',
  'head',
  'title',
  'meta',
  'link',
  'noscript',
  'img',
  'svg',
  'object',
  'embed',
  'iframe',
  'map',
  'xml',
  'button',
  'select',
  'input',
  'textarea',
]);

export function isElement(node: HtmlNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Whether an element and its subtree are rendered at all. */
export function isVisible(node: HtmlNode): boolean {
  if (!isElement(node)) return true;
  if (SKIPPED.has(node.name!)) return false;
  const style = node.attribs?.style;
  return !style || !isHidden(parseStyle(style));
}

/** All visible text of a subtree, raw (whitespace not yet collapsed); block boundaries become spaces. */
export function rawTextOf(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (!isElement(node) && node.type !== 'root') return '';
  if (!isVisible(node)) return '';
  if (node.name === 'br') return ' ';
  let out = '';
  for (const child of node.children ?? []) out += rawTextOf(child);
  return out + (node.name === 'p' || node.name === 'div' || node.name === 'td' ? ' ' : '');
}

/** The first descendant element with one of the names, or null. */
export function hasDescendant(node: HtmlNode, names: ReadonlySet<string>): boolean {
  for (const child of node.children ?? []) {
    if (!isElement(child)) continue;
    if (names.has(child.name!) || hasDescendant(child, names)) return true;
  }
  return false;
}

/** Whether a subtree holds an image (letterhead logos, scanned pages). */
export function countImages(node: HtmlNode): number {
  let n = node.type === 'tag' && node.name === 'img' ? 1 : 0;
  for (const child of node.children ?? []) n += countImages(child);
  return n;
}
