/**
 * A review's rows derived from its stored letters (pure): the conversation, the letters in order with what
 * each answers, and one row per staff comment with the company's response to it and its resolution, by the
 * definitions of DESIGN.md "Analytic tables". Which company letter answers which staff letter is the thread
 * builder's decision (src/letter/threads.ts), asked here, not repeated.
 */
import { daysBetween } from '../letter/dates.ts';
import { isReissued } from '../letter/reissue.ts';
import type { Letter, Topic } from '../letter/schema.ts';
import { buildThreads, compareLetters } from '../letter/threads.ts';
import type { CommentRow, ConversationRow, Resolution, Review, ReviewLetter, ReviewedFiling } from './review-rows.ts';

const dateOf = (l: Letter): string => l.letterDate ?? l.filingDate;
const isRound = (l: Letter): boolean => l.sender === 'sec' && l.kind === 'comment';

/** The review of `threadId` from its letters (any order); null when there are none. */
export function deriveReview(threadId: string, input: readonly Letter[]): Review | null {
  if (input.length === 0) return null;
  const letters = [...input].sort(compareLetters);
  const links = new Map(buildThreads(letters).flatMap((t) => t.letters.map((e) => [e.accessionNumber, e] as const)));
  const rounds = letters.filter(isRound);
  const reviewLetters: ReviewLetter[] = letters.map((l) => ({
    accessionNumber: l.accessionNumber,
    form: l.form,
    cik: l.cik,
    sender: l.sender,
    kind: l.kind,
    letterDate: l.letterDate,
    filingDate: l.filingDate,
    disseminationDate: l.disseminationDate,
    answers: links.get(l.accessionNumber)?.answers ?? null,
    daysToAnswer: links.get(l.accessionNumber)?.daysToAnswer ?? null,
    round: isRound(l) ? rounds.indexOf(l) + 1 : null,
  }));
  const comments = deriveComments(threadId, letters, reviewLetters);
  return {
    conversation: deriveConversation(threadId, letters, reviewLetters, comments),
    letters: reviewLetters,
    comments,
  };
}

function deriveComments(threadId: string, letters: readonly Letter[], links: readonly ReviewLetter[]): CommentRow[] {
  const first = letters[0]!;
  const fileNumbers = [...new Set(letters.flatMap((l) => l.fileNumbers))];
  const rounds = letters.filter(isRound);
  const drafts = rounds.flatMap((staff, index) =>
    staff.items.map((item) => {
      const reissued = isReissued({ comment: item.comment, priorComments: item.priorComments });
      return { staff, round: index + 1, item, reissued };
    }),
  );
  return drafts.map(({ staff, round, item, reissued }) => {
    const laterStaff = letters.some((l) => l.sender === 'sec' && compareLetters(l, staff) > 0);
    const followers = drafts.filter((d) => d.round === round + 1 && d.item.priorComments.includes(item.number));
    const resolution: Resolution = followers.some((d) => d.reissued)
      ? 'reissued'
      : followers.length > 0
        ? 'followed_up'
        : laterStaff
          ? 'addressed'
          : 'open';
    return {
      threadId,
      cik: first.cik,
      companyName: first.companyName,
      fileNumbers,
      accessionNumber: staff.accessionNumber,
      letterDate: dateOf(staff),
      disseminationDate: staff.disseminationDate,
      round,
      number: item.number,
      headings: item.headings,
      pageRef: item.pageRef,
      text: item.comment ?? '',
      topics: item.topics,
      authorities: item.authorities,
      priorComments: item.priorComments,
      reissued,
      response: responseTo(staff.accessionNumber, item.number, letters, links),
      resolution,
    };
  });
}

