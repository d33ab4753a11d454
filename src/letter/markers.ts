/**
 * Flags a reader needs about a letter's text: confidential treatment (Rule 83 requests, "[***]" redactions)
 * and the acknowledgement boilerplate (the company's "Tandy" statement, or the staff's request or reminder).
 */

export interface ConfidentialTreatment {
  /** Whether the letter requests confidential treatment (Rule 83, 17 CFR 200.83) or carries redactions. */
  readonly requested: boolean;
  /** How many "[***]"-style redactions the text holds. */
  readonly redactions: number;
}

// "[", stars and spaces with at least one star, "]". One loop over [\s*]: a star run split into nested loops
// ("\*+(?:\s*\*+)*") backtracks exponentially on "[****...x".
const REDACTION = /\[\s*\*[\s*]*\]|\[\s*(?:redacted|omitted)\s*\]/gi;
const RULE_83 = /\bRule\s+83\b|\b200\.83\b|\bconfidential\s+treatment\b|\bFOIA\s+confidential/i;

export function findConfidentialTreatment(text: string): ConfidentialTreatment {
  const redactions = text.match(REDACTION)?.length ?? 0;
  return { requested: redactions > 0 || RULE_83.test(text), redactions };
}

const RESPONSIBLE =
  /\bresponsible\s+for\s+the\s+(?:adequacy\s+and\s+accuracy|accuracy\s+and\s+adequacy)\s+of\s+(?:the|their|its)\s+disclosures?/i;
const NO_DEFENSE =
  /\b(?:may\s+not\s+assert\s+(?:staff|the\s+staff'?s)\s+comments|do(?:es)?\s+not\s+foreclose\s+the\s+commission|notwithstanding\s+any\s+review,\s+comments?,\s+action)/i;

/** Whether the letter carries the acknowledgement boilerplate. */
export function hasAcknowledgement(text: string): boolean {
  return RESPONSIBLE.test(text) && NO_DEFENSE.test(text);
}
