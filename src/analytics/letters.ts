/**
 * A review's letters as the analytic tables read them: what the store holds of each letter, the date a letter
 * counts by, the rounds (../DESIGN.md: staff `comment` letters ordered by letterDate then acceptance time) and
 * which company letter answers which staff letter. Pure.
 */
import type { Letter } from '../letter/schema.ts';

/** What the derivation reads of a stored Letter. */
export type AnalyticsLetter = Pick<
  Letter,
  | 'accessionNumber'
  | 'form'
  | 'cik'
  | 'companyName'
  | 'filingDate'
  | 'acceptanceDateTime'
  | 'disseminationDate'
  | 'fileNumbers'
  | 'sender'
  | 'kind'
  | 'letterDate'
  | 'inResponseTo'
  | 'references'
  | 'referenceAccession'
  | 'secStaff'
  | 'office'
  | 'signatories'
  | 'cc'
  | 'items'
>;

/** The date a letter counts by: its own date, else its filing date. */
export const dateOf = (l: AnalyticsLetter): string => l.letterDate ?? l.filingDate;

const isStaff = (l: AnalyticsLetter): boolean => l.form === 'UPLOAD';

function instant(l: AnalyticsLetter): number {
  const t = l.acceptanceDateTime ? Date.parse(l.acceptanceDateTime) : NaN;
  return Number.isFinite(t) ? t : Date.parse(`${l.filingDate}T12:00:00Z`);
}

/** The order of a review: letterDate (else filing date), then acceptance time, then accession. */
export function compareByDate(a: AnalyticsLetter, b: AnalyticsLetter): number {
  return (
    dateOf(a).localeCompare(dateOf(b)) || instant(a) - instant(b) || a.accessionNumber.localeCompare(b.accessionNumber)
  );
}

/** The review's rounds: its staff letters of kind `comment`, in review order. */
export function roundsOf(letters: readonly AnalyticsLetter[]): AnalyticsLetter[] {
  return letters.filter((l) => isStaff(l) && l.kind === 'comment').sort(compareByDate);
}

/** Whether a staff letter comes after `letter` in the review order. */
export function laterStaffLetterExists(letters: readonly AnalyticsLetter[], letter: AnalyticsLetter): boolean {
  return letters.some((l) => isStaff(l) && l !== letter && compareByDate(letter, l) < 0);
}

/**
 * The company letters answering each staff comment letter, in review order: a response (kind `response`)
 * answers the staff letter whose date it names (inResponseTo), else the last comment letter before it; a letter
 * the classifier left as `other` answers one only when it names that letter's date.
 */
export function responsesByRound(
  letters: readonly AnalyticsLetter[],
  rounds: readonly AnalyticsLetter[],
): Map<string, AnalyticsLetter[]> {
  const out = new Map<string, AnalyticsLetter[]>(rounds.map((r) => [r.accessionNumber, []]));
  const company = letters.filter((l) => !isStaff(l) && (l.kind === 'response' || l.kind === 'other'));
  for (const letter of company.sort(compareByDate)) {
    const before = rounds.filter((r) => compareByDate(r, letter) < 0 || dateOf(r) <= dateOf(letter));
    const named =
      letter.inResponseTo === null
        ? undefined
        : ([...before].reverse().find((r) => r.letterDate === letter.inResponseTo) ??
          rounds.find((r) => r.letterDate === letter.inResponseTo));
    const answered = named ?? (letter.kind === 'response' ? before[before.length - 1] : undefined);
    if (answered) out.get(answered.accessionNumber)!.push(letter);
  }
  return out;
}
