/**
 * The lists a citation is written in ("Items 303(a) and (b)", "Rules 3-10(i) and 10-01(a)(4)", "ASC
 * 605-50-25-4, 25-7 and 25-9", "ASC 350-30-35-1 through 4") split into their elements, each written out in full.
 * A range keeps its first element (../DESIGN.md "Authorities"); a bare "(B)" after "10(e)(1)(i)(A) and" takes the
 * place of the subparagraph of the same kind in the element before it.
 */

/** Separators between the elements of a list; "through", "to" and "(a)-(b)" open a range, whose end is dropped. */
export const LIST_SEPARATOR = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through|to)\s+|\s*&\s*|\s*-\s*(?=\())`;
/** Subparagraphs written after a number: "(b)(2)(ii)". */
export const PARENS = String.raw`(?:\([A-Za-z0-9]{1,5}\))`;

const SPLIT = /(\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through|to)\s+|\s*&\s*|\s*-\s*(?=\())/;
const RANGE = /^\s*(?:through|to|-)\s*$/;

type ParenKind = 'lower' | 'digit' | 'roman' | 'upper';

function parenKinds(parens: readonly string[]): ParenKind[] {
  const kinds: ParenKind[] = [];
  for (const p of parens) {
    const before = kinds.at(-1);
    if (/^\d+$/.test(p)) kinds.push('digit');
    else if (/^[A-Z]+$/.test(p)) kinds.push('upper');
    // "(i)" below a numbered paragraph is a roman numeral, "(i)" at the top a letter ("Rule 3-10(i)").
    else if (/^[ivx]+$/.test(p) && (p.length > 1 || before === 'digit' || before === 'roman')) kinds.push('roman');
    else kinds.push('lower');
  }
  return kinds;
}

function splitParens(ref: string): { base: string; parens: string[] } {
  const at = ref.indexOf('(');
  if (at < 0) return { base: ref, parens: [] };
  return { base: ref.slice(0, at), parens: [...ref.slice(at).matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!) };
}

/** "10(e)(1)(i)(A)" + "(B)" -> "10(e)(1)(i)(B)"; "5-03(b)(1)" + "(2)" -> "5-03(b)(2)". */
export function extendRef(previous: string, continuation: string): string {
  const prev = splitParens(previous);
  const cont = splitParens(continuation).parens;
  if (cont.length === 0) return previous;
  const prevKinds = parenKinds(prev.parens);
  const first = cont[0]!;
  const candidates: ParenKind[] = /^\d+$/.test(first)
    ? ['digit']
    : /^[A-Z]+$/.test(first)
      ? ['upper']
      : /^[ivx]+$/.test(first)
        ? first.length > 1
          ? ['roman']
          : ['roman', 'lower']
        : ['lower'];
  for (const kind of candidates) {
    const at = prevKinds.lastIndexOf(kind);
    if (at >= 0) return `${prev.base}${[...prev.parens.slice(0, at), ...cont].map((p) => `(${p})`).join('')}`;
  }
  return `${prev.base}${cont.map((p) => `(${p})`).join('')}`;
}

/**
 * The elements of a written list, ranges cut to their first element. `join` writes an element out in full from
 * the one before it (default: a bare "(B)" replaces a subparagraph, anything else stands alone).
 */
export function splitCitationList(
  list: string,
  join: (previous: string, part: string) => string | null = (previous, part) =>
    part.startsWith('(') ? extendRef(previous, part) : part,
): string[] {
  const pieces = list.trim().split(SPLIT);
  const out: string[] = [];
  let previous: string | null = null;
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i]!.trim();
    if (part === '') continue;
    const separator = i > 0 ? pieces[i - 1]! : '';
    const full: string | null = previous === null ? part : join(previous, part);
    if (full === null) continue;
    previous = full;
    if (!RANGE.test(separator)) out.push(full);
  }
  return out;
}
