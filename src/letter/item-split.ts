/**
 * Inside one item of a company response: the staff's comment as quoted, and the company's answer. Tried in
 * order: a "Response:" label, the emphasis the letter sets comments in (bold, italic), then the way a
 * response opens ("The Company respectfully ...", "In response to the Staff's comment ...").
 */
import type { Emphasis } from '../normalize/types.ts';
import { LABEL } from './headings.ts';
import { flat, fullText, type Unit } from './units.ts';

export const RESPONSE_LABEL =
  /^(?:the\s+)?(?:company'?s?\s+|our\s+|registrant'?s?\s+|[A-Z][A-Za-z&.]*'s\s+)?responses?(?:\s+to\s+(?:the\s+staff'?s\s+)?comments?(?:\s+(?:no\.?|number|#)?\s*\d+)?)?\s*(?:[:.\-–—]\s*|\s*$|\s+(?=[A-Z]))/i;
const RESPONSE_OPENING =
  /^(?:in\s+response\s+to|(?:as\s+)?(?:requested|discussed|noted)\b|we\s+(?:respectfully|acknowledge|advise|confirm|have\s+(?:revised|updated|amended|included|added|expanded|considered|reviewed)|will\s+(?:revise|include|expand|update|provide|enhance|clarify)|agree|supplementally|hereby)|the\s+(?:company|registrant|partnership|trust|bank|corporation|fund)\s+(?:respectfully|supplementally|hereby|has|will|does|did|is|was|[a-z]+(?:s|ed))\b|(?:the\s+)?staff'?s\s+comment\s+is\s+noted|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}\s+(?:respectfully|acknowledges|supplementally\s+advises))/i;
const STAFF_OPENING =
  /^(?:please|tell\s+us|we\s+note|refer\s+to|explain|provide|revise|disclose|clarify|describe|quantify|discuss|address|expand|consider|it\s+appears|confirm|in\s+this\s+regard|in\s+addition|further|alternatively|also|we\s+(?:are\s+unable|do\s+not|continue|partially)|you\s+(?:state|disclose|indicate|say|present|note|refer))/i;

/** Requests only the staff writes: "Please ...", "Tell us ...", or an imperative opening a sentence. */
const STAFF_REQUEST =
  /\b(?:please|tell\s+us|advise\s+us)\b|(?:^|[.;:]\s+)(?:Describe|Explain|Discuss|Provide|Revise|Disclose|Quantify|Clarify|Confirm|Expand|Address|Identify|State|Remove|File|Include|Reconcile|Define)\b/;

function isStaffWording(text: string): boolean {
  return STAFF_OPENING.test(text) || (STAFF_REQUEST.test(text) && !RESPONSE_OPENING.test(text));
}

export interface SplitItem {
  readonly comment: string | null;
  readonly response: string | null;
}

function isEmphasised(u: Unit, style: Emphasis | null): boolean {
  if (style === null) return u.emphasis.includes('bold') || u.emphasis.includes('italic');
  return u.emphasis.includes(style);
}

function textOf(units: readonly Unit[], first: string): string | null {
  const parts = units.map((u, i) => (i === 0 ? first : fullText(u))).map((t) => t.trim());
  const joined = parts.filter((t) => t !== '').join('\n\n');
  return joined === '' ? null : joined;
}

/**
 * The emphasis that marks quoted comments in this letter: the one carried by most item openings and by few
 * other body units. Null when the letter sets comments in plain type.
 */
export function commentEmphasis(itemOpenings: readonly Unit[], others: readonly Unit[]): Emphasis | null {
  for (const style of ['bold', 'italic', 'underline'] as const) {
    const on = itemOpenings.filter((u) => u.emphasis.includes(style)).length;
    const off = others.filter((u) => u.emphasis.includes(style)).length;
    if (itemOpenings.length > 0 && on / itemOpenings.length >= 0.6 && off <= on * 2 + 2) return style;
  }
  return null;
}

/**
 * Splits one CORRESP item. `units` are the item's units (the first holds the marker), `rest` the first
 * unit's text after the marker, `style` the comment emphasis of the letter.
 */
export function splitResponseItem(units: readonly Unit[], rest: string, style: Emphasis | null): SplitItem {
  if (units.length === 0) return { comment: null, response: null };
  const texts = units.map((u, i) => flat(i === 0 ? rest : fullText(u)));
  // 1. A response label, alone or opening a paragraph.
  for (let i = 0; i < units.length; i++) {
    const m = RESPONSE_LABEL.exec(texts[i]!);
    if (!m || (i === 0 && rest.trim() === '')) continue;
    if (i === 0 && m.index === 0 && !/[:.\-–—]/.test(m[0])) continue;
    const first = (i === 0 ? rest : fullText(units[i]!)).trim().slice(m[0].length);
    return {
      comment: i === 0 ? null : textOf(units.slice(0, i), rest),
      response: textOf([units[i]!, ...units.slice(i + 1)], first),
    };
  }
  // A label run onto the end of the comment's last paragraph: "... please revise. Response:"
  for (let i = 0; i < units.length - 1; i++) {
    const end = /\s(?:(?:the\s+)?company'?s?\s+)?response\s*:?\s*$/i.exec(texts[i]!);
    if (!end || (i === 0 && rest.trim() === '')) continue;
    const comment = [...units.slice(0, i).map((u, k) => (k === 0 ? rest : fullText(u))), texts[i]!.slice(0, end.index)];
    return {
      comment:
        comment
          .map((t) => t.trim())
          .filter((t) => t !== '')
          .join('\n\n') || null,
      response: textOf(units.slice(i + 1), fullText(units[i + 1]!)),
    };
  }
  // A response label inside the first paragraph: "... please revise. Response: We have revised ..."
  const inline = /\s(?:Company\s+)?Response\s*:\s*/.exec(texts[0]!);
  if (inline && units.length === 1) {
    return {
      comment: texts[0]!.slice(0, inline.index).trim() || null,
      response: texts[0]!.slice(inline.index + inline[0].length).trim() || null,
    };
  }
  // 2. Emphasis: the leading emphasised units are the comment.
  const leading =
    units[0]!.emphasis.length > 0 || (rest.trim() === '' && units[1] !== undefined && units[1].emphasis.length > 0);
  if (style !== null || leading) {
    let k = 0;
    while (
      k < units.length &&
      (isEmphasised(units[k]!, style) ||
        (k === 0 && rest.trim() === '') ||
        (units[k]!.type === 'table' && k > 0 && isEmphasised(units[k - 1]!, style)))
    )
      k++;
    if (k > 0 && k < units.length && !LABEL.test(texts[k]!)) {
      return { comment: textOf(units.slice(0, k), rest), response: textOf(units.slice(k), fullText(units[k]!)) };
    }
  }
  // 3. The opening words of a response.
  for (let i = 1; i < units.length; i++) {
    if (RESPONSE_OPENING.test(texts[i]!)) {
      return { comment: textOf(units.slice(0, i), rest), response: textOf(units.slice(i), fullText(units[i]!)) };
    }
  }
  // 4. Staff wording leading: the paragraphs that read as the staff's are the comment, the rest the answer.
  if (isStaffWording(texts[0]!)) {
    let k = 1;
    while (k < units.length && isStaffWording(texts[k]!)) k++;
    return {
      comment: textOf(units.slice(0, k), rest),
      response: k < units.length ? textOf(units.slice(k), fullText(units[k]!)) : null,
    };
  }
  return { comment: null, response: textOf(units, rest) };
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
const NUM = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)`;
/** A list of comment numbers as letters write it: "3", "2 and 4", "1, 2, and 5", "one through three". */
export const COMMENT_NUMBER_LIST = String.raw`${NUM}(?:\s*(?:,\s*(?:and\s+)?|and|&|or|through|to|-|–)\s*${NUM})*`;
const LIST = COMMENT_NUMBER_LIST;
const PRIOR = new RegExp(
  String.raw`\b(?:prior|previous|earlier|original)\s+comments?\s*(?:nos?\.?|numbers?|#)?\s*(${LIST})` +
    String.raw`|\bcomments?\s*(?:nos?\.?|numbers?|#)?\s*(${LIST})\s+(?:(?:in|of|from)\s+)?(?:our|the\s+staff'?s)\s+(?:prior\s+|previous\s+|earlier\s+)?(?:comment\s+)?letter` +
    String.raw`|\b(?:(?:your|the\s+company'?s)\s+)?responses?\s+to\s+(?:our\s+)?(?:prior\s+|previous\s+)?comments?\s*(?:nos?\.?|numbers?|#)?\s*(${LIST})` +
    // "We reissue comment 5 in part", "and reissue prior comments 2 and 3".
    String.raw`|\bre-?issu(?:e|es|ed|ing)\s+(?:(?:our|the|prior|previous|earlier)\s+)*comments?\s*(?:nos?\.?|numbers?|#)?\s*(${LIST})`,
  'gi',
);

function valueOf(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : (NUMBER_WORDS[token.toLowerCase()] ?? NaN);
}

/** The numbers a COMMENT_NUMBER_LIST match names, ranges spelled out ("1 through 3" gives 1, 2, 3). */
export function commentNumbersOf(list: string): number[] {
  const out: number[] = [];
  const tokens = list.split(/\s*(?:,\s*(?:and\s+)?|\band\b|&|\bor\b)\s*/i).filter((t) => t !== '');
  for (const token of tokens) {
    const range = /^(\S+)\s*(?:through|to|-|–)\s*(\S+)$/i.exec(token);
    if (range) {
      const a = valueOf(range[1]!);
      const b = valueOf(range[2]!);
      if (Number.isFinite(a) && Number.isFinite(b) && b >= a && b - a < 30) for (let n = a; n <= b; n++) out.push(n);
      continue;
    }
    const n = valueOf(token);
    if (Number.isFinite(n) && n > 0) out.push(n);
  }
  return out;
}

/**
 * Numbers of earlier comments a comment refers to: "prior comment 3", "prior comments 2 and 4", "comments 1
 * through 3 of our letter", "in response to comment 8", "we reissue comment 5".
 */
export function findPriorComments(comment: string | null): number[] {
  if (comment === null) return [];
  const out: number[] = [];
  for (const m of flat(comment).matchAll(PRIOR)) {
    out.push(...commentNumbersOf(m.slice(1).find((g) => g !== undefined) ?? ''));
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
