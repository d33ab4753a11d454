/**
 * The authorities a staff comment cites, normalised as ../DESIGN.md "Authorities" writes them: `ASC 606-10-25-19`,
 * `S-K 303(b)(2)(ii)`, `S-X 3-05`, `S-X Article 11`, `M-A 1007(d)`, `SAB Topic 1.M`, `SAB 99`, `Rule 14a-9`,
 * `Reg G 100(b)`, `C&DI 100.01`, `FRC 501.04`, `ASU 2015-09`, `Release 33-8350`, `Exchange Act Section 13(a)`,
 * `Form 20-F Item 5`, `IFRS 15`, ... Only what the text names: one entry per citation at the precision written,
 * no implied parent, a range cut to its first element, each citation once, in order of first appearance.
 *
 * Each kind of citation is one matcher; they run in a fixed order and a later one never reads text an earlier
 * one took, so "Item 102.11 of the non-GAAP C&DIs" is a C&DI and not an Item, and "Rule 3-05 of Regulation S-X"
 * gives `S-X 3-05` once. Where a citation is ambiguous (a bare "Rule 100(b)", "Item 7", "Section 13(r)" with no
 * act) nothing is given: a doubtful citation is better missed than invented.
 */
import { LIST_SEPARATOR as SEP, PARENS, extendRef, splitCitationList } from './citation-lists.ts';

interface Hit {
  readonly at: number;
  readonly value: string;
}

interface Scan {
  readonly text: string;
  readonly taken: Array<readonly [number, number]>;
  readonly hits: Hit[];
}

/**
 * Whether [start, end) overlaps a taken part. The parts are disjoint (a matcher skips what an earlier one took, and
 * one matcher's matches do not overlap) and kept in order, so a binary search finds the only candidate: a long
 * text of many citations is not checked against every earlier one (quadratic).
 */
function isTaken(taken: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < taken.length && taken[lo]![0] < end;
}

/** Runs `pattern` over the text parts no earlier matcher took; `take` turns a match into citations. */
function scan(s: Scan, pattern: RegExp, take: (m: RegExpExecArray) => readonly string[] | null): void {
  const found: Array<readonly [number, number]> = [];
  for (const m of s.text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(s.taken, start, end)) continue;
    const values = take(m as RegExpExecArray);
    if (values === null) continue;
    found.push([start, end]);
    for (const value of values) s.hits.push({ at: start, value });
  }
  for (const part of found) s.taken.push(part);
  s.taken.sort((x, y) => x[0] - y[0]);
}

// ---- ASC (FASB Accounting Standards Codification) -------------------------------------------------------------
const ASC_REF = String.raw`\d{3}(?:-\d{2,3}(?:-S?\d{2}(?:-\d{1,3}[A-Z]{0,2})?)?)?`;
/** "12b", "41(a)", "4.g.1": subparagraphs of a paragraph, written out as "(b)", "(a)", "(g)(1)". */
const ASC_SUB = String.raw`(?:${PARENS}+|[a-z]{1,3}(?![A-Za-z0-9])|\.[a-z](?:\.\d{1,2})?(?![A-Za-z0-9]))?`;
const ASC_PART = String.raw`(?:(?:FASB\s+)?ASC\s+)?(?:\d{3}-\d{2,3}(?:-S?\d{2}(?:-\d{1,3}[A-Z]{0,2})?)?|-\d{1,3}[A-Z]{0,2}|S?\d{2}-\d{1,3}[A-Z]{0,2}|\d{1,3}[A-Z]{0,2}(?![0-9])(?!\s*(?:%|percent|years?|months?|days?|million|billion)))${ASC_SUB}(?![0-9])|${PARENS}+`;
const ASC_HEAD = String.raw`(?:\b(?:FASB\s+)?(?:ASC|Accounting\s+Standards\s+Codification)(?:\s*\(\s*"?ASC"?\s*\))?\s+(?:(?:Topics?|Subtopics?|Sections?|[Pp]aragraphs?)\s+|Nos?\.\s*)?|\b(?:Topics?|Subtopics?)\s+(?=\d{3}(?!\d)(?!\.\d))|\b(?:[Pp]aragraphs?|Sections?)\s+(?=\d{3}-\d{2,3}-S?\d{2}(?!\d)(?!\.\d))|(?<![\w.-])(?=\d{3}-\d{2,3}-S?\d{2}-\d))`;
const ASC = new RegExp(String.raw`${ASC_HEAD}(${ASC_REF}${ASC_SUB})(?![0-9])((?:${SEP}(?:${ASC_PART}))*)`, 'g');
const ASC_PARAGRAPH = new RegExp(
  String.raw`\b[Pp]aragraphs?\s+(\(?[a-z0-9]{1,3}\)?\.?(?:${SEP}\(?[a-z0-9]{1,3}\)?)*)\s+(?:of|in)\s+(?:FASB\s+)?(?:ASC|Accounting\s+Standards\s+Codification)\s+(?:Section\s+|Subtopic\s+)?(${ASC_REF})(?![\d-])`,
  'g',
);

