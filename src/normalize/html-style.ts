/**
 * The little CSS the HTML normaliser needs, read from inline `style` attributes as Workiva, Toppan Merrill and
 * Donnelley write them: emphasis (font-weight, font-style, text-decoration, the `font` shorthand), hidden
 * content, page breaks, and left offsets (for list nesting).
 */

export interface InlineStyle {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

export const PLAIN: InlineStyle = { bold: false, italic: false, underline: false };

const EMPTY: ReadonlyMap<string, string> = new Map();
/** Filing agents repeat a handful of style strings thousands of times: parse each once. */
const cache = new Map<string, ReadonlyMap<string, string>>();

/** Declarations of a style attribute, property names lower-cased, values trimmed and lower-cased. */
export function parseStyle(style: string | undefined): ReadonlyMap<string, string> {
  if (!style) return EMPTY;
  const cached = cache.get(style);
  if (cached) return cached;
  if (cache.size > 4096) cache.clear();
  const out = new Map<string, string>();
  cache.set(style, out);
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (name) out.set(name, value);
  }
  return out;
}

function weightIsBold(value: string): boolean | null {
  if (value === 'bold' || value === 'bolder') return true;
  if (value === 'normal' || value === 'lighter') return false;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? null : n >= 600;
}

/** The emphasis of an element: its tag first (b, strong, i, em, u), then its inline CSS, over the inherited one. */
export function styleOf(tag: string, css: ReadonlyMap<string, string>, inherited: InlineStyle): InlineStyle {
  let { bold, italic, underline } = inherited;
  if (tag === 'b' || tag === 'strong' || /^h[1-6]$/.test(tag) || tag === 'th') bold = true;
  if (tag === 'i' || tag === 'em' || tag === 'cite' || tag === 'dfn') italic = true;
  if (tag === 'u' || tag === 'ins') underline = true;
  const font = css.get('font');
  if (font) {
    // `font: italic bold 10pt Times New Roman`: style and weight come before the size.
    const head = font.split(/\s+\d/)[0] ?? '';
    for (const token of head.split(/\s+/)) {
      const weight = weightIsBold(token);
      if (weight !== null) bold = weight;
      if (token === 'italic' || token === 'oblique') italic = true;
    }
  }
  const weight = css.get('font-weight');
  if (weight !== undefined) bold = weightIsBold(weight) ?? bold;
  const fontStyle = css.get('font-style');
  if (fontStyle !== undefined) italic = fontStyle === 'italic' || fontStyle === 'oblique';
  const decoration = css.get('text-decoration-line') ?? css.get('text-decoration');
  if (decoration !== undefined) {
    if (decoration.includes('underline')) underline = true;
    else if (decoration.includes('none')) underline = false;
  }
  return bold === inherited.bold && italic === inherited.italic && underline === inherited.underline
    ? inherited
    : { bold, italic, underline };
}

export function isHidden(css: ReadonlyMap<string, string>): boolean {
  return css.get('display') === 'none' || css.get('visibility') === 'hidden';
}

export function breaksPageBefore(css: ReadonlyMap<string, string>): boolean {
  return css.get('page-break-before') === 'always' || css.get('break-before') === 'page';
}

export function breaksPageAfter(css: ReadonlyMap<string, string>): boolean {
  return css.get('page-break-after') === 'always' || css.get('break-after') === 'page';
}

/** A CSS length in points ("36pt", "0.5in", "48px", "3em"); null for percentages and unknown units. */
export function lengthInPoints(value: string | undefined): number | null {
  if (!value) return null;
  const m = /^(-?[\d.]+)\s*(pt|in|px|em|cm|mm)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number.parseFloat(m[1]!);
  if (Number.isNaN(n)) return null;
  const unit = m[2] ?? 'px';
  const factor = { pt: 1, in: 72, px: 0.75, em: 12, cm: 28.35, mm: 2.835 }[unit] ?? 1;
  return n * factor;
}

/** Left offset of a block: margin-left + padding-left, in points (0 when absent). */
export function leftOffset(css: ReadonlyMap<string, string>): number {
  return (lengthInPoints(css.get('margin-left')) ?? 0) + (lengthInPoints(css.get('padding-left')) ?? 0);
}

/** Right offset of an element: margin-right + padding-right, in points (0 when absent). */
export function rightOffset(css: ReadonlyMap<string, string>): number {
  return (lengthInPoints(css.get('margin-right')) ?? 0) + (lengthInPoints(css.get('padding-right')) ?? 0);
}
