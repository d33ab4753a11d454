/**
 * The text of `edgar-corresp thread <file-number>`: each review thread of the file number, letter by letter, with
 * what each letter answers and how long it took, and optionally each letter's items. Pure: threads in, text out.
 */
import type { Item } from './schema.ts';
import type { ReviewThread, ThreadEntry } from './threads.ts';

export interface ThreadFormatOptions {
  /** Items of each letter, by accession: printed under the letter when given. */
  readonly items?: ReadonlyMap<string, readonly Item[]>;
  /** Longest excerpt of a comment or response, in characters; default 100. */
  readonly excerpt?: number;
  /** Each staff comment's resolution (addressed, followed_up, reissued, open), by `accession#number`. */
  readonly resolutions?: ReadonlyMap<string, string>;
  /**
   * The earlier comments each staff comment follows up as the review reads them (src/analytics: also those its
   * text names no number of), by `accession#number`; else the letter's own `priorComments`.
   */
  readonly followsUp?: ReadonlyMap<string, readonly number[]>;
}

/** The classification line of a staff comment: topics, authorities, resolution; null when there is none. */
function classificationLine(
  item: Item,
  resolution: string | undefined,
  followsUp: readonly number[] = item.priorComments,
): string | null {
  const parts: string[] = [];
  if (item.topics.length > 0) parts.push(`topics: ${item.topics.join(', ')}`);
  if (item.authorities.length > 0) parts.push(`authorities: ${item.authorities.join('; ')}`);
  if (followsUp.length > 0) parts.push(`follows up: ${numbers(followsUp)}`);
  if (resolution !== undefined) parts.push(`resolution: ${resolution}`);
  return parts.length > 0 ? `         ${parts.join(' · ')}` : null;
}

function excerpt(text: string | null, max: number): string {
  if (text === null) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function numbers(list: readonly number[]): string {
  const sorted = [...list].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

function subjectOf(t: ReviewThread): string {
  const s = t.subject;
  if (!s || s.form === null) return 'filing not named';
  const when = s.fiscalYearEnd ? ` FY ended ${s.fiscalYearEnd}` : s.filedDate ? ` filed ${s.filedDate}` : '';
  return `Form ${s.form}${when}`;
}

function letterLine(e: ThreadEntry, byAccession: ReadonlyMap<string, ThreadEntry>): string {
  const date = e.letterDate ?? `${e.filingDate}*`;
  const head = `  ${date.padEnd(11)} ${e.form.padEnd(7)} ${e.kind.padEnd(20)} ${e.accessionNumber}`;
  const notes: string[] = [];
  if (e.answers !== null) {
    const answered = byAccession.get(e.answers);
    const when = answered ? (answered.letterDate ?? answered.filingDate) : e.answers;
    notes.push(`answers ${when}${e.daysToAnswer !== null ? ` (${e.daysToAnswer} days)` : ''}`);
  }
  if (e.pairs.length > 0) {
    const paired = e.pairs.filter((p) => p.commentAccession !== null).map((p) => p.number);
    const unpaired = e.pairs.filter((p) => p.commentAccession === null).map((p) => p.number);
    if (paired.length > 0) notes.push(`answers comments ${numbers(paired)}`);
    if (unpaired.length > 0) notes.push(`items without a matching comment: ${numbers(unpaired)}`);
  }
  return notes.length > 0 ? `${head}  ${notes.join('; ')}` : head;
}

/** Threads as text, one block per thread, letters in acceptance order. "*" marks a filing date standing in for a missing letter date. */
export function formatThreads(threads: readonly ReviewThread[], options: ThreadFormatOptions = {}): string {
  if (threads.length === 0) return 'No review threads.\n';
  const max = options.excerpt ?? 100;
  const blocks = threads.map((t) => {
    const byAccession = new Map(t.letters.map((e) => [e.accessionNumber, e]));
    const span = t.closedOn ? `${t.openedOn} to ${t.closedOn}` : `${t.openedOn} to date of last letter`;
    const lines = [
      `Thread ${t.threadId}`,
      `  ${subjectOf(t)} · file ${t.fileNumbers.join(', ') || 'none'} · ${t.status} · ${span} (${t.durationDays} days) · ${t.letters.length} letter${t.letters.length === 1 ? '' : 's'}`,
    ];
    for (const e of t.letters) {
      lines.push(letterLine(e, byAccession));
      for (const item of options.items?.get(e.accessionNumber) ?? []) {
        const where =
          item.headings.length > 0
            ? ` [${item.headings.join(' > ')}${item.pageRef ? `, page ${item.pageRef}` : ''}]`
            : '';
        lines.push(`      ${item.number}.${where}`);
        if (item.comment !== null) lines.push(`         comment:  ${excerpt(item.comment, max)}`);
        if (e.form === 'UPLOAD') {
          const key = `${e.accessionNumber}#${item.number}`;
          const line = classificationLine(item, options.resolutions?.get(key), options.followsUp?.get(key));
          if (line !== null) lines.push(line);
        }
        if (item.response !== null) lines.push(`         response: ${excerpt(item.response, max)}`);
      }
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
