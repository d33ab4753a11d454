/**
 * The head of a letter, up to the salutation: the dateline (letterDate), the address block (addressees), and
 * the Re: block (references, file numbers). Found by position and shape, not by the first match anywhere.
 */
import type { Person } from './schema.ts';
import { findDates, isDateLine } from './dates.ts';
import { isOrgOrAddress, isTitle, splitNameList, splitNameTitle } from './people.ts';
import { linesOf, type Line, type Unit } from './units.ts';

export const SALUTATION =
  /^(?:Dear\s+(?:Sir|Madam|Mr|Ms|Mrs|Dr|Messrs|Members|Staff|[A-Z])|Ladies\s+and\s+Gentlemen|Gentlemen|Ladies|To\s+Whom\s+It\s+May\s+Concern|Dear\s+\w+)/i;
const RE_LINE = /^(?:Re|RE|Subject|Ref)\s*(?::|\.|$|\s{2}|\s(?=[A-Z0-9]))/;
const DELIVERY =
  /^(?:(?:sent\s+)?(?:via|by)\b.{0,40}|transmitted.{0,40}|submitted.{0,40})(?:edgar|e-?mail|mail|courier|fax|facsimile|hand|overnight|federal express|fedex|electronic)|^(?:via|by)\s+(?:edgar|e-?mail)|^mail\s+stop\b|^CORRESP$|^confidential\b|^(?:privileged|foia)\b|^(?:united states\s+)?securities and exchange commission logo$/i;
const SEC_ADDRESS =
  /\b(?:Securities\s+and\s+Exchange\s+Commission|Division\s+of\s+Corporation\s+Finance|100\s+F\s+Street|Office\s+of\s+(?:Manufacturing|Technology|Trade|Life\s+Sciences|Finance|Energy|Real\s+Estate|Industrial|Global|Mergers|Beverages|Consumer|Information))/i;

export interface Preamble {
  readonly letterDate: string | null;
  readonly addressees: Person[];
  /** Whether the address block names the SEC: its people are then SEC staff. */
  readonly addressedToSec: boolean;
  /** The Re: block's lines joined by "\n", without the "Re:" label; null when the letter has none. */
  readonly reBlock: string | null;
  /** Index of the first unit after the salutation (the body); 0 when nothing was recognised. */
  readonly bodyStart: number;
  /** Whether a salutation was found. */
  readonly hasSalutation: boolean;
}

const HEAD_UNITS = 60;

/** A company name reduced for comparison: "Archer-Daniels-Midland Co." -> "archer daniels midland co". */
export function simplify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function findSalutation(lines: readonly Line[]): number {
  return lines.findIndex((l) => SALUTATION.test(l.text) && l.text.length < 120);
}

function parseAddressees(lines: readonly Line[], companyName: string): Person[] {
  const company = simplify(companyName);
  const out: Array<{ name: string; title: string | null }> = [];
  let current: { name: string; title: string | null } | null = null;
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (DELIVERY.test(text) || isDateLine(text)) continue;
    const attn = /^(?:Attn|Attention)\s*[:.]?\s*(.*)$/i.exec(text);
    if (attn) {
      const body = attn[1]!.trim();
      const names = splitNameList(body);
      if (names) for (const name of names) out.push((current = { name, title: null }));
      else {
        const person = splitNameTitle(body);
        if (person) out.push((current = { ...person }));
      }
      continue;
    }
    if (current !== null && !splitNameTitle(text) && isTitle(text)) {
      current.title = current.title === null ? text : `${current.title}, ${text}`;
      continue;
    }
    if (company !== '' && simplify(text) === company) {
      current = null;
      continue;
    }
    const person = isOrgOrAddress(text) && !/,/.test(text) ? null : splitNameTitle(text);
    if (person && (person.title === null || isTitle(person.title))) {
      out.push((current = { ...person }));
      continue;
    }
    current = null;
  }
  return out;
}

/** Reads the head of the letter from its units. */
export function parsePreamble(units: readonly Unit[], companyName = ''): Preamble {
  const lines = linesOf(units, 0, HEAD_UNITS);
  const salutation = findSalutation(lines);
  const headEnd = salutation >= 0 ? salutation : Math.min(lines.length, 40);
  let reStart = -1;
  for (let i = 0; i < headEnd; i++) {
    if (RE_LINE.test(lines[i]!.text)) {
      reStart = i;
      break;
    }
  }
  let reEnd = headEnd;
  if (reStart >= 0 && salutation < 0) {
    reEnd = reStart + 1;
    while (reEnd < lines.length && reEnd - reStart < 12 && lines[reEnd]!.text.length < 160) reEnd++;
  }
  const reBlock =
    reStart < 0
      ? null
      : lines
          .slice(reStart, reEnd)
          .map((l, i) => (i === 0 ? l.text.replace(RE_LINE, '').trim() : l.text))
          .filter((t) => t !== '')
          .join('\n');

  const beforeRe = reStart >= 0 ? reStart : headEnd;
  let dateLine = -1;
  for (let i = 0; i < beforeRe; i++) {
    if (isDateLine(lines[i]!.text)) {
      dateLine = i;
      break;
    }
  }
  if (dateLine < 0) {
    for (let i = 0; i < beforeRe; i++) {
      const t = lines[i]!.text;
      if (t.length <= 80 && findDates(t).length === 1 && !/\b(?:filed|ended|dated)\b/i.test(t)) {
        dateLine = i;
        break;
      }
    }
  }
  // Some letters put the date under the Re: block, just above the salutation.
  if (dateLine < 0 && reStart >= 0 && salutation > reStart + 1 && isDateLine(lines[salutation - 1]!.text)) {
    dateLine = salutation - 1;
  }
  const letterDate = dateLine >= 0 ? findDates(lines[dateLine]!.text)[0]!.iso : null;
  const address = lines.slice(dateLine >= 0 && dateLine < beforeRe ? dateLine + 1 : 0, beforeRe);
  const addressees = parseAddressees(address, companyName);
  const addressedToSec = address.some((l) => SEC_ADDRESS.test(l.text));

  let bodyStart = 0;
  if (salutation >= 0) bodyStart = lines[salutation]!.unit + 1;
  else if (reStart >= 0) bodyStart = lines[Math.min(reEnd, lines.length - 1)]!.unit;
  return { letterDate, addressees, addressedToSec, reBlock, bodyStart, hasSalutation: salutation >= 0 };
}
