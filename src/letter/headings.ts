/**
 * Section headings above staff comments ("Item 5. Operating and Financial Review", "Critical Accounting
 * Policies", "Goodwill, page 84"): what a heading looks like, its page reference, and its rank, which lets a
 * short run of headings above one comment keep the higher-ranked headings of the comment before it.
 */
import { isDateLine } from './dates.ts';
import { flat, fullText, type Unit } from './units.ts';

const PAGE_REF =
  /(?:,|;|\s-|\s–|\s—)?\s*\(?\b[Pp]ages?\s+((?:[A-Z]{1,2}-?)?\d+(?:\s*(?:-|–|through|to|and|&|,)\s*(?:[A-Z]{1,2}-?)?\d+)*)\)?\s*\.?$/;

/** Labels that introduce a quoted comment or a response: never headings. */
export const LABEL =
  /^(?:(?:the\s+)?(?:staff'?s?\s+|sec\s+)?comments?(?:\s+(?:no\.?|number|#)\s*\d+)?|(?:the\s+)?(?:company'?s\s+|our\s+|registrant'?s\s+)?responses?(?:\s+to\s+(?:the\s+staff'?s\s+)?comments?(?:\s+(?:no\.?|number|#)?\s*\d+)?)?|answer|reply)\s*[:.\-–—]?\s*$/i;

/** A heading's text without its page reference, and the reference ("84", "F-33", "45-46") or null. */
export function splitPageRef(text: string): { heading: string; pageRef: string | null } {
  const t = flat(text);
  const m = PAGE_REF.exec(t);
  if (!m) return { heading: t, pageRef: null };
  const pageRef = m[1]!.replace(/\s*[–]\s*/g, '-').replace(/\s+/g, ' ');
  return {
    heading: t
      .slice(0, m.index)
      .replace(/[\s,;:–—-]+$/, '')
      .trim(),
    pageRef,
  };
}

const SENTENCE_WORDS = /\b(?:we|you|your|our|us|please|is|are|was|were|will|would|should|have|has)\b/i;

/** A form's item caption, which some letters end with a period: "Item 7. Management's Discussion ... Operations." */
const FORM_ITEM_CAPTION = /^(?:Item|Part)\s+(?:\d{1,2}[A-Z]?|[IVX]{1,4})\.\s+[A-Z][^.]*\.$/;

/** Whether a unit reads as a section heading. */
export function isHeadingLike(unit: Unit): boolean {
  if (unit.type === 'table' || unit.type === 'list-item') return false;
  const text = flat(fullText(unit));
  if (text === '' || LABEL.test(text) || isDateLine(text)) return false;
  if (/^(?:\*\s*)+$/.test(text) || /^(?:Dear|Sincerely|Very truly|Re:|cc:)/i.test(text)) return false;
  if (/^\d+$/.test(text) || /^Page \d+/i.test(text)) return false;
  if (/\[\s*\*+\s*\]|\$\s?\d/.test(text)) return false;
  const letters = text.replace(/[^A-Za-z\u00c0-\u017f]/g, '').length;
  if (letters < text.replace(/\s/g, '').length * 0.5) return false;
  const { heading, pageRef } = splitPageRef(text);
  // "The Company has added the disclosure on page 63." is a sentence, not "Goodwill, page 63".
  if (/\.$/.test(text) && SENTENCE_WORDS.test(heading) && heading.split(/\s+/).length > 4) return false;
  if (unit.type === 'heading') return heading.length <= 250 || pageRef !== null;
  if (text.length > 160 || text.split(/\s+/).length > 22) return false;
  if (!/^["'“([]?[A-Z0-9]/.test(text)) return false;
  if (pageRef !== null) return heading === '' || !SENTENCE_WORDS.test(heading) || heading.length < 100;
  if (
    /[.;,:!?]["'”)]?$/.test(text) &&
    !/\b(?:Note|Item|No|Inc|Corp|Co|Ltd|Jr|U\.S|N\.A)\.$/.test(text) &&
    !FORM_ITEM_CAPTION.test(text)
  )
    return false;
  const words = text.split(/\s+/).length;
  const emphasised = unit.emphasis.length > 0;
  if (SENTENCE_WORDS.test(text) && words > (emphasised ? 8 : 6)) return false;
  return true;
}

/**
 * A caption the letter sets as a lettered or numbered list item, with its page ("b. Revenue Recognition, page F-7"
 * under "Note 2. Summary of Significant Accounting Policies", "1. Historical FOX and Pro Forma Adjustments, page
 * 58" under the pro forma notes): a heading of the comment below it, not the end of the comment above.
 */
export function isMarkedCaption(unit: Unit): boolean {
  if (unit.type !== 'list-item' || unit.marker === null) return false;
  if (!/^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]$/i.test(unit.marker)) return false;
  const text = flat(unit.text);
  return splitPageRef(text).pageRef !== null && isHeadingLike({ ...unit, type: 'paragraph', marker: null, text });
}

/** Rank of a heading: 0 the filing, 1 a part of it, 2 a numbered note, 9 anything else. */
export function headingRank(heading: string): number {
  if (
    /^(?:(?:Annual|Quarterly|Current|Transition)\s+Report\s+on\s+)?Forms?\s+[0-9A-Z]{1,4}-?[0-9A-Z]{0,3}\b|^Amendment\s+No|^(?:Draft\s+)?Registration\s+Statement|^(?:Preliminary\s+|Definitive\s+|Revised\s+)?(?:Proxy|Information|Offering)\s+Statement(?!\s+Summary)|^Schedule\s+\d|^Draft\s+Registration/i.test(
      heading,
    )
  )
    return 0;
  if (
    /^(?:Part\s+[IVX]+\b|Item\s+\d|(?:Condensed\s+)?(?:Notes|Note)\s+to\s+|(?:Consolidated\s+|Condensed\s+|Combined\s+)*Financial\s+Statements|Management'?s\s+Discussion|Risk\s+Factors|Exhibits?\b|(?:Prospectus\s+|Information\s+Statement\s+)?Summary\b|(?:Certain\s+)?(?:Material\s+)?(?:U\.S\.\s+)?(?:Federal\s+)?Income\s+Tax\s+Consequences|Business$|General$|Cover\s+Page|Signatures|Executive\s+Compensation|Compensation\s+Discussion|Selected\s+(?:Consolidated\s+)?Financial\s+Data|Use\s+of\s+Proceeds|Dilution$|Capitalization$|Dividend\s+Policy|Management$|Description\s+of\s+(?:Capital\s+Stock|Share\s+Capital|Securities|Our\s+Capital|the\s+Notes|Notes|(?:Our\s+)?(?:Material\s+|Certain\s+|Other\s+)?(?:Indebtedness|Debt)\b)|Principal\s+(?:and\s+Selling\s+)?(?:Stockholders|Shareholders)|Certain\s+Relationships|Underwriting|Plan\s+of\s+Distribution|Legal\s+(?:Matters|Proceedings)|Experts$|The\s+Offering|Background\s+of\s+the\s+(?:Merger|Transactions?|Offer|Spin-Off|Separation)|The\s+(?:Merger|Transactions?|Spin-Off|Separation|Distribution)(?:\s+and\s+(?:the\s+)?(?:Merger|Separation|Distribution|Spin-Off))?$|Market\s+(?:for|Price)|Properties$|Quantitative\s+and\s+Qualitative|Controls\s+and\s+Procedures|Directors,?\s+(?:Executive\s+Officers|and\s+Executive)|Security\s+Ownership|Unaudited\s+Pro\s+Forma|Index\s+to\s+(?:the\s+)?(?:Consolidated\s+|Combined\s+)?Financial|Pay\s+Versus\s+Performance|Proposal\s+(?:No\.?\s*)?\d)/i.test(
      heading,
    )
  )
    return 1;
  if (/^Note\s+\d+|^\d{1,2}\.\s+[A-Z]/.test(heading)) return 2;
  return 9;
}

export interface HeadingPath {
  readonly headings: string[];
  /** Page reference of each heading (null when it has none). */
  readonly pages: Array<string | null>;
}

/** The parts of a filing that hold its financial statements, and so its numbered notes. */
const FINANCIAL_PART =
  /Financial\s+(?:Statements|Information)|Notes?\s+to\b|^Item\s+(?:8|17|18)\b|^Part\s+I\b|^Exhibits?\b|Pro\s+Forma|^Index\s+to/i;

/** The pro forma financial information, and the captions of its parts: notes, adjustments, its statements. */
const PRO_FORMA = /\bPro\s+Forma\b/i;
const PRO_FORMA_PART =
  /pro\s+forma|adjust|^\(?[a-z]{1,2}\)|^notes?\b|balance\s+sheets?|statements?\s+of|income|taxes|basis\s+of|transaction|autonomous|financing|per\s+share|earnings|sources\s+and\s+uses|historical/i;

/**
 * Whether a heading of the previous path stays above a run starting at heading `first`: one ranked above it, except that a
 * numbered note sits only under a part holding financial statements, not under the prose section before it
 * ("Certain Relationships" then "Note 1. Basis of Presentation" of the combined financial statements).
 */
function keeps(heading: string, first: string): boolean {
  const rank = headingRank(first);
  const own = headingRank(heading);
  if (own >= rank) return false;
  if (rank === 2 && own === 1 && !FINANCIAL_PART.test(heading)) return false;
  // The pro forma information precedes the business section in an information statement or prospectus, whose
  // captions ("Intellectual Property", "Regulation") the staff often cites without "Business" above them.
  return !(rank === 9 && PRO_FORMA.test(heading) && !PRO_FORMA_PART.test(first));
}

/**
 * The path of an item whose own run of headings is `run` (texts in order) after an item with `previous`
 * path: a run that starts below the top keeps the previous path's headings ranked above its first heading.
 * An empty run inherits the previous path whole.
 */
export function nextPath(previous: HeadingPath, run: readonly string[]): HeadingPath {
  const headings: string[] = [];
  const pages: Array<string | null> = [];
  for (const text of run) {
    const { heading, pageRef } = splitPageRef(text);
    if (heading !== '') {
      headings.push(heading);
      pages.push(pageRef);
    } else if (pageRef !== null && pages.length > 0) {
      // A bare "Page 12" line gives its page to the heading before it.
      pages[pages.length - 1] = pages[pages.length - 1] ?? pageRef;
    }
  }
  if (headings.length === 0) return previous;
  let keep = 0;
  while (keep < previous.headings.length && keeps(previous.headings[keep]!, headings[0]!)) keep++;
  return {
    headings: [...previous.headings.slice(0, keep), ...headings],
    pages: [...previous.pages.slice(0, keep), ...pages],
  };
}

/** The page reference of a path: the page of its deepest heading that has one. */
export function pageOf(path: HeadingPath): string | null {
  for (let i = path.pages.length - 1; i >= 0; i--) if (path.pages[i]) return path.pages[i]!;
  return null;
}
