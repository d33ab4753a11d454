/**
 * The topics of one staff comment (../DESIGN.md "Topics"): 1-3 of the 12, the one the comment is mainly about
 * first. Deterministic, explainable scoring: every cue of topic-cues.ts found in the comment's text, headings
 * or cited authorities adds its weight to its topic; the best topic comes first and the others follow when they
 * score at least half as much. `scoreTopics` gives the evidence, so a classification can be read and argued.
 */
import type { Topic } from './schema.ts';
import { AUTHORITY_CUES, FILING_CUE, HEADING_CUES, TEXT_CUES, type Cue } from './topic-cues.ts';

export interface TopicInput {
  /** The comment's text (a staff letter's item, or the comment a company letter quotes). */
  readonly comment: string | null;
  /** Section headings above the comment, outermost first. */
  readonly headings: readonly string[];
  /** The authorities the comment cites, normalised (findAuthorities). */
  readonly authorities: readonly string[];
}

export interface TopicScore {
  readonly topic: Topic;
  readonly score: number;
  /** What added to the score: "text:<match>", "heading:<match>", "authority:<citation>". */
  readonly evidence: readonly string[];
}

/** Topics after the first need this share of its score, and this much at least. */
const SECOND_SHARE = 0.5;
const SECOND_MIN = 2.5;
const MAX_TOPICS = 3;
/** With no evidence at all, a comment is taken for an accounting question. */
const FALLBACK: Topic = 'accounting_other';
/** Weights of the headings from the deepest up: the nearest heading says most about the comment. */
const HEADING_DEPTH = [1, 0.7, 0.5] as const;

/**
 * The full title of MD&A names the section, not a comment about results of operations: read as "MD&A", so that a
 * comment on liquidity, goodwill or a non-GAAP measure filed under it does not also score "results of operations".
 */
const MDA_TITLE =
  /\bmanagement[’'`]?s\s+discussion\s+(?:and|&)\s+analysis\s+of\s+(?:the\s+)?financial\s+condition\s+(?:and|&)\s+results\s+of\s+operations\b/gi;
const sectionTitlesAsNames = (text: string): string => text.replace(MDA_TITLE, 'MD&A');

function add(scores: Map<Topic, { score: number; evidence: string[] }>, topic: Topic, weight: number, why: string) {
  const entry = scores.get(topic) ?? { score: 0, evidence: [] };
  entry.score += weight;
  entry.evidence.push(why);
  scores.set(topic, entry);
}

function global(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}

/**
 * Critical accounting estimates are part of the results discussion (DESIGN.md puts them under mda_results): an
 * estimate of other accounting discussed there (credit losses, loss reserves, inventory, pensions) is the results
 * topic; one with a topic of its own (impairment, revenue, tax) keeps it.
 */
const CRITICAL_ESTIMATES = /critical accounting/i;

/** The topic a cue counts for in a comment under `headings` (its section may route it: Cue.inSection). */
function topicIn(c: Cue, headings: readonly string[], kind: 'words' | 'citation' = 'words'): Topic {
  if (c.inSection !== undefined && headings.some((h) => c.inSection!.section.test(h))) return c.inSection.topic;
  // A cited rule (S-X 5-04, ASC 326) names what the estimate is measured by, not where it is discussed.
  if (kind === 'words' && c.topic === 'accounting_other' && headings.some((h) => CRITICAL_ESTIMATES.test(h))) {
    return 'mda_results';
  }
  return c.topic;
}

function scoreText(
  text: string,
  headings: readonly string[],
  scores: Map<Topic, { score: number; evidence: string[] }>,
): void {
  const firstSentence = text.search(/[.?!](?:\s|$)/);
  for (const c of TEXT_CUES) {
    const matches = [...text.matchAll(global(c.pattern))];
    if (matches.length === 0) continue;
    // A topic the comment keeps returning to, or opens with, is more likely its subject.
    const repeat = 1 + 0.3 * (Math.min(matches.length, 4) - 1);
    const opening = firstSentence >= 0 && matches[0]!.index < firstSentence ? 1.25 : 1;
    add(scores, topicIn(c, headings), c.weight * repeat * opening, `text:${matches[0]![0].toLowerCase()}`);
  }
}

function scoreHeadings(headings: readonly string[], scores: Map<Topic, { score: number; evidence: string[] }>) {
  const best = new Map<Topic, { weight: number; why: string }>();
  const consider = (c: Cue, heading: string, depth: number, above: readonly string[]) => {
    const m = c.pattern.exec(heading);
    if (m === null) return;
    const within = c.within;
    if (within !== undefined && !above.some((h) => within.test(h))) return;
    const weight = c.weight * (HEADING_DEPTH[Math.min(depth, HEADING_DEPTH.length - 1)] ?? 0.5);
    const topic = topicIn(c, headings);
    if ((best.get(topic)?.weight ?? 0) < weight) best.set(topic, { weight, why: `heading:${m[0]}` });
  };
  const named = headings.map((h) => sectionTitlesAsNames(h).trim());
  named.forEach((heading, i) => {
    const depth = named.length - 1 - i;
    for (const c of HEADING_CUES) consider(c, heading, depth, named.slice(0, i));
  });
  for (const heading of headings) consider(FILING_CUE, heading, HEADING_DEPTH.length - 1, []);
  for (const [topic, { weight, why }] of best) add(scores, topic, weight, why);
}

function scoreAuthorities(
  authorities: readonly string[],
  headings: readonly string[],
  scores: Map<Topic, { score: number; evidence: string[] }>,
) {
  const best = new Map<Topic, { weight: number; why: string }>();
  for (const authority of authorities) {
    for (const c of AUTHORITY_CUES) {
      if (!c.pattern.test(authority)) continue;
      const topic = topicIn(c, headings, 'citation');
      const seen = best.get(topic);
      // Each further citation of the same topic adds a little: three ASC 280 paragraphs are about segments.
      best.set(topic, seen ? { weight: seen.weight + 0.5, why: seen.why } : { weight: c.weight, why: authority });
    }
  }
  for (const [topic, { weight, why }] of best) add(scores, topic, weight, `authority:${why}`);
}

/** Every topic with evidence, best first (ties in taxonomy order). */
export function scoreTopics(input: TopicInput): TopicScore[] {
  const scores = new Map<Topic, { score: number; evidence: string[] }>();
  scoreText(sectionTitlesAsNames((input.comment ?? '').replace(/\s+/g, ' ')), input.headings, scores);
  scoreHeadings(input.headings, scores);
  scoreAuthorities(input.authorities, input.headings, scores);
  return [...scores]
    .map(([topic, { score, evidence }]) => ({ topic, score: Math.round(score * 100) / 100, evidence }))
    .sort((a, b) => b.score - a.score);
}

/** 1-3 topics, the main one first; a comment with no evidence at all gets the fallback. */
export function classifyTopics(input: TopicInput): Topic[] {
  const scored = scoreTopics(input);
  const top = scored[0];
  if (top === undefined) return [FALLBACK];
  return scored
    .filter((s, i) => i === 0 || (s.score >= top.score * SECOND_SHARE && s.score >= SECOND_MIN))
    .slice(0, MAX_TOPICS)
    .map((s) => s.topic);
}
