/**
 * Topic accuracy on the synthetic development set (analytics-labels/synthetic/): staff comments written by us in
 * the staff's style, blind to the topic cues, and labelled twice by GUIDE.md (README there). It needs no corpus,
 * so it runs on a fresh clone. Per split it prints first-topic and any-topic agreement of the classifier with the
 * settled labels, beside the agreement of the two labellings; `--misses` lists the misses of the tuned split
 * (never read the held-out split's misses: it is what tells whether a cue carries over).
 *
 *   npx node test/eval/synthetic-topics.ts [--misses] [--batch N]   (--batch: only that batch's misses)
 *
 * A script, not a test: development figures, not a gate.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { classifyComment } from '../../src/letter/classify-comment.ts';
import { splitPageRef } from '../../src/letter/headings.ts';

const DIR = new URL('./analytics-labels/synthetic/', import.meta.url);

interface SyntheticComment {
  readonly id: string;
  readonly batch: number;
  readonly split: 'tuned' | 'held-out';
  readonly headings: readonly string[];
  readonly text: string;
}

type Topics = Readonly<Record<string, readonly string[]>>;

export interface SyntheticScore {
  readonly comments: number;
  readonly first: number;
  readonly any: number;
  readonly labellersFirst: number;
  readonly labellersAny: number;
}

const readTopics = (name: string): Topics =>
  (JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as { topics: Topics }).topics;

export function readSyntheticSet(): { comments: SyntheticComment[]; final: Topics; a: Topics; b: Topics } {
  const comments = readFileSync(new URL('comments.jsonl', DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SyntheticComment);
  return { comments, final: readTopics('final.json'), a: readTopics('a.json'), b: readTopics('b.json') };
}

/**
 * The comment as the parser hands it to the classifier: the written comment opens with its number ("3. We note"),
 * which the letter's item split takes off (a leading "3." would also end the first sentence early).
 */
export const commentBody = (text: string): string => text.replace(/^\s*\d{1,3}\.\s+/, '');

/** Headings as the parser gives them: "Goodwill, page 84" is the heading "Goodwill" on page 84. */
export const parsedHeadings = (headings: readonly string[]): string[] => headings.map((h) => splitPageRef(h).heading);

const sameFirst = (x: readonly string[], y: readonly string[]) => x[0] !== undefined && x[0] === y[0];
const shareOne = (x: readonly string[], y: readonly string[]) => x.some((t) => y.includes(t));

/** Scores the classifier on `comments` against `final`, and labelling B against A. Pure but for the classifier. */
export function scoreSynthetic(
  comments: readonly SyntheticComment[],
  labels: { final: Topics; a: Topics; b: Topics },
  onMiss?: (comment: SyntheticComment, want: readonly string[], got: readonly string[]) => void,
): SyntheticScore {
  let first = 0;
  let any = 0;
  let labellersFirst = 0;
  let labellersAny = 0;
  for (const comment of comments) {
    const want = labels.final[comment.id] ?? [];
    const got = classifyComment({
      comment: commentBody(comment.text),
      headings: parsedHeadings(comment.headings),
      priorComments: [],
    }).topics;
    if (sameFirst(want, got)) first += 1;
    else onMiss?.(comment, want, got);
    if (shareOne(want, got)) any += 1;
    const a = labels.a[comment.id] ?? [];
    const b = labels.b[comment.id] ?? [];
    if (sameFirst(a, b)) labellersFirst += 1;
    if (shareOne(a, b)) labellersAny += 1;
  }
  return { comments: comments.length, first, any, labellersFirst, labellersAny };
}

const ratio = (n: number, of: number) => `${(of === 0 ? 0 : n / of).toFixed(3)} (${n}/${of})`;

export function formatSyntheticReport(rows: readonly { name: string; score: SyntheticScore }[]): string {
  const lines = [
    'topics on the synthetic development set (analytics-labels/synthetic/; written by us, tuned on, not the labelled set):',
    `${'split'.padEnd(30)}${'first topic'.padEnd(20)}${'any topic'.padEnd(20)}A-B first / any`,
  ];
  for (const { name, score } of rows) {
    lines.push(
      `${name.padEnd(30)}${ratio(score.first, score.comments).padEnd(20)}${ratio(score.any, score.comments).padEnd(20)}` +
        `${ratio(score.labellersFirst, score.comments)} / ${ratio(score.labellersAny, score.comments)}`,
    );
  }
  return lines.join('\n');
}

/** The report `npm run eval` prints: every batch's tuned and held-out splits, and the whole set. */
export function runSyntheticTopics(options: { misses?: boolean; batch?: number } = {}): string {
  const set = readSyntheticSet();
  const batches = [...new Set(set.comments.map((c) => c.batch))].sort((x, y) => x - y);
  const rows: { name: string; score: SyntheticScore }[] = [];
  const misses: string[] = [];
  for (const batch of batches) {
    for (const split of ['tuned', 'held-out'] as const) {
      const comments = set.comments.filter((c) => c.batch === batch && c.split === split);
      if (comments.length === 0) continue;
      const onMiss =
        options.misses && split === 'tuned' && (options.batch === undefined || options.batch === batch)
          ? (c: SyntheticComment, want: readonly string[], got: readonly string[]) =>
              misses.push(
                `${c.id}: want ${want.join(',')} got ${got.join(',')}\n  [${c.headings.join(' | ')}]\n  ${c.text}`,
              )
          : undefined;
      rows.push({ name: `batch ${batch}, ${split}`, score: scoreSynthetic(comments, set, onMiss) });
    }
  }
  rows.push({ name: 'all', score: scoreSynthetic(set.comments, set) });
  return [formatSyntheticReport(rows), ...(misses.length > 0 ? ['', 'misses (tuned splits):', ...misses] : [])].join(
    '\n',
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { misses: { type: 'boolean', default: false }, batch: { type: 'string' } },
  });
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  console.log(runSyntheticTopics({ misses: values.misses, ...(batch === undefined ? {} : { batch }) }));
}
