/**
 * The end of a letter: where the body stops (closing paragraphs, acknowledgements, the complimentary close),
 * who signed it and with which title, and whom it was copied to.
 */
import type { Person } from './schema.ts';
import { cleanName, isOrgOrAddress, isPersonName, isTitle, isTitleLine, splitNameTitle } from './people.ts';
import { flat, fullText, linesOf, type Unit } from './units.ts';

export const COMPLIMENTARY =
  /^(?:Sincerely(?:\s+yours)?|(?:Very\s+)?(?:truly|Truly)\s+yours|Yours\s+(?:very\s+)?(?:truly|sincerely|faithfully)|Respectfully(?:\s+(?:submitted|yours))?|(?:With\s+)?(?:Best|Kind|Warm)\s+regards|Regards|Cordially|Thank\s+you|Very\s+Truly\s+Yours)\s*[,.]?\s*$/i;

/** Paragraphs that only ever close a letter: no numbered comment comes after them. */
const STRONG_CLOSING = [
  COMPLIMENTARY,
  /^(?:if|should)\s+(?:you|the\s+staff)\s+(?:have|has|would\s+like|wish|require|need)\s+(?:any\s+)?(?:further\s+|additional\s+)?(?:questions|comments|additional\s+information|further\s+information)\b/i,
  /^(?:please\s+)?(?:do\s+not\s+hesitate\s+to|feel\s+free\s+to)\s+(?:contact|call)\b/i,
  /^please\s+(?:do\s+not\s+hesitate|feel\s+free|direct\s+any|contact\s+the\s+undersigned|let\s+(?:us|me)\s+know\s+if)\b/i,
  /^you\s+may\s+contact\b/i,
  /^we\s+remind\s+you\s+that\b/i,
  /^we\s+urge\s+all\s+persons\b/i,
  /^in\s+responding\s+to\s+our\s+comments?\b/i,
  /^in\s+closing\b/i,
];
/** Paragraphs that close the body after the last item: the strong ones, separators and thanks. */
const CLOSING_START = [
  ...STRONG_CLOSING,
  /^(?:\*\s*){2,}$/,
  /^please\s+contact\b/i,
  /^thank\s+you\s+(?:for|in\s+advance\s+for)\s+(?:your|the\s+staff'?s)\s+(?:attention|consideration|assistance|time|review|cooperation|courtesy|help)\b/i,
  /^we\s+appreciate\s+(?:your|the\s+staff'?s)\s+(?:attention|consideration|assistance|time|review|cooperation|courtesy|help)\b/i,
  /^any\s+(?:questions|comments)\s+(?:regarding|concerning|about|with\s+respect\s+to)\b/i,
];
/** The acknowledgement ("The Company acknowledges that: ... responsible for the adequacy and accuracy ..."). */
const ACKNOWLEDGES =
  /^(?:the\s+company|we|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+(?:hereby\s+)?(?:acknowledges?|understands?|confirms?)\b/;
const TANDY =
  /\bresponsible\s+for\s+the\s+(?:adequacy|accuracy)\b|\bmay\s+not\s+assert\s+(?:staff|the\s+staff'?s)\s+comments\b|\bdo(?:es)?\s+not\s+foreclose\b/i;

function isAcknowledgement(units: readonly Unit[], i: number): boolean {
  const text = flat(fullText(units[i]!));
  if (!ACKNOWLEDGES.test(text)) return false;
  const ahead = [text, ...units.slice(i + 1, i + 3).map((u) => flat(fullText(u)))].join(' ');
  return TANDY.test(ahead);
}

/** Whether unit `i` opens the closing part of a letter; `strong` keeps to paragraphs no comment follows. */
export function isClosingStart(units: readonly Unit[], i: number, strong = false): boolean {
  const unit = units[i]!;
  if (unit.type === 'table') return false;
  const text = flat(fullText(unit));
  if (isAcknowledgement(units, i)) return true;
  return (strong ? STRONG_CLOSING : CLOSING_START).some((re) => re.test(text));
}

/** First unit at or after `from` that opens the closing part; `units.length` when none does. */
export function findBodyEnd(units: readonly Unit[], from: number, strong = false): number {
  for (let i = from; i < units.length; i++) if (isClosingStart(units, i, strong)) return i;
  return units.length;
}

const CC = /^(?:cc|c\.c\.|copy|copies|bcc|with\s+(?:a\s+)?cop(?:y|ies))(?:\s+to)?\s*[:.]?\s*(?=\s|$|[A-Z])/i;
const STOP =
  /^(?:Enclosures?|Attachments?|Exhibit\s+[A-Z0-9]|Annex|Appendix|Schedule\s+[A-Z0-9]|Page\s+\d|\d+$|Confidential\s+Treatment)/i;

export interface Closing {
  readonly signatories: Person[];
  readonly cc: string[];
  /** Index of the unit with the complimentary close, or null. */
  readonly closeUnit: number | null;
}

/** Signatories and cc list after `from` (the end of the body). */
export function parseClosing(units: readonly Unit[], from: number): Closing {
  const lines = linesOf(units, from);
  let closeLine = lines.findIndex((l) => COMPLIMENTARY.test(l.text));
  // A letter whose "Sincerely," was lost: the conformed signature opens the block.
  if (closeLine < 0) closeLine = lines.findIndex((l) => /^\/s\//i.test(l.text)) - 1;
  if (closeLine < -1) closeLine = -1;
  const signatories: Array<{ name: string; title: string | null }> = [];
  const cc: string[] = [];
  let ccStart = -1;
  if (closeLine >= 0 || lines[0]?.text.startsWith('/s/')) {
    let current: { name: string; title: string | null } | null = null;
    for (let i = closeLine + 1; i < lines.length; i++) {
      const text = lines[i]!.text.replace(/\s+/g, ' ').trim();
      if (CC.test(text) && !/^copy\s+of\b/i.test(text)) {
        ccStart = i;
        break;
      }
      if (STOP.test(text) || text.length > 200) break;
      const labelled = /^(?:By|Name)\s*:\s*(.*)$/i.exec(text);
      const titleLabel = /^Title\s*:\s*(.*)$/i.exec(text);
      if (titleLabel) {
        if (current) current.title = titleLabel[1]!.trim() || null;
        continue;
      }
      const body = (labelled ? labelled[1]! : text).replace(/^\/s\/\s*/i, '').trim();
      if (body === '') continue;
      const person = splitNameTitle(body);
      if (person && (person.title === null || isTitle(person.title))) {
        if (current && current.name === person.name) {
          if (person.title && !current.title) current.title = person.title;
          continue;
        }
        signatories.push((current = { ...person }));
        continue;
      }
      if (current && isTitleLine(text)) {
        current.title = current.title === null ? text : `${current.title}, ${text}`;
        continue;
      }
      if (current) current = null;
    }
  } else {
    ccStart = lines.findIndex((l) => CC.test(l.text) && !/^copy\s+of\b/i.test(l.text));
  }
  if (ccStart >= 0) {
    const first = lines[ccStart]!.text.replace(CC, '').trim();
    const entries = first === '' ? [] : [first];
    for (let i = ccStart + 1; i < lines.length; i++) {
      const text = lines[i]!.text.replace(/\s+/g, ' ').trim();
      if (STOP.test(text) || text.length > 200) break;
      const last = entries.length - 1;
      const continuation =
        last >= 0 &&
        !splitNameTitle(text) &&
        (isTitle(text) || (isOrgOrAddress(text) && !/\d/.test(text)) || /^[a-z(]/.test(text));
      // A line wrapped in a plain-text letter goes on with a space, a title or company under a name after a comma.
      const wrapped = last >= 0 && lines[i - 1]!.text.length >= 60 && !/[,;]$/.test(lines[i - 1]!.text);
      if (continuation) entries[last] = `${entries[last]}${wrapped ? ' ' : ', '}${text}`;
      else entries.push(text);
    }
    cc.push(...entries.map((e) => e.replace(/\s+/g, ' ').trim()).filter((e) => e !== ''));
  }
  return {
    signatories: signatories.map((p) => ({ name: cleanName(p.name), title: p.title })),
    cc,
    closeUnit: closeLine >= 0 && COMPLIMENTARY.test(lines[closeLine]!.text) ? lines[closeLine]!.unit : null,
  };
}

/** Whether a name is written in a list entry ("Jane Doe, Staff Attorney" -> "Jane Doe"). */
export function nameOfEntry(entry: string): string | null {
  const person = splitNameTitle(entry);
  if (person) return person.name;
  return isPersonName(entry) ? cleanName(entry) : null;
}
