/**
 * People in letters: what a person's name looks like, what a job title looks like, and what is an
 * organisation or an address instead. Shared by the address block, signatures, cc lists and SEC staff.
 */
import type { Person } from './schema.ts';

const TITLE_WORDS =
  /\b(?:Chief|Officer|President|Director|Counsel|Accountant|Attorney|Secretary|Treasurer|Controller|Comptroller|Chair(?:man|woman|person)?|Partner|Manager|Head|Branch|Examiner|Analyst|Associate|Executive|General|Principal|Deputy|Legal|Member|Managing|Founder|CEO|CFO|COO|CAO|Esq\.?|Senior|Assistant|Vice|Staff|Lead|Advisor|Adviser|Specialist|Reviewer|Editor|Administrator)\b/;
const ORG_WORDS =
  /\b(?:Commission|Division|Office|Securities|Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.?|LLP|LLC|L\.L\.P\.|L\.P\.|Ltd\.?|Limited|plc|PLC|N\.V\.|S\.A\.|AG|Group|Holdings|Bank|Trust|Street|St\.|Avenue|Ave\.|Road|Boulevard|Blvd\.?|Drive|Suite|Floor|Plaza|Center|Centre|Washington|D\.C\.|Department|Mail Stop|Finance|Fund|Partners|Capital|Technologies|Industries|International|Services|Bancorp|Financial|Insurance|University|Association)(?!\w)/i;
/** Words that appear in office, program and place names but not in people's names. */
const NOT_NAME =
  /^(?:The|A|An)\s|\b(?:Of|And|For|Program|Review|Disclosure|Netherlands|Kingdom|States|Republic|Global|Security|Risk|Corporate|Accounting|Policy|Affairs|Operations|Transportation|Energy|Manufacturing|Technology|Trade|Sciences|Estate|Commodities|Mergers|Acquisitions|Industrial|Applications|Investment|Management|Services|Assessment|Disclosures|Offices|Chief|Staff)\b/;
const HONORIFIC = /^(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?\s+/;
/** Given name(s), optional initials, family name(s), optional suffix; "J. Nolan McWilliams", "Mary Beth O'Neil Jr.". */
const NAME =
  /^(?:(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?\s+)?(?:[A-Z]\.\s?)?[A-Z][a-zA-Z'\u00c0-\u017f-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Z'\u00c0-\u017f-]+|de|van|von|da|del|la|le)){1,3}(?:,?\s+(?:Jr\.|Sr\.|II|III|IV|Esq\.|CPA))?$/;

/** "Mr. Stephen Krikorian" -> "Stephen Krikorian"; trims "/s/" and stray punctuation. */
export function cleanName(text: string): string {
  return text
    .replace(/^\/s\/\s*/i, '')
    .replace(HONORIFIC, '')
    .replace(/,?\s+Esq\.?$/, '')
    .replace(/[,;:]+$/, '')
    .trim();
}

/** Whether the text reads as a person's name and nothing else. */
export function isPersonName(text: string): boolean {
  const t = text.trim().replace(/^\/s\/\s*/i, '');
  if (t.length < 4 || t.length > 50) return false;
  if (!NAME.test(t)) return false;
  if (ORG_WORDS.test(t)) return false;
  if (/\b(?:Chief|Officer|President|Director|Counsel|Accountant|Attorney|Secretary|Treasurer|Controller)\b/.test(t))
    return false;
  if (/\b(?:Re|Dear|Sincerely|Gentlemen|Ladies|Via|Edgar|EDGAR|Page|Form|Filed|File|Response|Comment)\b/.test(t))
    return false;
  return !NOT_NAME.test(t);
}

/** Whether the text reads as a job title (and not as an organisation or an address). */
export function isTitle(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 120) return false;
  if (!TITLE_WORDS.test(t)) return false;
  if (/^(?:Office|Division|Department) of\b/.test(t)) return false;
  if (/\d{3,}/.test(t)) return false;
  if (/[.!?]$/.test(t) && !/\b(?:Esq|Inc|Jr|Sr)\.$/.test(t)) return false;
  return !/\b(?:Inc\.?|Corp\.?|LLP|LLC|Ltd\.?|Street|Avenue|Suite|Commission)\b/.test(t);
}

/**
 * Whether a line under a signature is a title, allowing an organisation after it: "Managing Director,
 * Harrowgate Securities LLC".
 */
export function isTitleLine(text: string): boolean {
  if (isTitle(text)) return true;
  const comma = text.indexOf(',');
  return comma > 0 && isTitle(text.slice(0, comma)) && !isPersonName(text.slice(0, comma));
}

/** Whether the text is an organisation, department or address line. */
export function isOrgOrAddress(text: string): boolean {
  return ORG_WORDS.test(text) || /\d{2,}/.test(text) || /^(?:Office|Division|Department) of\b/.test(text);
}

/**
 * "Stephen Krikorian, Accounting Branch Chief" -> { name, title }; a bare name -> title null.
 * Null when the text does not start with a person's name.
 */
export function splitNameTitle(text: string): Person | null {
  const t = text.trim().replace(/^\/s\/\s*/i, '');
  if (isPersonName(t)) return { name: cleanName(t), title: null };
  const comma = t.indexOf(',');
  if (comma > 0) {
    let head = t.slice(0, comma);
    let rest = t.slice(comma + 1).trim();
    const suffix = /^(Jr\.|Sr\.|II|III|IV|Esq\.?)(?:,\s*|$)/.exec(rest);
    if (suffix) {
      head = `${head}, ${suffix[1]}`;
      rest = rest.slice(suffix[0].length).trim();
    }
    if (isPersonName(head)) return { name: cleanName(head), title: rest === '' ? null : rest };
  }
  return null;
}

/** Names joined in one line: "Mindy Hooker and Kevin Stertzel", "Jane Doe, John Roe and Ann Poe". */
export function splitNameList(text: string): string[] | null {
  const parts = text
    .split(/\s*(?:,\s*and\s+|,|\band\b|&|;)\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  return parts.every((p) => isPersonName(p)) ? parts.map(cleanName) : null;
}
