/**
 * HTML built only through the `html` tagged template: every interpolated value is escaped unless it is
 * already SafeHtml (the output of another `html` call). Letters hold arbitrary markup and text, so nothing from
 * the store can reach a page unescaped without going through here; `<script>` in a letter renders as text.
 */

/** Markup that is safe to insert as is: produced by `html`, `raw` on a constant, or `join`. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The tagged template: `html\`<p>${text}</p>\`` escapes `text`. Arrays are concatenated, null/false dropped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  return new SafeHtml(out);
}

/** A constant written in our source (never data): marked safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A URL for an href: only our own paths (starting with one "/") and https URLs pass; anything else
 * (`javascript:`, `data:`, protocol-relative "//host") becomes "#". The result is escaped by `html` as usual.
 */
export function safeHref(url: string): string {
  if (/^\/(?!\/)/.test(url)) return url;
  if (/^https:\/\/[a-z0-9.-]+(\/|$)/i.test(url)) return url;
  return '#';
}

/**
 * Letter text as paragraphs: blank lines separate paragraphs, single newlines become <br>. `mark` optionally
 * wraps the matches of a regular expression (search terms) in <mark>.
 */
export function paragraphs(text: string, mark?: RegExp): SafeHtml {
  const blocks = text.split(/\n\s*\n/).filter((block) => block.trim() !== '');
  return html`${blocks.map((block) => html`<p>${lines(block, mark)}</p>`)}`;
}

function lines(block: string, mark?: RegExp): SafeHtml[] {
  return block.split('\n').map((line, i) => html`${i > 0 ? raw('<br>') : ''}${highlight(line, mark)}`);
}

/** Text with the matches of `mark` wrapped in <mark>, everything escaped. */
export function highlight(text: string, mark?: RegExp): SafeHtml {
  if (!mark) return html`${text}`;
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of text.matchAll(
    new RegExp(mark.source, mark.flags.includes('g') ? mark.flags : `${mark.flags}g`),
  )) {
    if (match[0] === '') continue;
    parts.push(html`${text.slice(last, match.index)}<mark>${match[0]}</mark>`);
    last = match.index + match[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return html`${parts}`;
}
