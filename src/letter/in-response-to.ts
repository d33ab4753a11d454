/**
 * inResponseTo: the date of the letter this one answers. In a company response, the staff letter ("your
 * letter dated May 22, 2024", "the March 27, 2018 comment letter", "comments ... by email dated"); in a staff
 * letter, the company's letter ("your June 12, 2024 response", Re: "Response dated ..."). A date named as the
 * writer's own earlier letter ("our letter dated ...", "the Company's June 12 response") does not count.
 */
import type { LetterForm } from './schema.ts';
import { findDates } from './dates.ts';

const STAFF_LETTER = new RegExp(
  String.raw`(?:(?:comment\s+)?letters?|comments?|correspondence|e-?mails?|communications?)\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:(?:that\s+(?:was|were)\s+)?(?:dated|of|on|from|received(?:\s+\w+){0,3}\s+on|issued(?:\s+on)?|sent(?:\s+\w+){0,3}\s+on|delivered(?:\s+\w+){0,4}\s+on|provided(?:\s+\w+){0,3}\s+on|transmitted(?:\s+\w+){0,3}\s+on)\s*)$` +
    String.raw`|(?:delivered|sent|transmitted|received|provided)\s+(?:to\s+us\s+)?(?:by|via)\s+e-?mail\s+on\s*$`,
  'i',
);
const AFTER_LETTER =
  /^\s*,?\s*(?:(?:and|&)\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?\s*)?(?:comment\s+)?(?:letters?|e-?mails?|correspondence|comments?)\b/i;
const AFTER_RESPONSE =
  /^\s*,?\s*(?:(?:supplemental|initial|further|written)\s+)?(?:responses?|reply|letter\s+response)\b/i;
/** The writer's own earlier letter, a few words before the date. */
const OWN_SEC = /\b(?:our|the\s+staff'?s|the\s+division'?s)\s+(?:[\w-]+\s+){0,3}$/i;
const OWN_COMPANY = /\b(?:our|my|the\s+company'?s|the\s+registrant'?s|its)\s+(?:[\w-]+\s+){0,3}$/i;
const COMPANY_LETTER =
  /\b(?:your|the\s+company'?s)\s+(?:[\w-]+\s+){0,3}(?:responses?|letters?|correspondence|reply|submission)\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:dated|of|on|submitted\s+on)\s*$|(?:^|\n)\s*(?:response|correspondence|letter)s?\s+dated\s*$|\bcorrespondence\s+(?:you\s+sent\s+)?(?:dated|of)\s*$/i;

function qualifies(form: LetterForm, before: string, after: string): boolean {
  const lastPhrase = before.replace(/[ \t]+/g, ' ').slice(-70);
  if (form === 'CORRESP') {
    const named = STAFF_LETTER.exec(lastPhrase);
    if (named) return !OWN_COMPANY.test(lastPhrase.slice(0, named.index));
    return AFTER_LETTER.test(after) && !AFTER_RESPONSE.test(after) && !OWN_COMPANY.test(lastPhrase);
  }
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
    const before = text.slice(Math.max(0, d.index - 120), d.index);
    const after = text.slice(d.index + d.length, d.index + d.length + 60);
    if (qualifies(form, before, after) && (letterDate === null || d.iso <= letterDate)) found.push(d.iso);
  }
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b > a ? b : a));
}