/** "606-10-50-12b" -> "606-10-50-12(b)", "842-20-50-4.g.1" -> "842-20-50-4(g)(1)". */
function ascSubparagraphs(ref: string): string {
  return ref
    .replace(/(\d[A-Z]{0,2})([a-z]{1,3})$/, '$1($2)')
    .replace(/\.([a-z])(?:\.(\d{1,2}))?$/, (_m, l: string, d: string | undefined) => `(${l})${d ? `(${d})` : ''}`);
}

function ascJoin(previous: string, part: string): string | null {
  const p = part.replace(/^(?:FASB\s+)?ASC\s+/, '');
  const parts = previous.replace(/\(.*$/, '').split('-');
  if (p.startsWith('(')) return extendRef(previous, p);
  if (/^\d{3}-\d{2}/.test(p)) return p;
  if (/^-\d/.test(p)) return parts.length === 4 ? [...parts.slice(0, 3), p.slice(1)].join('-') : null;
  if (/^S?\d{2}-\d/.test(p)) return parts.length === 4 ? [...parts.slice(0, 2), p].join('-') : null;
  if (/^\d{3}$/.test(p) && parts.length === 1) return p;
  if (/^\d{1,3}[A-Z]{0,2}/.test(p)) return parts.length === 4 ? [...parts.slice(0, 3), p].join('-') : null;
  return null;
}

function findAsc(s: Scan): void {
  scan(s, ASC_PARAGRAPH, (m) => {
    const ref = m[2]!;
    const depth = ref.split('-').length;
    const paragraphs = splitCitationList(m[1]!, (_prev, part) => part).map((p) => p.replace(/[().]/g, ''));
    if (depth === 3 && paragraphs.every((p) => /^\d+[A-Z]?$/.test(p))) return paragraphs.map((p) => `ASC ${ref}-${p}`);
    if (depth === 4 && paragraphs.every((p) => /^[a-z]$/.test(p))) return paragraphs.map((p) => `ASC ${ref}(${p})`);
    return [`ASC ${ref}`];
  });
  scan(s, ASC, (m) => splitCitationList(`${m[1]!}${m[2]!}`, ascJoin).map((r) => `ASC ${ascSubparagraphs(r)}`));
}

// ---- Regulations S-K, S-X, M-A, G ... and the rules and forms of the Acts --------------------------------------
/** A space may part a number from its first subparagraph in text taken from PDF ("Item 1303 (b)(2)"). */
const ITEM_REF = String.raw`\d{1,4}(?:\.\d{1,2})?[A-Z]?(?:\.[A-Z](?:\.\d{1,2})?)?(?:\s\((?:[a-z]{1,4}|\d{1,3}|[A-Z])\))?${PARENS}*`;
const ITEM_LIST = String.raw`${ITEM_REF}(?:${SEP}(?:${ITEM_REF}|${PARENS}+))*`;
const RULE_REF = String.raw`(?:\d{1,3}[a-z]?\d{0,2}-\d{1,3}[A-Za-z]?(?:\.\d{1,2})?|\d{3}[A-Z]?)${PARENS}*`;
const RULE_LIST = String.raw`${RULE_REF}(?:${SEP}(?:${RULE_REF}|${PARENS}+))*`;
const SECTION_REF = String.raw`\d{1,3}[A-Z]{0,2}${PARENS}*`;
const SECTION_LIST = String.raw`${SECTION_REF}(?:${SEP}(?:(?:Sections?\s+)?${SECTION_REF}|${PARENS}+))*`;
const REGULATION = String.raw`(?:Regulation|Reg\.?)\s+(S-K|S-X|M-A|S-T|AB|BTR|FD|G|M|A|D|S|CE|SHO|14A|14C|14D|14E|13D-G)(?![\w-])`;
const ACT = String.raw`(Securities\s+Exchange|Exchange|Securities|Investment\s+Company|Investment\s+Advisers|Trust\s+Indenture|Sarbanes-Oxley|JOBS|Dodd-Frank)\s+Act(?:\s+of\s+\d{4})?`;
const FORM = String.raw`(Form|Schedule)\s+([A-Z0-9]{1,3}(?:-[A-Z0-9]{1,2})?)(?![\w-])`;

/** Regulations of the Exchange Act whose rules are cited as "Rule 14a-9". */
const EXCHANGE_ACT_REGULATIONS = new Set(['14A', '14C', '14D', '14E', '13D-G']);

/** Regulation S-K, S-X and M-A letter their first subparagraphs in lower case: "Item 1303 (B)" is 1303(b). */
function tidyRef(ref: string): string {
  return ref
    .replace(/\s+(?=\()/g, '')
    .replace(/^([^(]*)\(([A-Z])\)/, (_m, base: string, l: string) => `${base}(${l.toLowerCase()})`);
}

function regulationCitation(regulation: string, written: string): string {
  const ref = tidyRef(written);
  if (EXCHANGE_ACT_REGULATIONS.has(regulation)) return `Rule ${ref}`;
  return /^[A-Z]-[A-Z]{1,2}$/.test(regulation) ? `${regulation} ${ref}` : `Reg ${regulation} ${ref}`;
}

function actName(written: string): string {
  const act = written.replace(/\s+/g, ' ');
  return act === 'Securities Exchange' ? 'Exchange Act' : `${act} Act`;
}

const REG_TRAILING = new RegExp(
  String.raw`\b(Items?|Rules?|Articles?)\s+(${ITEM_LIST}|${RULE_LIST})\s*,?\s+(?:of|under|in|to)\s+(?:the\s+)?(?:SEC'?s?\s+|Commission'?s\s+)?${REGULATION}`,
  'g',
);
const REG_LEADING = new RegExp(
  String.raw`\b(?:${REGULATION}|(S-K|S-X|M-A))\s*,?\s+(Items?|Rules?|Articles?)\s+(${ITEM_LIST}|${RULE_LIST})`,
  'g',
);
const ARTICLE_11 = /\bArticle\s+11(?![\w-])(?!\s+of\s+(?:the|its|your|our|their)\b)/g;
const FORM_TRAILING = new RegExp(
  String.raw`\bItems?\s+(${ITEM_LIST})\s*,?\s+(?:of|to|in|under)\s+(?:the\s+)?(?:General\s+Instructions\s+(?:of|to)\s+)?${FORM}(?!\s+(?:filed|furnished|dated|submitted|for\s))`,
  'g',
);
const FORM_LEADING = new RegExp(
  String.raw`(?<!\b(?:your|its|their|our|the|this|that|company's)\s+(?:\d{4}\s+)?)\b${FORM}\s*,?\s+Items?\s+(${ITEM_LIST})`,
  'g',
);
const SECTION_TRAILING = new RegExp(
  String.raw`\bSections?\s+(${SECTION_LIST})\s*,?\s+(?:of|under)\s+(?:the\s+)?${ACT}`,
  'g',
);
const SECTION_LEADING = new RegExp(String.raw`\b${ACT}\s+Sections?\s+(${SECTION_LIST})`, 'g');
const RULE = new RegExp(
  String.raw`(?:\b${ACT}\s+)?\bRules?\s+(${RULE_LIST})(?![\w-])(?!${PARENS})(?:\s*,?\s+(?:under|of|promulgated\s+under)\s+(?:the\s+)?${ACT})?`,
  'g',
);
/** Rules of exchanges, courts and the PCAOB, which are not the Commission's. */
const FOREIGN_RULE =
  /\b(?:Nasdaq|NYSE|Listing|FINRA|PCAOB|Marketplace|TSX|AIM|Court|Civil\s+Procedure|Federal|Exchange's)\s+(?:\w+\s+)?$/i;
const BARE_ITEM = new RegExp(String.raw`\bItems?\s+(${ITEM_LIST})(?![\w-])(?!${PARENS})`, 'g');
const BARE_ITEM_ELSEWHERE =
  /^\s*,?\s+(?:of|to|in|under)\s+(?:the\s+|your\s+|its\s+|our\s+|their\s+|this\s+|that\s+)?(?:\d{4}\s+)?(?:Form|Schedule|annual|quarterly|registration|proxy|filing|prospectus|Part|current)/i;
const WHOLE_REGULATION = /\b(?:Regulation|Reg\.?)\s+(G|FD|AB|BTR|M|S-T|A|D|S|CE|SHO|14A|14C)(?![\w-])/g;

function findRegulations(s: Scan): void {
  const regulated = (kind: string, regulation: string, list: string): string[] =>
    splitCitationList(list).map((ref) =>
      /^Article/i.test(kind) ? `${regulation} Article ${ref}` : regulationCitation(regulation, ref),
    );
  scan(s, REG_TRAILING, (m) => regulated(m[1]!, m[3]!, m[2]!));
  scan(s, REG_LEADING, (m) => regulated(m[3]!, m[1] ?? m[2]!, m[4]!));
  scan(s, ARTICLE_11, () => ['S-X Article 11']);
  scan(s, FORM_TRAILING, (m) => splitCitationList(m[1]!).map((ref) => `${m[2]!} ${m[3]!} Item ${ref}`));
  scan(s, FORM_LEADING, (m) => splitCitationList(m[3]!).map((ref) => `${m[1]!} ${m[2]!} Item ${ref}`));
  scan(s, SECTION_TRAILING, (m) =>
    splitCitationList(m[1]!.replace(/Sections?\s+/g, '')).map((ref) => `${actName(m[2]!)} Section ${ref}`),
  );
  scan(s, SECTION_LEADING, (m) =>
    splitCitationList(m[2]!.replace(/Sections?\s+/g, '')).map((ref) => `${actName(m[1]!)} Section ${ref}`),
  );
  scan(s, RULE, (m) => {
    if (FOREIGN_RULE.test(s.text.slice(Math.max(0, m.index - 40), m.index))) return null;
    const act = m[1] ?? m[3];
    const out: string[] = [];
    for (const ref of splitCitationList(m[2]!)) {
      // "Rule 3-05" is Regulation S-X's numbering (article-rule); the Acts' rules carry a letter ("12b-20").
      if (act === undefined && /^(?:[1-9]|1[0-2])-\d{2}\b/.test(ref)) out.push(regulationCitation('S-X', ref));
      // A bare "Rule 100(b)" may be Regulation G's or Regulation S-T's.
      else if (act === undefined && /^10[0-2](?![\dA-Z])/.test(ref)) continue;
      else out.push(`Rule ${ref}`);
    }
    return out.length === 0 ? null : out;
  });
  scan(s, BARE_ITEM, (m) => {
    if (BARE_ITEM_ELSEWHERE.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 80))) return null;
    const out: string[] = [];
    for (const ref of splitCitationList(m[1]!)) {
      if (/\./.test(ref)) continue;
      const n = Number(/^\d+/.exec(ref)![0]);
      // Regulation S-K numbers its items 10 and 101 up, Regulation M-A 1000-1016; forms number theirs 1-20.
      if (n >= 1000 && n <= 1016) out.push(regulationCitation('M-A', ref));
      else if ((n === 10 && ref.includes('(')) || (n >= 101 && n <= 1699)) out.push(regulationCitation('S-K', ref));
    }
    return out.length === 0 ? null : out;
  });
  scan(s, WHOLE_REGULATION, (m) => [`Reg ${m[1]!}`]);
}

// ---- Staff guidance: SAB, C&DI, FRC, FRM, SLB; FASB updates, releases; IFRS ----------------------------------
const CDI_NUMBER = String.raw`\d{3}\.\d{2}(?:\([a-z]\))?`;
const CDI_LIST = String.raw`${CDI_NUMBER}(?:${SEP}${CDI_NUMBER})*`;
const FRC = new RegExp(
  String.raw`\b(?:[Ss]ections?|[Pp]aragraphs?|Topic)\s+(\d{3}\.\d{2}[a-z]?)\s+of\s+(?:the\s+|our\s+|its\s+)?(?:SEC'?s\s+|Commission'?s\s+)?(?:Codification\s+of\s+Financial\s+Reporting\s+(?:Policies|Releases)|Financial\s+Reporting\s+Codification|FRC)\b|\bFRC\s+(?:Section\s+)?(\d{3}\.\d{2}[a-z]?)`,
  'g',
);
const CDI = new RegExp(
  String.raw`\b(?:Questions?|Interpretations?|C&DIs?|CDIs?)\s*(?:Nos?\.?\s*|#\s*)?(${CDI_LIST})(?!\d)(?!\.\d)`,
  'g',
);
const CDI_ITEM = new RegExp(
  String.raw`\bItems?\s+(${CDI_LIST})(?=[^.]{0,60}\b(?:C&DIs?|CDIs?|Compliance\s+(?:and|&)\s+Disclosure))`,
  'g',
);
const FRM =
  /\b(?:[Ss]ections?|[Tt]opic|[Pp]aragraph)\s+(\d{4}(?:\.\d{1,2})?)\s+of\s+(?:the\s+)?(?:Division(?:'s|\s+of\s+Corporation\s+Finance(?:'s)?)\s+)?(?:Financial\s+Reporting\s+Manual|FRM)\b|\bFRM\s+(?:Section\s+|Topic\s+)?(\d{4}(?:\.\d{1,2})?)/g;
const SLB = /\b(?:Staff\s+Legal\s+Bulletin|SLB)\s+(?:No\.?\s*)?(\d{1,2}[A-Z]?)(?![\w-])/g;
const SAB_TOPIC =
  /\b(?:SAB|Staff\s+Accounting\s+Bulletins?)\s+(?:No\.?\s*)?(?:Topic\s+)?(\d{1,2})[.:]([A-Z]{1,2})(?:[.:](\d{1,2}))?(?![\w])|\b(?:SAB|Staff\s+Accounting\s+Bulletins?)\s+Topic\s+(\d{1,2})(?![\w.:])|\bTopic\s+(\d{1,2})(?:[.:]([A-Z]{1,2})(?:[.:](\d{1,2}))?)?\s+of\s+(?:the\s+)?(?:SAB|Staff\s+Accounting\s+Bulletins?)\b/g;
const SAB = /\b(?:SAB|Staff\s+Accounting\s+Bulletin)\s+(?:No\.?\s*)?(\d{1,3})(?![\w:-])(?!\.\w)/g;
const ASU =
  /\b(?:ASU|Accounting\s+Standards\s+Update)s?\s+(?:No\.?\s*)?(\d{4}-\d{2}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:ASU\s+)?\d{4}-\d{2})*)(?![\d-])/g;
