/**
 * Recognises EDGAR's two refusal pages. Both come as 403 (the rate-limit one sometimes as 429), both with the
 * title "SEC.gov | Request Rate Threshold Exceeded": only the heading and text tell them apart, so the
 * undeclared-tool wording is checked first. Pure.
 */

export type RefusalKind = 'rate-limited' | 'undeclared-tool';

const UNDECLARED_TOOL = /undeclared\s+automated\s+tool/i;

/** Phrases of the rate-limit page ("You've Exceeded the SEC's Traffic Limit", with a curly or straight quote). */
const RATE_LIMITED = [
  /exceeded\s+the\s+SEC.s\s+traffic\s+limit/i,
  /maximum\s+allowable\s+requests\s+per\s+second/i,
  /request\s+rate\s+threshold\s+exceeded/i,
];

/** The kind of refusal a 403/429 body is, or null when it is neither page. */
export function classifyRefusalPage(body: string): RefusalKind | null {
  if (UNDECLARED_TOOL.test(body)) return 'undeclared-tool';
  if (RATE_LIMITED.some((pattern) => pattern.test(body))) return 'rate-limited';
  return null;
}
