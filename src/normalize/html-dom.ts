/**
 * The few facts the HTML normaliser reads from the parsed tree (domhandler nodes, htmlparser2 in HTML mode as
 * cheerio parses it, see parse-markup.ts): walked directly, which is far faster than selector queries on letter-sized pages.
 */
import { parseMarkup } from '../parse-markup.ts';
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
  return parseMarkup(html) as unknown as HtmlNode;
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

/**
 * All visible text of a subtree, raw (whitespace not yet collapsed); block boundaries become spaces. Iterative:
 * broken HTML (thousands of unclosed <FONT> tags) nests deeper than the call stack allows.
 */
export function rawTextOf(node: HtmlNode): string {
  let out = '';
  const stack: (HtmlNode | string)[] = [node];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    if (item.type === 'text') {
      out += item.data ?? '';
      continue;
    }
    if ((!isElement(item) && item.type !== 'root') || !isVisible(item)) continue;
    if (item.name === 'br') {
      out += ' ';
      continue;
    }
    if (item.name === 'p' || item.name === 'div' || item.name === 'td') stack.push(' ');
    const children = item.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** What cleanText (text-blocks.ts) keeps: anything but whitespace, Unicode spaces and invisible characters. */
const VISIBLE = /[^\s\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u00ad]/;

/**
 * Whether rawTextOf(node) holds a character cleanText keeps, stopping at the first: a layout cell around
 * nested tables would otherwise build the text of everything inside it, once per level of nesting.
 */
export function hasVisibleText(node: HtmlNode): boolean {
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.type === 'text') {
      if (VISIBLE.test(item.data ?? '')) return true;
      continue;
    }
    if ((!isElement(item) && item.type !== 'root') || !isVisible(item) || item.name === 'br') continue;
    const children = item.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return false;
}

/** The text of a <pre>, line ends kept, <br> as a line end. */
export function preformattedTextOf(node: HtmlNode): string {
  let out = '';
  for (const item of descendants(node)) {
    if (item.type === 'text') out += item.data ?? '';
    else if (item.type === 'tag' && item.name === 'br') out += '\n';
  }
  return out;
}

/** Every element below a node, depth first, without recursion. */
function* descendants(node: HtmlNode): Generator<HtmlNode> {
  const stack = [...(node.children ?? [])].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    yield item;
    const children = item.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Whether a descendant element has one of the names. */
export function hasDescendant(node: HtmlNode, names: ReadonlySet<string>): boolean {
  for (const item of descendants(node)) if (isElement(item) && names.has(item.name!)) return true;
  return false;
}

/** The images in a subtree (letterhead logos, scanned pages). */
export function countImages(node: HtmlNode): number {
  let n = 0;
  for (const item of descendants(node)) if (item.type === 'tag' && item.name === 'img') n++;
  return n;
}
