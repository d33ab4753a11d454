/**
 * Review threads: the letters of one review of one filing (per company and file number), in acceptance order,
 * each company response linked to the staff letter it answers and each answered item paired with its comment.
 * Pure: letters in, threads out. A thread's id is built from its file number and its first letter's accession,
 * so rebuilding from the same letters gives the same ids.
 *
 * Links, strongest first: the date a letter says it answers (inResponseTo = the other side's letterDate), the
 * filing under review (UPLOAD referenceAccession), the Re: block's first filing (form without /A and fiscal
 * year end), and for a response naming no date, the open review whose comments carry its item numbers.
 */
import type { Item, Letter, LetterForm, LetterKind, Reference } from './schema.ts';
import { daysBetween } from './dates.ts';

/** What the thread builder reads of a Letter. */
export type ThreadLetter = Pick<
  Letter,
  | 'accessionNumber'
  | 'form'
  | 'cik'
  | 'fileNumbers'
  | 'references'
  | 'referenceAccession'
  | 'acceptanceDateTime'
  | 'filingDate'
  | 'letterDate'
  | 'inResponseTo'
  | 'kind'
  | 'items'
>;

export const THREAD_STATUSES = ['open', 'answered', 'complete'] as const;
/** open: the staff's last letter awaits an answer; answered: the company answered last; complete: the staff closed the review. */
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** How a letter was tied to its thread. */
export type LinkReason = 'first' | 'in-response-to' | 'reference-accession' | 'subject' | 'item-numbers';

export interface ItemPair {
  readonly number: number;
  /** The staff letter holding the comment, or null when no comment with that number was found. */
  readonly commentAccession: string | null;
  readonly responseAccession: string;
}

export interface ThreadEntry {
  readonly accessionNumber: string;
  readonly form: LetterForm;
  readonly kind: LetterKind;
  readonly letterDate: string | null;
  readonly filingDate: string;
  readonly acceptanceDateTime: string | null;
  readonly link: LinkReason;
  /** For a company letter: the staff letter it answers; for a staff letter: the company letter it answers. */
  readonly answers: string | null;
  /** Days from the answered letter's date to this letter's date. */
  readonly daysToAnswer: number | null;
  /** For a company response: its items paired with the comments they answer. */
  readonly pairs: readonly ItemPair[];
}

export interface ReviewThread {
  readonly threadId: string;
  readonly cik: string;
  /** The file number of the thread's first letter (the first it names), or null. */
  readonly fileNumber: string | null;
  /** Every file number its letters name. */
  readonly fileNumbers: readonly string[];
  /** The filing under review as the first letter's Re: block names it, or null. */
  readonly subject: Reference | null;
  readonly referenceAccession: string | null;
  readonly status: ThreadStatus;
  readonly letters: readonly ThreadEntry[];
  /** Date of the first letter. */
  readonly openedOn: string;
  /** Date of the letter that completed the review; null while not complete. */
  readonly closedOn: string | null;
  /** Days from openedOn to closedOn, or to the last letter when not complete. */
  readonly durationDays: number;
}

/** How far back a letter may link by subject or item numbers (days). */
const SUBJECT_WINDOW = 300;
const ITEMS_WINDOW = 120;

interface Draft {
  cik: string;
  letters: ThreadLetter[];
  entries: ThreadEntry[];
  subjects: Set<string>;
  fileNumbers: string[];
  referenceAccession: string | null;
  complete: boolean;
}

function instant(l: ThreadLetter): number {
  const t = l.acceptanceDateTime ? Date.parse(l.acceptanceDateTime) : NaN;
  return Number.isFinite(t) ? t : Date.parse(`${l.filingDate}T12:00:00Z`);
}

/** Acceptance order; same instant -> filing date, then accession. */
export function compareLetters(a: ThreadLetter, b: ThreadLetter): number {
  return (
    instant(a) - instant(b) ||
    a.filingDate.localeCompare(b.filingDate) ||
    a.accessionNumber.localeCompare(b.accessionNumber)
  );
}

function dateOf(l: ThreadLetter): string {
  return l.letterDate ?? l.filingDate;
}

/**
 * The filing under review as a key: a registration statement by its own file number (333-..., or 377-... for a
 * draft, whose Re: block often names none: the letter's header number then), whatever its amendment; a periodic
 * report by form and fiscal year end (or filing date).
 */
function subjectKey(l: ThreadLetter): string | null {
  const r = l.references[0];
  if (!r || r.form === null) return null;
  const form = r.form.replace(/\/A$/, '');
  const named = r.fiscalYearEnd === null ? [r.fileNumber, ...l.fileNumbers] : [r.fileNumber];
  const registration = named.find((n) => n !== null && /^(?:333|377)-/.test(n));
  if (registration !== undefined) return `${form}|${registration}`;
  const when = r.fiscalYearEnd ?? r.filedDate;
  return when === null ? null : `${form}|${when}`;
}

function sharesFileNumber(draft: Draft, l: ThreadLetter): boolean {
  return (
    draft.fileNumbers.length === 0 ||
    l.fileNumbers.length === 0 ||
    l.fileNumbers.some((n) => draft.fileNumbers.includes(n))
  );
}

function lastDate(draft: Draft): string {
  return dateOf(draft.letters[draft.letters.length - 1]!);
}

function isClosing(kind: LetterKind): boolean {
  return kind === 'review_complete' || kind === 'no_review';
}

function pairItems(response: ThreadLetter, comment: ThreadLetter | null): ItemPair[] {
  const numbers = new Set((comment?.items ?? []).map((i: Item) => i.number));
  return response.items.map((i) => ({
    number: i.number,
    commentAccession: comment && numbers.has(i.number) ? comment.accessionNumber : null,
    responseAccession: response.accessionNumber,
  }));
}