const RELEASE = new RegExp(
  String.raw`(?:\b${ACT}\s+)?\b(?:SEC\s+|Interpretive\s+|Final\s+|Adopting\s+)?Releases?\s+(?:Nos?\.?\s*)?((?:33|34|IC|IA)-\d{3,6}|\d{3,6})(?:\s*\/\s*(?:33|34|IC|IA)-\d{3,6})?((?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:No\.?\s*)?(?:33|34|IC|IA)-\d{3,6})*)(?:\s*\([^)]{0,40}\))?(?:\s*,?\s*"[^"]{0,200}")?`,
  'g',
);
const IFRS = /\b(IFRS|IAS|IFRIC)\s?(\d{1,2})(?![\d])/g;

function findGuidance(s: Scan): void {
  scan(s, FRC, (m) => [`FRC ${m[1] ?? m[2]!}`]);
  scan(s, CDI_ITEM, (m) => splitCitationList(m[1]!).map((n) => `C&DI ${n}`));
  scan(s, CDI, (m) => splitCitationList(m[1]!).map((n) => `C&DI ${n}`));
  scan(s, FRM, (m) => [`FRM ${m[1] ?? m[2]!}`]);
  scan(s, SLB, (m) => [`SLB ${m[1]!}`]);
  scan(s, SAB_TOPIC, (m) => {
    const topic = m[1] ?? m[4] ?? m[5]!;
    const sub = m[2] ?? m[6];
    const part = m[3] ?? m[7];
    return [`SAB Topic ${topic}${sub ? `.${sub}` : ''}${part ? `.${part}` : ''}`];
  });
  scan(s, SAB, (m) => [`SAB ${m[1]!}`]);
  scan(s, ASU, (m) => m[1]!.match(/\d{4}-\d{2}/g)!.map((n) => `ASU ${n}`));
  scan(s, RELEASE, (m) => {
    const act = m[1] === undefined ? null : actName(m[1]);
    const prefix = act === 'Securities Act' ? '33-' : act === 'Exchange Act' ? '34-' : null;
    const first = /-/.test(m[2]!) ? m[2]! : prefix === null ? null : `${prefix}${m[2]!}`;
    if (first === null) return null;
    return [first, ...(m[3]!.match(/(?:33|34|IC|IA)-\d{3,6}/g) ?? [])].map((n) => `Release ${n}`);
  });
}

/** What the text of one comment cites, normalised, each once, in order of first appearance. */
export function findAuthorities(text: string | null): string[] {
  if (text === null || text.trim() === '') return [];
  const prepared = text
    .replace(/[\u2010-\u2013\u2212]/g, '-')
    // Text from PDF breaks "ASC 280- 10-50-40" and writes "Rule 5-03(b)10" for 5-03(b)(10).
    .replace(/(\d)-\s(?=\d)/g, '$1-')
    .replace(/(\([a-z]{1,3}\))(\d{1,2})(?![\d.,-]?\d)/g, '$1($2)')
    .replace(/§§?\s*/g, 'Section ')
    .replace(/[\u201c\u201d\u201f\u00ab\u00bb]|``|''/g, '"')
    .replace(/[\u2018\u2019\u00b4]/g, "'")
    .replace(/\s+/g, ' ');
  const s: Scan = { text: prepared, taken: [], hits: [] };
  findGuidance(s);
  findAsc(s);
  findRegulations(s);
  scan(s, IFRS, (m) => [`${m[1]!} ${m[2]!}`]);
  const ordered = [...s.hits].sort((a, b) => a.at - b.at);
  return [...new Set(ordered.map((h) => h.value))];
}
