/** letter/references.ts before issue 9 (quadratic in the mentions of a long form list), verbatim: a test oracle. */
/**
 * The Re: block -> references: which filings the letter is about. "Form 10-K for the Fiscal Year Ended
 * December 31, 2023 / Filed February 24, 2024 / Form 8-K Filed March 12, 2024 / File No. 001-00044" yields two
 * references sharing the file number. Forms keep EDGAR's spelling ("10-K", "S-1/A", "DRS", "DEF 14A").
 */
import type { Reference } from '../../../src/letter/schema.ts';
import { findDates } from '../../../src/letter/dates.ts';
import { findReBlockFileNumbers } from '../../../src/letter/file-numbers.ts';

const FORM_TOKEN = String.raw`(?:[0-9]{1,2}-[0-9]{1,2}[A-Z]|[0-9]{1,2}-[A-Z]{1,3}[0-9]{0,2}|[A-Z]{1,3}-[0-9]{1,2}[A-Z]?|[A-Z]{1,3}\s?[0-9]{1,3}[A-Z]?|1-A|N-[0-9A-Z]{1,4}|SD|CB|40-F)(?:/A)?`;

/** One mention of a filing: the phrase naming its form, where it starts, and the form in EDGAR spelling. */
interface FormMention {
  readonly form: string;
  readonly index: number;
  readonly end: number;
}

const MENTION = new RegExp(
  String.raw`(?:(Amendment\s+No\.?\s*\d+\s+to\s+(?:the\s+)?)?((?:(?:Draft|Preliminary|Definitive|Revised|Amended)\s+)+)?(?:(?:Registration|Offering|Proxy|Information)\s+Statement\s+on\s+)?Forms?\s+(${FORM_TOKEN})(\s*/\s*A\b)?((?:\s*(?:,|and|&)\s*(?:Form\s+)?${FORM_TOKEN})*))` +
    String.raw`|(?:(Amendment\s+No\.?\s*\d+\s+to\s+(?:the\s+)?)?((?:Preliminary|Definitive|Revised)\s+)?(?:Proxy|Information)\s+Statement(?:\s+on\s+Schedule\s+(14[AC]))?)` +
    String.raw`|(?:Schedule\s+(13[DEG]|TO(?:-[TCI])?|14D-9|13E-3))` +
    // A form written without "Form" at the head of a line: "10-K for the Fiscal Year Ended ...".
    String.raw`|(?:(?<=^|\n)[ \t]*(${FORM_TOKEN})(?=[ \t]+(?:for|filed|submitted|furnished)\b|[ \t]*,))`,
  'gi',
);

function formOf(m: RegExpExecArray): string[] {
  if (m[3] !== undefined) {
    const amended = m[1] !== undefined || m[4] !== undefined || /amended/i.test(m[2] ?? '');
    const draft = /draft/i.test(m[2] ?? '');
    const first = m[3].toUpperCase().replace(/\s+/, ' ');
    const more = (m[5] ?? '').match(new RegExp(FORM_TOKEN, 'gi'))?.map((f) => f.toUpperCase()) ?? [];
    return [first, ...more].map((f) => {
      if (draft) return amended ? 'DRS/A' : 'DRS';
      if (f.endsWith('/A')) return f;
      return amended ? `${f}/A` : f;
    });
  }
  if (m[9] !== undefined) return [`SC ${m[9].toUpperCase()}`];
  if (m[10] !== undefined) return [m[10].toUpperCase()];
  const schedule = (m[8] ?? '14A').toUpperCase();
  return [`${/^prelim/i.test(m[7] ?? '') ? 'PRE' : 'DEF'} ${schedule}`];
}

function mentionsIn(text: string): FormMention[] {
  const out: FormMention[] = [];
  const re = new RegExp(MENTION.source, MENTION.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const form of formOf(m)) out.push({ form, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

const PERIOD =
  /\b(?:fiscal\s+)?years?\s+ended\s*:?\s*|\bFY\s*|\bfor\s+the\s+(?:fiscal\s+)?(?:year|period)\s+(?:ended|ending)\s+|\btransition\s+period\s+ended\s+/i;
const FILED = /\b(?:filed|submitted|furnished)\b\s*(?:on|with\s+the\s+Commission\s+on)?\s*:?\s*$/i;

/** The fiscal year end and filing date written in one mention's stretch of text. */
function datesIn(segment: string): { fiscalYearEnd: string | null; filedDate: string | null } {
  let fiscalYearEnd: string | null = null;
  let filedDate: string | null = null;
  for (const d of findDates(segment)) {
    const before = segment.slice(Math.max(0, d.index - 60), d.index);
    const lastWords = before.replace(/\s+/g, ' ');
    if (fiscalYearEnd === null && /(?:years?|FY)\s*(?:ended|ending)?\s*:?\s*$/i.test(lastWords)) {
      fiscalYearEnd = d.iso;
    } else if (fiscalYearEnd === null && PERIOD.test(lastWords) && /year/i.test(lastWords.slice(-40))) {
      fiscalYearEnd = d.iso;
    } else if (filedDate === null && FILED.test(lastWords)) {
      filedDate = d.iso;
    }
  }
  return { fiscalYearEnd, filedDate };
}

/**
 * References from the text of a Re: block (lines joined by "\n"). Each file number goes to the mentions
 * before it that have none: all of them when one number follows several forms, in order when a list of as
 * many numbers follows as many forms.
 */
export function oldParseReferences(reBlock: string): Reference[] {
  const text = reBlock.replace(/[\u2013\u2014]/g, '-').replace(/\((?:the\s+|our\s+)?"[^"]*"\)/gi, ' ');
  const mentions = mentionsIn(text);
  const numbers = findReBlockFileNumbers(text);
  const refs = mentions.map((m, i) => {
    const next = mentions.slice(i + 1).find((n) => n.index > m.index);
    const segment = text.slice(m.end, next ? next.index : text.length);
    return { form: m.form as string | null, ...datesIn(segment), fileNumber: null as string | null, at: m.index };
  });
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    const open = refs.filter((r) => r.at < n.index && r.fileNumber === null);
    if (open.length === 0) continue;
    let j = i + 1;
    while (j < numbers.length && !refs.some((r) => r.at > n.index && r.at < numbers[j]!.index)) j++;
    const group = numbers.slice(i, j);
    if (group.length === open.length && group.length > 1) open.forEach((r, k) => (r.fileNumber = group[k]!.number));
    else for (const r of open) r.fileNumber = n.number;
  }
  return refs.map(({ form, fiscalYearEnd, filedDate, fileNumber }) => ({ form, fiscalYearEnd, filedDate, fileNumber }));
}
