/**
 * Whether a staff comment reissues an earlier one (../DESIGN.md "comments": `reissued`): the staff says so ("we
 * reissue prior comment 3", "we continue to believe", "as previously requested"), says the company's answer falls
 * short ("your response does not address", "not fully responsive", "we do not agree"), or answers a response with
 * a "however" that leaves its point standing ("we note your response ...; however, it remains unclear ...").
 * A comment that merely builds on a response ("we note your response; please tell us also ...") follows it up
 * without reissuing it.
 */

/** Said only when the staff repeats itself. */
const REISSUE = [
  /\b(?:we|staff)\s+(?:hereby\s+|therefore\s+|again\s+)?re-?issue\b/i,
  /\bre-?issu(?:e|es|ed|ing)\s+(?:(?:our|the|your|this|that|prior|previous|original|earlier)\s+)*(?:comments?|requests?|it\b|in part|to the extent|\d)/i,
  /\bcontinues?\s+to\s+(?:believe|think|note|request|ask|appear|question|object|disagree|be\s+(?:unclear|concerned|unable)|have\s+(?:concerns|difficulty|questions)|not\s+(?:understand|agree|see))\b/i,
  /\bwe\s+still\s+(?:believe|think|do\s+not|don't|have|need|note|request|ask)\b/i,
  /\bas\s+(?:previously|we\s+previously|originally|initially)\s+(?:requested|asked|noted|stated|commented)\b|\bas\s+(?:requested|asked|noted)\s+(?:in|by)\s+(?:our|the|prior|previous)\s+(?:comment|letter)/i,
  /\b(?:your|the|this)\s+(?:response|revised\s+disclosure|revision|amendment)s?\s+(?:(?:does|do|did)\s+not|doesn't|don't|didn't|fails?\s+to)\s+(?:appear\s+to\s+)?(?:fully\s+|completely\s+|adequately\s+|sufficiently\s+|directly\s+|specifically\s+)?(?:address|respond|answer|resolve|explain|comply|reflect)/i,
  /\bnot\s+(?:fully\s+|completely\s+|entirely\s+)?responsive\b|\b(?:has|have)\s+not\s+(?:fully\s+|yet\s+)?(?:addressed|responded\s+to|complied\s+with)\s+(?:our|the|prior|previous|this)\s+comment/i,
  /\bwe\s+(?:do\s+not|don't|cannot|can\s*not)\s+(?:agree|concur)\b|\bwe\s+disagree\b|\b(?:the\s+)?staff\s+(?:objects|does\s+not\s+agree|disagrees)\b|\b(?:we\s+are|we\s+remain)\s+(?:still\s+)?(?:unable|not\s+able)\s+to\s+(?:agree|concur|reconcile|conclude)|\bnot\s+persuaded\b|\bwe\s+are\s+not\s+convinced\b/i,
  /\bonce\s+again\b|\bwe\s+again\s+(?:ask|request|note)\b|\bplease\s+again\b|\bagain,?\s+please\b|\bre-?(?:request|ask)\b/i,
];

/** Said of a response the staff is answering: weigh only together with a reply to an earlier comment. */
const SHORTFALL = [
  /\b(?:it\s+)?(?:remains|is\s+still|still\s+remains|is\s+not\s+yet)\s+(?:unclear|not\s+clear)\b|\bstill\s+(?:unclear|not\s+clear)\b/i,
  /\b(?:it\s+is\s+)?(?:unclear|not\s+clear)\s+(?:from|based\s+on|in)\s+your\s+(?:response|revised|revisions|amended)/i,
  /\b(?:however|but)\b,?\s+(?:it\s+(?:remains|is\s+still)\s+unclear|(?:it\s+appears\s+(?:that\s+)?)?you\s+(?:have|did)\s+not\s+(?:yet\s+)?(?:revised|addressed|provided|included|disclosed|explained|updated)|(?:your|the|these|this)\s+(?:[\w-]+\s+){0,2}(?:response|disclosures?|revisions?|changes)\s+(?:still\s+)?(?:(?:does|do|did)\s+not|continues?\s+to|remains?|(?:is|are)\s+(?:still\s+)?(?:not|unclear|incomplete)))/i,
  /\bwe\s+are\s+unable\s+to\s+(?:locate|find|understand|determine)\b|\bwe\s+could\s+not\s+(?:locate|find)\b/i,
  /\b(?:your|the)\s+response\b[^.]{0,60}\b(?:conclusory|insufficient|inadequate|incomplete)\b/i,
  // The staff rejects the position the response takes: "you believe revenue is ...; it is not the most directly
  // comparable measure", "we do not believe your analysis supports ...".
  /\b(?:it|this|that|such\s+\w+)\s+is\s+not\s+(?:the\s+most\s+directly\s+comparable|appropriate|acceptable|consistent\s+with)\b/i,
  /\b(?:we|the\s+staff)\s+(?:do|does)\s+not\s+believe\s+(?:that\s+)?(?:your|the|this|these|such|it)\b/i,
];

/** The comment answers a response or names an earlier comment. */
const REPLY =
  /\byour\s+(?:response|reply|revised\s+disclosure|revisions?|amended\s+disclosure|letter\s+dated)\b|\b(?:prior|previous|earlier)\s+comments?\b|\bcomments?\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of|in|from)\s+our\b/i;

export interface ReissueInput {
  readonly comment: string | null;
  /** Comments of the previous staff letter this one follows up (Item.priorComments). */
  readonly priorComments: readonly number[];
}

/** Whether the comment repeats an earlier comment rather than asking something new. */
export function isReissued(input: ReissueInput): boolean {
  if (input.comment === null) return false;
  const text = input.comment.replace(/\s+/g, ' ');
  if (REISSUE.some((p) => p.test(text))) return true;
  const replying = input.priorComments.length > 0 || REPLY.test(text);
  return replying && SHORTFALL.some((p) => p.test(text));
}