/** Finds the thread a letter belongs to and the letter it answers. */
function place(
  drafts: readonly Draft[],
  l: ThreadLetter,
): { draft: Draft; answers: ThreadLetter | null; link: LinkReason } | null {
  const mine = drafts.filter((d) => d.cik === l.cik);
  const other: LetterForm = l.form === 'CORRESP' ? 'UPLOAD' : 'CORRESP';
  if (l.inResponseTo !== null) {
    for (let k = mine.length - 1; k >= 0; k--) {
      const d = mine[k]!;
      const answered = [...d.letters].reverse().find((x) => x.form === other && dateOf(x) === l.inResponseTo);
      if (answered) return { draft: d, answers: answered, link: 'in-response-to' };
    }
  }
  const lastOther = (d: Draft): ThreadLetter | null => [...d.letters].reverse().find((x) => x.form === other) ?? null;
  if (l.referenceAccession !== null) {
    const d = [...mine].reverse().find((x) => x.referenceAccession === l.referenceAccession);
    if (d) return { draft: d, answers: lastOther(d), link: 'reference-accession' };
  }
  const key = subjectKey(l);
  const recent = (d: Draft, days: number): boolean => daysBetween(lastDate(d), dateOf(l)) <= days;
  if (key !== null) {
    const d = [...mine]
      .reverse()
      .find(
        (x) =>
          x.subjects.has(key) &&
          sharesFileNumber(x, l) &&
          recent(x, SUBJECT_WINDOW) &&
          (!x.complete || l.kind === 'acceleration_request'),
      );
    if (d) return { draft: d, answers: lastOther(d), link: 'subject' };
  }
  if (l.form === 'CORRESP' && l.items.length > 0) {
    const numbers = l.items.map((i) => i.number);
    const d = [...mine].reverse().find((x) => {
      const staff = lastOther(x);
      if (x.complete || !staff || !recent(x, ITEMS_WINDOW) || !sharesFileNumber(x, l)) return false;
      const comments = new Set(staff.items.map((i) => i.number));
      return numbers.every((n) => comments.has(n));
    });
    if (d) return { draft: d, answers: lastOther(d), link: 'item-numbers' };
  }
  return null;
}

function entryOf(l: ThreadLetter, answers: ThreadLetter | null, link: LinkReason): ThreadEntry {
  const days = answers ? daysBetween(dateOf(answers), dateOf(l)) : null;
  return {
    accessionNumber: l.accessionNumber,
    form: l.form,
    kind: l.kind,
    letterDate: l.letterDate,
    filingDate: l.filingDate,
    acceptanceDateTime: l.acceptanceDateTime,
    link,
    answers: answers?.accessionNumber ?? null,
    daysToAnswer: days,
    pairs:
      l.form === 'CORRESP' && l.kind === 'response' ? pairItems(l, answers?.form === 'UPLOAD' ? answers : null) : [],
  };
}

function statusOf(d: Draft): ThreadStatus {
  if (d.complete) return 'complete';
  return d.letters[d.letters.length - 1]!.form === 'CORRESP' ? 'answered' : 'open';
}

/** Groups letters (of any companies) into review threads, each in acceptance order; threads by first letter. */
export function buildThreads(letters: readonly ThreadLetter[]): ReviewThread[] {
  const drafts: Draft[] = [];
  for (const l of [...letters].sort(compareLetters)) {
    const placed = place(drafts, l);
    let draft: Draft;
    if (placed) {
      draft = placed.draft;
      draft.entries.push(entryOf(l, placed.answers, placed.link));
    } else {
      draft = {
        cik: l.cik,
        letters: [],
        entries: [entryOf(l, null, 'first')],
        subjects: new Set(),
        fileNumbers: [],
        referenceAccession: null,
        complete: false,
      };
      drafts.push(draft);
    }
    draft.letters.push(l);
    const key = subjectKey(l);
    if (key !== null) draft.subjects.add(key);
    for (const n of l.fileNumbers) if (!draft.fileNumbers.includes(n)) draft.fileNumbers.push(n);
    draft.referenceAccession ??= l.referenceAccession;
    if (l.form === 'UPLOAD') draft.complete = isClosing(l.kind);
  }
  return drafts.map((d) => {
    const first = d.letters[0]!;
    const closing = d.complete
      ? [...d.letters].reverse().find((x) => x.form === 'UPLOAD' && isClosing(x.kind))
      : undefined;
    const openedOn = dateOf(first);
    const closedOn = closing ? dateOf(closing) : null;
    const fileNumber = first.fileNumbers[0] ?? d.fileNumbers[0] ?? null;
    return {
      threadId: `${fileNumber ?? `cik-${d.cik}`}/${first.accessionNumber}`,
      cik: d.cik,
      fileNumber,
      fileNumbers: d.fileNumbers,
      subject: d.letters.find((x) => x.references.length > 0)?.references[0] ?? null,
      referenceAccession: d.referenceAccession,
      status: statusOf(d),
      letters: d.entries,
      openedOn,
      closedOn,
      durationDays: daysBetween(openedOn, closedOn ?? lastDate(d)),
    };
  });
}

/** The (accession, threadId) assignments of a set of threads, for DocumentStore.assignThreads. */
export function threadAssignments(
  threads: readonly ReviewThread[],
): Array<{ accessionNumber: string; threadId: string }> {
  return threads.flatMap((t) => t.letters.map((l) => ({ accessionNumber: l.accessionNumber, threadId: t.threadId })));
}
