/**
 * inResponseTo: the date of the letter this one answers. In a company response, the staff letter ("your
 * letter dated May 22, 2024", "the March 27, 2018 comment letter", "comments ... by email dated"); in a staff
 * letter, the company's letter ("your June 12, 2024 response", Re: "Response dated ..."). A date named as the
 * writer's own earlier letter ("our letter dated ...", "the Company's June 12 response") does not count.
 */
import type { LetterForm } from './schema.ts';
import { findDates } from './dates.ts';

/** The word linking a letter to its date, right before the date: "dated", "of", "on", "received on". */
const LINKER = /\b(?:dated|of|on|from|issued|sent)\s*,?\s*$/i;
const LETTER_WORD = /\b(?:comment\s+letters?|letters?|comments?|correspondence|e-?mails?|communications?)\b/gi;
/** Words that put another thing between the letter and the date ("letter regarding the Form 10-K filed on"). */
const BARRIER =
  /\b(?:filed|ended|ending|forms?|reports?|statements?|submitted|amendments?|registration|quarter|fiscal|responses?|responded|reply|call|conversation|meeting|telephone|discussions?|dated|conference)\b|[a-z]{2,}\.\s+[A-Z]/i;

const AFTER_LETTER =
  /^\s*,?\s*(?:(?:and|&)\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?\s*)?(?:comment\s+)?(?:letters?|e-?mails?|correspondence|comments?)\b/i;
const AFTER_RESPONSE =
  /^\s*,?\s*(?:(?:supplemental|initial|further|written)\s+)?(?:responses?|reply|letter\s+response)\b/i;
/** The writer's own earlier letter, a few words before the date. */
const OWN_SEC = /\b(?:our|the\s+staff'?s|the\s+division'?s)\s+(?:[\w-]+\s+){0,3}$/i;
const OWN_COMPANY = /\b(?:our|my|the\s+company'?s|the\s+registrant'?s)\s+(?:(?!to\b|of\b|the\b|for\b)[\w-]+\s+){0,2}$/i;
const COMPANY_LETTER =
  /\b(?:your|the\s+company'?s)\s+(?:[\w-]+\s+){0,3}(?:responses?|letters?|correspondence|reply|submission)\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:dated|of|on|submitted\s+on)\s*$|(?:^|\n)\s*(?:response|correspondence|letter)s?\s+dated\s*$|\bcorrespondence\s+(?:you\s+sent\s+)?(?:dated|of)\s*$/i;

/** In a company letter: the date is that of a staff letter ("the letter from the Staff ... dated", "your May 22 letter"). */
function staffLetterNamed(before: string, after: string): boolean {
  const paragraph = before.slice(before.lastIndexOf('\n') + 1).replace(/\s+/g, ' ');
  const linker = LINKER.exec(paragraph);
  if (linker) {
    const head = paragraph.slice(0, linker.index);
    let last: RegExpExecArray | null = null;
    for (const m of head.matchAll(LETTER_WORD)) last = m;
    if (last && head.length - (last.index + last[0].length) <= 260) {
      const span = head.slice(last.index + last[0].length);
      const lead = head.slice(0, last.index);
      if (!BARRIER.test(span) && findDates(span).length === 0 && !OWN_COMPANY.test(lead.slice(-40))) return true;
    }
  }
  const lastPhrase = paragraph.slice(-70);
  return AFTER_LETTER.test(after) && !AFTER_RESPONSE.test(after) && !OWN_COMPANY.test(lastPhrase);
}

function qualifies(form: LetterForm, before: string, after: string): boolean {
  const lastPhrase = before.replace(/[ \t]+/g, ' ').slice(-70);
  if (form === 'CORRESP') return staffLetterNamed(before, after);
  if (OWN_SEC.test(lastPhrase)) return false;
  if (
    /\byour\s+(?:[\w-]+\s+){0,2}$/i.test(lastPhrase) &&
    (AFTER_RESPONSE.test(after) || /^\s*,?\s*letter/i.test(after))
  )
    return true;
  return COMPANY_LETTER.test(lastPhrase);
}

/**
 * The answered letter's date in `text` (the Re: block and the opening paragraphs, in order), or null. When
 * several dates qualify, the latest not after `letterDate` wins: a response answers the newest letter it names.
 */
export function findInResponseTo(form: LetterForm, text: string, letterDate: string | null): string | null {
  const found: string[] = [];
  for (const d of findDates(text)) {
    const before = text.slice(Math.max(0, d.index - 400), d.index);
    const after = text.slice(d.index + d.length, d.index + d.length + 60);
    if (qualifies(form, before, after) && (letterDate === null || d.iso < letterDate)) found.push(d.iso);
  }
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b > a ? b : a));
}
