/**
 * SEC staff named in a letter: the people a company letter is addressed to at the Commission, the staff who
 * sign or are copied on a staff letter, and anyone given an SEC telephone number (202-551-xxxx) or named
 * "of the Staff".
 */
import type { LetterForm, Person } from './schema.ts';
import { nameOfEntry } from './closing.ts';
import { cleanName, isPersonName } from './people.ts';

// Name words are bounded (a longer word is no name, and isPersonName refuses names over 50 characters): an
// unbounded word tried from every capital of a long upper-case run made the search quadratic.
const WORD = String.raw`[A-Z][a-zA-Z'-]{1,40}`;
const NAME = String.raw`(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-Z]\.\s?)?${WORD}(?:\s+[A-Z]\.)?(?:\s+${WORD}){1,2}`;
const SEC_PHONE = new RegExp(
  String.raw`(${NAME})(?:\s*,\s*[A-Z][A-Za-z ,-]{2,60}?,?)?\s+(?:at|on)\s+(?:\(?202\)?[\s.-]*551|551)[\s.-]*\d{4}`,
  'g',
);
const OF_STAFF = new RegExp(String.raw`(${NAME})\s*,?\s+(?:of|from)\s+the\s+(?:Staff|Commission|Division|SEC)\b`, 'g');
const SEC_CC =
  /Securities\s+and\s+Exchange\s+Commission|Division\s+of\s+Corporation\s+Finance|\b(?:Staff\s+Accountant|Staff\s+Attorney|Branch\s+Chief|Special\s+Counsel|Assistant\s+Director|Attorney[- ]Advis[oe]r|Office\s+Chief|Associate\s+Director|Accounting\s+Branch\s+Chief|Assistant\s+Chief\s+Accountant)\b/;

export interface StaffInput {
  readonly form: LetterForm;
  readonly text: string;
  readonly addressees: readonly Person[];
  readonly addressedToSec: boolean;
  readonly signatories: readonly Person[];
  readonly cc: readonly string[];
}

function add(out: string[], name: string | null): void {
  if (name === null) return;
  const n = cleanName(name);
  if (!isPersonName(n)) return;
  if (!out.some((x) => x.toLowerCase() === n.toLowerCase())) out.push(n);
}

export function findSecStaff(input: StaffInput): string[] {
  const out: string[] = [];
  if (input.form === 'CORRESP' && input.addressedToSec) for (const p of input.addressees) add(out, p.name);
  if (input.form === 'UPLOAD') for (const p of input.signatories) add(out, p.name);
  for (const entry of input.cc) {
    // A staff letter copies staff, and now and then the company's counsel ("Jane Roe, Esq., Roe & Poe LLP").
    const outside = /\bEsq\b|\bLLP\b|\bLLC\b|\bP\.?C\.|\bInc\b|\bCorp/.test(entry);
    if ((input.form === 'UPLOAD' && !outside) || SEC_CC.test(entry)) add(out, nameOfEntry(entry));
  }
  const flatText = input.text.replace(/\s+/g, ' ');
  for (const m of flatText.matchAll(SEC_PHONE)) add(out, m[1]!.replace(/^(?:or|and|contact|call)\s+/i, ''));
  for (const m of flatText.matchAll(OF_STAFF)) add(out, m[1]!);
  return out;
}