/** The company letter answering the staff letter, and its item with the same number. */
function responseTo(
  staffAccession: string,
  number: number,
  letters: readonly Letter[],
  links: readonly ReviewLetter[],
) {
  for (const link of links) {
    if (link.sender !== 'company' || link.answers !== staffAccession) continue;
    const letter = letters.find((l) => l.accessionNumber === link.accessionNumber)!;
    const item = letter.items.find((i) => i.number === number);
    if (item) return { accessionNumber: letter.accessionNumber, letterDate: letter.letterDate, text: item.response };
  }
  return null;
}

function deriveConversation(
  threadId: string,
  letters: readonly Letter[],
  links: readonly ReviewLetter[],
  comments: readonly CommentRow[],
): ConversationRow {
  const first = letters[0]!;
  const last = letters.at(-1)!;
  const staff = letters.filter((l) => l.sender === 'sec');
  const company = letters.filter((l) => l.sender === 'company');
  const dates = letters.map(dateOf).sort();
  const disseminated = letters.flatMap((l) => (l.disseminationDate ? [l.disseminationDate] : [])).sort();
  const closing = staff.find((l) => l.kind === 'review_complete') ?? null;
  const count = (kind: Letter['kind']) => letters.filter((l) => l.kind === kind).length;
  return {
    threadId,
    cik: first.cik,
    companyName: first.companyName,
    fileNumbers: [...new Set(letters.flatMap((l) => l.fileNumbers))],
    reviewedFiling: reviewedFiling(letters),
    firstLetterDate: dates[0]!,
    lastLetterDate: dates.at(-1)!,
    firstDisseminated: disseminated[0] ?? null,
    lastDisseminated: disseminated.at(-1) ?? null,
    staffLetters: staff.length,
    companyLetters: company.length,
    rounds: letters.filter(isRound).length,
    comments: comments.length,
    reissuedComments: comments.filter((c) => c.reissued).length,
    extensionRequests: count('extension_request'),
    accelerationRequests: count('acceleration_request'),
    status: closing ? 'complete' : last.sender === 'company' ? 'answered' : 'open',
    closingLetter: closing?.accessionNumber ?? null,
    daysOpen: Math.max(0, daysBetween(dates[0]!, dates.at(-1)!)),
    medianDaysToRespond: medianDaysToRespond(letters, links),
    staff: [...new Set(staff.flatMap((l) => l.secStaff))],
    office: staff.find((l) => l.office !== null)?.office ?? null,
    copied: [...new Set(company.flatMap((l) => [...l.cc, ...l.signatories.map((p) => p.name)]))],
    topics: topicCounts(comments),
  };
}

function reviewedFiling(letters: readonly Letter[]): ReviewedFiling | null {
  const ref = letters.find((l) => l.references.length > 0)?.references[0];
  const accessionNumber = letters.find((l) => l.referenceAccession !== null)?.referenceAccession ?? null;
  if (!ref && accessionNumber === null) return null;
  return {
    form: ref?.form ?? null,
    fiscalYearEnd: ref?.fiscalYearEnd ?? null,
    filedDate: ref?.filedDate ?? null,
    accessionNumber,
  };
}

function medianDaysToRespond(letters: readonly Letter[], links: readonly ReviewLetter[]): number | null {
  const rounds = new Set(letters.filter(isRound).map((l) => l.accessionNumber));
  const days = links
    .filter((l) => l.sender === 'company' && l.answers !== null && rounds.has(l.answers) && l.daysToAnswer !== null)
    .map((l) => l.daysToAnswer!)
    .sort((a, b) => a - b);
  if (days.length === 0) return null;
  const mid = Math.floor(days.length / 2);
  return days.length % 2 === 1 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
}

function topicCounts(comments: readonly CommentRow[]): Array<{ topic: Topic; comments: number }> {
  const counts = new Map<Topic, number>();
  for (const c of comments) for (const topic of new Set(c.topics)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return [...counts]
    .map(([topic, n]) => ({ topic, comments: n }))
    .sort((a, b) => b.comments - a.comments || a.topic.localeCompare(b.topic));
}
