/**
 * The kind of a letter, decided from its structure: numbered comments make a staff letter a comment letter
 * (whatever else it says, "no further comments" on one point included), numbered answers make a company letter
 * a response; only letters without items are classified by what their opening paragraphs say they do.
 */
import { isExtensionRequest } from './extension.ts';
import type { LetterForm, LetterKind } from './schema.ts';

const STAFF_COMMENTS =
  /\bhave\s+the\s+following\s+comments?\b|\bfollowing\s+comment\(s\)|\bhave\s+(?:an?\s+)?(?:additional\s+|further\s+)?comments?\s*[:.]?$/i;
/** A request only a comment makes: a letter asking for it holds an (unnumbered) comment. */
const STAFF_REQUEST =
  /\bplease\s+(?:advise|tell|provide|explain|revise|disclose|confirm|describe|amend|file)\b|\btell\s+us\b|\bwe\s+(?:ask|request)\s+that\s+you\b/i;
const NO_REVIEW =
  /\b(?:have\s+not\s+reviewed\s+and\s+will\s+not\s+review|will\s+not\s+(?:be\s+)?review(?:ed)?|do(?:es)?\s+not\s+intend\s+to\s+review|decided\s+not\s+to\s+review|no\s+(?:further\s+)?review\s+of\s+(?:your|the)\b|will\s+not\s+be\s+subject\s+to\s+(?:a\s+)?review)/i;
const COMPLETE =
  /\b(?:(?:have\s+)?completed\s+(?:our|its|the)\s+review|concluded\s+(?:our|its|the)\s+review|have\s+no\s+further\s+comments|no\s+further\s+comments\s+at\s+this\s+time)/i;
const ACCELERATION =
  /\bRules?\s+46[01]\b|\brequests?\s+(?:the\s+)?acceleration\b|\baccelerat(?:e|ion\s+of)\s+(?:the\s+)?effective(?:ness|\s+date)|\b(?:be\s+)?declared\s+effective\b|\beffective\s+date\b[^.]{0,120}\baccelerat|\bbe\s+(?:made\s+|become\s+)?effective\s+(?:at|on)\b|\bjoin\b[^.]{0,120}\brequest/i;
const WITHDRAWAL =
  /\b(?:hereby\s+(?:respectfully\s+)?withdraws?|requests?\s+(?:the\s+)?withdrawal|withdrawal\s+of\s+(?:its|the|our)\s+(?:prior\s+)?request|Rule\s+477)\b/i;
const RESPONDING =
  /\b(?:in\s+response\s+to\s+(?:the|your|certain|a)\b[^.]{0,80}\bcomments?|respond(?:s|ing)?\s+to\s+(?:the\s+|certain\s+|your\s+)?(?:staff'?s?\s+)?(?:comments?|questions?|letter)|responses?\s+(?:of\s+[^.]{0,60})?to\s+(?:the\s+|your\s+)?(?:staff'?s?\s+)?comments?|sets?\s+forth\s+(?:the\s+)?(?:\w+'?s?\s+)?responses?|(?:supplemental|initial|following)\s+responses?|information\s+(?:you\s+)?requested|in\s+connection\s+with\s+the\s+comments?)/i;
const EXTENSION =
  /\bextension\b|\badditional\s+(?:\w+\s+){0,3}(?:days|time)\b|\bconfirm(?:s|ing)?\s+(?:the\s+)?receipt\b|\bwill\s+(?:respond|submit\s+(?:a|our|its)\s+response)\b[^.]{0,120}\b(?:no\s+later\s+than|on\s+or\s+(?:before|about))|\bworking\s+(?:expeditiously|diligently)\s+to\s+(?:respond|complete|prepare)|\b(?:request(?:s|ing)?|require)\s+(?:an?\s+)?(?:additional\s+time|extension)|\bextend\s+the\s+(?:reply|response)\s+(?:deadline|date|period)|\bextension\s+of\s+(?:the\s+)?(?:time|deadline)|\bintends?\s+to\s+(?:submit|file|provide)\s+(?:a|our|its)\s+response|\backnowledges?\s+receipt\b|\bin\s+the\s+process\s+of\s+preparing\s+(?:a|our|its)\s+response/i;

export interface ClassifyInput {
  readonly form: LetterForm;
  readonly itemCount: number;
  /** The first paragraphs of the body, flattened. */
  readonly opening: string;
  /** Whether any item quotes a staff comment (company letters). */
  readonly quotesComments?: boolean;
}

export function classifyLetter(input: ClassifyInput): LetterKind {
  const { form, itemCount, opening } = input;
  if (form === 'UPLOAD') {
    if (itemCount > 0) return 'comment';
    if (NO_REVIEW.test(opening)) return 'no_review';
    if (STAFF_COMMENTS.test(opening)) return 'comment';
    if (COMPLETE.test(opening)) return 'review_complete';
    if (STAFF_REQUEST.test(opening)) return 'comment';
    return 'other';
  }
  const responding = RESPONDING.test(opening);
  if (WITHDRAWAL.test(opening) && !responding) return 'other';
  if (ACCELERATION.test(opening) && !responding) return 'acceleration_request';
  // Numbered paragraphs answer comments when the letter says so or quotes them; otherwise they are
  // representations of another kind (an Exxon Capital letter, a list of undertakings).
  if (itemCount > 0 && (responding || input.quotesComments === true || /\bcomments?\b/i.test(opening)))
    return 'response';
  if (isExtensionRequest(opening)) return 'extension_request';
  if (EXTENSION.test(opening)) return 'other';
  if (responding) return 'response';
  return 'other';
}
