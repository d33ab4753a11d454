/**
 * Whether a staff comment reissues an earlier one (../DESIGN.md "comments": `reissued`): the staff says so ("we
 * reissue prior comment 3", "we continue to believe", "as previously requested"), says the company's answer falls
 * short ("your response does not address", "not fully responsive", "we do not agree"), or answers a response with
 * a "however" that leaves its point standing ("we note your response ...; however, it remains unclear ...").
 * A comment that merely builds on a response ("we note your response; please tell us also ...") follows it up
 * without reissuing it.
 */

/** A comment number as the staff writes it: "3", "three", "twelve". */
const NUMBER = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty(?:-\w+)?)\b`;

/** Said only when the staff repeats itself. */
const REISSUE = [
  /\b(?:we|staff)\s+(?:hereby\s+|therefore\s+|again\s+)?re-?issue\b/i,
  /\bre-?issu(?:e|es|ed|ing)\s+(?:(?:our|the|your|this|that|prior|previous|original|earlier)\s+)*(?:comments?|requests?|it\b|in part|to the extent|\d)/i,
  /\bcontinues?\s+to\s+(?:believe|think|note|request|ask|appear|question|object|disagree|be\s+(?:unclear|concerned|unable)|have\s+(?:concerns|difficulty|questions)|not\s+(?:understand|agree|see))\b/i,
  /\bwe\s+still\s+(?:believe|think|do\s+not|don't|have|need|note|request|ask)\b/i,
  /\bas\s+(?:previously|we\s+previously|originally|initially)\s+(?:requested|asked|noted|stated|commented)\b|\bas\s+(?:requested|asked|noted)\s+(?:in|by)\s+(?:(?:our|the)\s+)?(?:(?:prior|previous|earlier|original)\s+)?(?:comment|letter)/i,
  // The passive and the plain synonyms: "prior comment 4 is reissued", "the comment is reissued in part", "we repeat
  // our prior comment".
  /\b(?:comments?|requests?)\s+(?:(?:no\.?\s*)?\d+\s+|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:hereby\s+|therefore\s+)?re-?issued\b|\bwe\s+(?:again\s+|therefore\s+)?repeat\b|\brepeat(?:s|ed|ing)?\s+(?:(?:our|the|this|that)\s+)?(?:(?:prior|previous|earlier|original)\s+)?comments?\b/i,
  /\b(?:your|the|this)\s+(?:response|revised\s+disclosure|revision|amendment)s?\s+(?:to\s+(?:our\s+)?(?:(?:prior|previous|earlier)\s+)?comments?\s+(?:no\.\s*)?\w+\s+)?(?:(?:does|do|did)\s+not|doesn't|don't|didn't|fails?\s+to)\s+(?:appear\s+to\s+)?(?:fully\s+|completely\s+|adequately\s+|sufficiently\s+|directly\s+|specifically\s+)?(?:address|respond|answer|resolve|explain|comply|reflect)/i,
  /\bnot\s+(?:fully\s+|completely\s+|entirely\s+)?responsive\b|\b(?:has|have)\s+not\s+(?:fully\s+|yet\s+)?(?:addressed|responded\s+to|complied\s+with)\s+(?:our|the|prior|previous|this)\s+comment/i,
  /\bwe\s+(?:do\s+not|don't|cannot|can\s*not)\s+(?:agree|concur)\b|\bwe\s+disagree\b|\b(?:the\s+)?staff\s+(?:objects|does\s+not\s+agree|disagrees)\b|\b(?:we\s+are|we\s+remain)\s+(?:still\s+)?(?:unable|not\s+able)\s+to\s+(?:agree|concur|reconcile|conclude)|\bnot\s+persuaded\b|\bwe\s+are\s+not\s+convinced\b/i,
  // "We reiterate our prior comment", "reiterate comment 3": not the company reiterating its own position.
  /\bwe\s+(?:again\s+|therefore\s+)?reiterate\b|\breiterat(?:e|es|ed|ing)\s+(?:(?:our|the|this|that|prior|previous|earlier|original)\s+)*comments?\b/i,
  // "Information responsive to our request would include ...": the response did not answer what was asked.
  /\b(?:information|disclosure|a\s+response)\s+(?:that\s+is\s+)?responsive\s+to\s+(?:our|the|this|that)\s+(?:(?:prior|previous|earlier)\s+)?(?:request|comment)/i,
  /\bonce\s+again\b|\bwe\s+again\s+(?:ask|request|note)\b|\bplease\s+again\b|\bagain,?\s+please\b|\bre-?(?:request|ask)\b/i,
  // The staff points back to its own earlier comment: "Refer to prior comment 5", "Refer to comment 2 of our March
  // 15, 2023 letter", "Please refer to comment two in your response letter dated May 3, 2017".
  new RegExp(
    String.raw`\b(?:refer|see)\s+(?:again\s+|back\s+)?(?:to\s+)?(?:our\s+)?(?:prior|previous|earlier|original)\s+comments?\s+${NUMBER}` +
      String.raw`|\b(?:refer|see)\s+(?:again\s+|back\s+)?(?:to\s+)?comments?\s+${NUMBER}(?:\s*(?:,|and|&)\s*${NUMBER})*\s+(?:of|in|from)\s+(?:our|your)\s+(?:[\w,]+\s+){0,4}?letters?\b`,
    'i',
  ),
  // "We note your response to comment 4 ...; however, ...", "We note your response to comment three, but we ...": the
  // response acknowledged and set aside in one sentence.
  /\b(?:we\s+(?:note|acknowledge|understand|have\s+(?:read|reviewed|considered))|while\s+we\s+(?:note|acknowledge))\s+(?:from\s+)?your\s+(?:prior\s+)?(?:response|reply|revis\w+|amended\s+disclosure)\b[^.]{0,200}?[;,]\s*(?:however\b|but\s+(?:we|you|your|it|the|this|these)\b)/i,
  // The "however" may open the sentence after the one that notes the response: "We note your response to prior
  // comment 2. However, it appears that ..." (the staff's reading of the response stands against it).
  /\b(?:we\s+(?:note|acknowledge|understand|have\s+(?:read|reviewed|considered))|while\s+we\s+(?:note|acknowledge))\s+(?:from\s+)?your\s+(?:prior\s+)?(?:response|reply|revis\w+)\b[^.]{0,400}\.\s+However,?\s+it\s+(?:still\s+)?appears\b/i,
  // What the earlier comment asked for, asked for again: "the information requested in prior comment 3", "the
  // analysis we requested", "please respond fully to comment 4", "you did not respond to comment 2".
  new RegExp(
    String.raw`\b(?:requested|asked\s+for)\s+(?:in|by)\s+(?:our\s+)?(?:(?:prior|previous|earlier|original)\s+)?comments?\s+${NUMBER}` +
      String.raw`|\bwe\s+(?:previously\s+|originally\s+|had\s+)?requested\b` +
      String.raw`|\bplease\s+(?:fully\s+|also\s+|completely\s+)?(?:respond|reply)\s+(?:fully\s+|completely\s+)?to\s+(?:(?:our|the)\s+)?(?:(?:prior|previous|earlier)\s+)?comments?\s+${NUMBER}` +
      String.raw`|\b(?:did|do|does|have|has)\s+not\s+(?:yet\s+)?(?:fully\s+)?(?:respond(?:ed)?|repl(?:y|ied))\s+to\s+(?:(?:our|the|this|that)\s+)?(?:(?:prior|previous|earlier)\s+)?comment`,
    'i',
  ),
  // "Your revised disclosure still ...": the change made did not settle the point.
  /\b(?:your|the)\s+(?:revised|amended|updated|proposed)\s+(?:disclosures?|filing|presentation|table|language|revisions?)\s+(?:still|continues?\s+to)\b/i,
  // The staff asks again for what a part of its earlier comment asked.
  /\b(?:address|respond\s+to|comply\s+with)\s+(?:the\s+)?(?:remaining|unaddressed|outstanding|second|third|last|final)\s+(?:part|portion|bullet|point|question|request)s?\s+(?:of|in)\s+(?:our\s+|the\s+|that\s+)?(?:(?:prior|previous|earlier)\s+)?comment|\b(?:fully\s+)?(?:address|comply\s+with)\s+(?:(?:our|the)\s+)?(?:prior|previous|earlier|original)\s+comment|\bas\s+we\s+(?:previously\s+)?(?:requested|asked)\b/i,
];

/** Said of a response the staff is answering: weigh only together with a reply to an earlier comment. */
const SHORTFALL = [
  // "We note your response to comment 4 but do not believe it addresses our comment."
  /\b(?:do|does)\s+not\s+believe\s+(?:that\s+)?(?:it|this|your\s+response|the\s+response)\s+(?:fully\s+|adequately\s+)?(?:address|respond)/i,
  /\b(?:it\s+)?(?:remains|is\s+still|still\s+remains|is\s+not\s+yet)\s+(?:unclear|not\s+clear)\b|\bstill\s+(?:unclear|not\s+clear)\b/i,
  /\b(?:it\s+is\s+)?(?:unclear|not\s+clear)\s+(?:from|based\s+on|in)\s+your\s+(?:response|revised|revisions|amended)/i,
  /\b(?:however|but)\b,?\s+(?:it\s+(?:remains|is\s+still)\s+unclear|(?:it\s+appears\s+(?:that\s+)?)?you\s+(?:have|did)\s+not\s+(?:yet\s+)?(?:revised|addressed|provided|included|disclosed|explained|updated)|(?:your|the|these|this)\s+(?:[\w-]+\s+){0,2}(?:response|disclosures?|revisions?|changes)\s+(?:still\s+)?(?:(?:does|do|did)\s+not|continues?\s+to|remains?|(?:is|are)\s+(?:still\s+)?(?:not|unclear|incomplete)))/i,
  /\bwe\s+(?:are|were)\s+(?:still\s+)?unable\s+to\s+(?:locate|find|understand|determine)\b|\bwe\s+could\s+not\s+(?:locate|find)\b/i,
  // "It does not appear that you have revised ...": the change asked for is not there.
  /\b(?:it\s+)?(?:does|did)\s+not\s+appear\s+(?:that\s+)?(?:you|your\s+(?:response|revis\w+|amend\w+))\s+(?:have\s+|has\s+)?(?:yet\s+)?(?:fully\s+)?(?:revised?|address(?:ed)?|provided?|included?|explain(?:ed)?|respond(?:ed)?|disclosed?|updated?)\b/i,
  /\b(?:your|the)\s+response\b[^.]{0,60}\b(?:conclusory|insufficient|inadequate|incomplete)\b/i,
  // The staff rejects the position the response takes: "you believe revenue is ...; it is not the most directly
  // comparable measure", "we do not believe your analysis supports ...".
  /\b(?:it|this|that|such\s+\w+)\s+is\s+not\s+(?:the\s+most\s+directly\s+comparable|appropriate|acceptable|consistent\s+with)\b/i,
  /\b(?:we|the\s+staff)\s+(?:do|does)\s+not\s+believe\s+(?:that\s+)?(?:your|the|this|these|such|it)\b/i,
  // "We note your response ...; however, [the risk factors you cite] appear to address only ...", "we note,
  // however, that you do not revise ...": the staff answers the response with what it still lacks.
  /\bhowever\b,?\s+(?:that\s+)?(?:[^.;]{0,100}?\bappears?\s+to\s+(?:address|relate|be\s+(?:limited|inconsistent|based)|focus)\b|(?:it\s+appears\s+(?:that\s+)?)?you\s+(?:do|does|did|have|has)\s+not\b|we\s+(?:are|were)\s+(?:still\s+)?unable\b|we\s+(?:could|can)\s*not\b|we\s+(?:do|did)\s+not\s+(?:see|find|agree|believe)\b)/i,
  // In a reply, what the company has still not done, or what the staff still holds it must do.
  /\byou\s+(?:have|did)\s+not\s+(?:yet\s+)?(?:fully\s+)?(?:revised?|address(?:ed)?|provided?|explain(?:ed)?|removed?|clarif(?:y|ied)|disclosed?)\b/i,
  /\bwe\s+(?:still\s+)?believe\s+(?:that\s+)?(?:you|your|the|this|these|such)\b[^.]{0,100}\b(?:should|must|(?:is|are)\s+required)\b/i,
  // "Remains outstanding" of the comment, not of a balance ("if a loan from this party remains outstanding").
  /\bremains?\s+(?:unanswered|unaddressed|unresolved)\b|\b(?:comments?|requests?|questions?|issues?|points?|concerns?|matters?)\s+(?:[\w-]+\s+){0,6}?remains?\s+outstanding\b/i,
  // What the staff looked for in the revision and did not find: "we note the change ... but did not note inclusion in
  // your analysis of ...", "we do not see where you have ...".
  /\b(?:we|but|and)\s+(?:did|do|could)\s+not\s+(?:note|see|find|locate)\b/i,
  // The company still does what the earlier comment questioned.
  /\byou\s+continue\s+to\s+(?:present|refer|use|include|disclose|describe|characteri[sz]e|label|exclude|adjust|report|show|state|omit)\b|\bstill\s+(?:does|do|did)\s+not\b|\bit\s+still\s+appears\b|\bstill\s+(?:appears?|seems?)\s+to\b/i,
  // The answer covered part of what was asked: "your current disclosure only cites industry impact", "provide this
  // for all cohorts presented, not just the two most recent".
  /\b(?:disclosures?|response|revisions?|analysis|discussion)\s+(?:only|merely)\s+(?:cites?|address(?:es)?|discuss(?:es)?|mentions?|refers?\s+to|describes?|quantif(?:y|ies)|covers?)\b|\ball\s+(?:of\s+)?(?:the\s+|your\s+)?(?:[\w-]+\s+){1,3}?(?:presented|disclosed|discussed|identified)?,?\s+not\s+(?:just|only|merely)\s+(?:the|for|in|to|those)\b/i,
  // The staff asks the company to defend what it has not changed: "tell us how your current presentation adequately
  // explains the underlying reasons".
  /\bhow\s+your\s+(?:current|existing|present)\s+(?:disclosures?|presentation|analysis|discussion)\s+(?:adequately|sufficiently|fully)\b/i,
];

/** The comment answers a response or names an earlier comment. */
const REPLY =
  /\byour\s+(?:response|reply|revised\s+disclosure|revisions?|amended\s+disclosure|letter\s+dated)\b|\b(?:prior|previous|earlier)\s+comments?\b|\bcomments?\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of|in|from)\s+our\b/i;

export interface ReissueInput {
  readonly comment: string | null;
  /** Comments of the previous staff letter this one follows up (Item.priorComments). */
  readonly priorComments: readonly number[];
  /** The text of those earlier comments, when known (the review's previous round): a request repeated word for word. */
  readonly priorTexts?: readonly string[];
}

/** Consecutive words a follow-up must take over from the comment it follows up to be asking it again. */
export const REPEATED_WORDS = 15;

/** Quoted passages (the filing's or the response's words, which both comments may cite) are not the staff's ask. */
const QUOTED = /"[^"]{0,800}"|\u201c[^\u201d]{0,800}\u201d/g;

const wordsOf = (text: string): string[] =>
  text
    .replace(QUOTED, ' | ')
    .toLowerCase()
    .split(/[^a-z0-9|]+/)
    .filter((w) => w !== '');

function runs(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + REPEATED_WORDS <= words.length; i++) {
    const run = words.slice(i, i + REPEATED_WORDS);
    if (!run.includes('|')) out.add(run.join(' '));
  }
  return out;
}

/**
 * Whether the comment asks again, in the same words, what an earlier comment asked: a run of REPEATED_WORDS
 * consecutive words outside quotations shared with it ("In your disclosure, please quantify the Adjusted EPS ...
 * as of 2014 and that you hope to achieve by 2017, and discuss how these compare ..." said in both rounds).
 */
export function repeatsEarlierComment(comment: string, earlier: readonly string[]): boolean {
  const own = runs(wordsOf(comment));
  if (own.size === 0) return false;
  return earlier.some((text) => [...runs(wordsOf(text))].some((run) => own.has(run)));
}

/** Words a request shares with any other: what is asked of whom, not about what. */
const GENERIC = new Set(
  (
    'the and for with from that this these those are was were been being its your you our please tell revise ' +
    'disclose provide explain describe discuss how why what whether which would should could may also any all such ' +
    'each other than into within under note response comment comments prior letter dated further additional more ' +
    'detail details information disclosure disclosures filing future not have has had does did their there they ' +
    'them including include includes related regarding about both only but however period periods ensure clarify address'
  ).split(' '),
);

/** A sentence that asks for something ("Please revise ...", "Tell us ...", "... please quantify ..."). */
const REQUEST =
  /^(?:please|revise|tell\s+us|disclose|provide|explain|describe|quantify|discuss|clarify|confirm|address|expand|include|remove|file|state|identify|consider)\b|\b(?:please|tell\s+us)\b/i;

/** "As in your response to prior comment 2, please make sure ...": the company's own commitment, held to, not a reissue. */
const FOLLOW_THROUGH =
  /^(?:as|consistent\s+with\s+what)\s+(?:(?:you\s+)?(?:stated|indicated|proposed|agreed|committed|noted)\s+)?in\s+your\s+(?:prior\s+)?(?:response|letter)\b/i;

/** Where one sentence ends and the next begins: both rules below read a comment sentence by sentence. */
const SENTENCE_BREAK = /(?<=[.;?])\s+/;

/** The sentences of a comment that could ask again: those holding the company to its own response left out. */
const withoutFollowThrough = (text: string): string =>
  text
    .split(SENTENCE_BREAK)
    .filter((sentence) => !FOLLOW_THROUGH.test(sentence))
    .join(' ');

/** Share of an earlier request's words a request must take over to be asking it again. */
export const RESTATED_SHARE = 0.8;
/** Requests with fewer subject words than this are too short to compare ("Please revise accordingly."). */
const MIN_REQUEST_WORDS = 5;
/**
 * Requests compared per text: a staff comment asks a few dozen things at most, and every request of the comment is
 * compared with every request of the earlier one, so a text that is not a comment (a whole letter left unsplit)
 * must not make that quadratic.
 */
const MAX_REQUESTS = 100;

/** The subject words of each request sentence of a text, quotations left out. */
function requestsOf(text: string): Set<string>[] {
  return text
    .replace(QUOTED, ' ')
    .split(SENTENCE_BREAK)
    .flatMap((sentence) => sentence.split(/\s*\u2022\s*/))
    .filter((sentence) => REQUEST.test(sentence))
    .map(
      (sentence) =>
        new Set(
          (sentence.toLowerCase().match(/[a-z][a-z0-9-]+/g) ?? []).filter((w) => w.length > 2 && !GENERIC.has(w)),
        ),
    )
    .filter((words) => words.size >= MIN_REQUEST_WORDS)
    .slice(0, MAX_REQUESTS);
}

/**
 * Whether a request of the comment asks again, in close to the same words, what a request of an earlier comment
 * asked: it holds RESTATED_SHARE of that request's subject words ("Please revise to ensure your discussion of
 * segment results focuses only on items included within the segment profit (loss) measure" after "... focuses on
 * segment revenues and items included within the segment profit (loss) measure").
 */
export function restatesEarlierRequest(comment: string, earlier: readonly string[]): boolean {
  const own = requestsOf(comment);
  if (own.length === 0) return false;
  return earlier.some((text) =>
    requestsOf(text).some((asked) =>
      own.some((request) => [...asked].filter((w) => request.has(w)).length >= RESTATED_SHARE * asked.size),
    ),
  );
}

/**
 * Why the comment counts as a reissue (the words that say so, or that it repeats an earlier comment), or null when
 * it does not: the evidence classify-dev prints beside each flag.
 */
export function reissueEvidence(input: ReissueInput): string | null {
  if (input.comment === null) return null;
  const text = input.comment.replace(/\s+/g, ' ');
  for (const p of REISSUE) {
    const m = p.exec(text);
    if (m) return `says: ${m[0]}`;
  }
  if (input.priorTexts !== undefined) {
    const asking = withoutFollowThrough(text);
    if (repeatsEarlierComment(asking, input.priorTexts))
      return `repeats ${REPEATED_WORDS} words of the earlier comment`;
    if (restatesEarlierRequest(asking, input.priorTexts))
      return 'asks again what a request of the earlier comment asked';
  }
  const replying = input.priorComments.length > 0 || REPLY.test(text);
  if (!replying) return null;
  for (const p of SHORTFALL) {
    const m = p.exec(text);
    if (m) return `answers the response with: ${m[0]}`;
  }
  return null;
}

/** Whether the comment repeats an earlier comment rather than asking something new. */
export const isReissued = (input: ReissueInput): boolean => reissueEvidence(input) !== null;
