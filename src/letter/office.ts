/**
 * The Division of Corporation Finance office a letter names (../DESIGN.md "Letters gain office"): the reviewing
 * office a staff letter is signed for ("Division of Corporation Finance / Office of Technology") or a company
 * letter is addressed to. Spellings are normalised to one name per office ("Office of Healthcare and Insurance"
 * is "Office of Healthcare & Insurance"); the numbered offices of older letters read "AD Office 11", and letters
 * of the Division's Disclosure Review Program, which names no office, give "Disclosure Review Program". Offices of
 * other bodies (Treasury's Office of Foreign Assets Control, the SEC's FOIA office) are not review offices.
 */

/** Review offices of the Division, present and past, as the SEC writes them. */
const KNOWN_OFFICES = [
  'Office of Technology',
  'Office of Manufacturing',
  'Office of Trade & Services',
  'Office of Energy & Transportation',
  'Office of Finance',
  'Office of Real Estate & Construction',
  'Office of Life Sciences',
  'Office of Industrial Applications and Services',
  'Office of Crypto Assets',
  'Office of Mergers & Acquisitions',
  'Office of Healthcare & Insurance',
  'Office of Structured Finance',
  'Office of International Corporate Finance',
  'Office of Global Security Risk',
  'Office of Transportation and Leisure',
  'Office of Natural Resources',
  'Office of Real Estate and Commodities',
  'Office of Consumer Products',
  'Office of Electronics and Machinery',
  'Office of Financial Services',
  'Office of Information Technologies and Services',
  'Office of Beverages, Apparel and Mining',
  'Office of Beverages, Apparel and Health Care Services',
  'Office of Telecommunications',
  'Office of Emerging Growth Companies',
  'Office of Small Business Policy',
  'Office of Capital Markets Trends',
  'Office of Chief Accountant',
] as const;

/** Offices named in letters that are not a review office of the Division. */
const NOT_REVIEW_OFFICES =
  /^(?:Foreign Assets Control|Freedom of Information|Inspector General|General Counsel|Investor Education|Municipal Securities|Credit Ratings|International Affairs|Compliance Inspections|the\b)/i;

/** "Healthcare and Insurance", "healthcare & insurance", "Real Estate & - Commodities" all read the same. */
function keyOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_KEY = new Map<string, string>(KNOWN_OFFICES.map((o) => [keyOf(o.replace(/^Office of /, '')), o]));
const LONGEST_FIRST = [...BY_KEY.keys()].sort((a, b) => b.length - a.length);

/** "Office of" and the words after it, as far as an office name can reach. */
const OFFICE_OF = /\bOffice\s+of\s+((?:[A-Z][A-Za-z]*|&|and|,|-)(?:\s*(?:[A-Z][A-Za-z]*|&|and|,|-)){0,8})/g;
/** The Division's unit for targeted reviews (executive pay, pay versus performance) signs as a program. */
const PROGRAM = /\bCorporation\s+Finance,?\s+Disclosure\s+Review\s+Program\b/;
const NUMBERED = /\b(?:AD|A\.D\.|A\/D|Assistant\s+Director)\s+Office\s+(?:No\.?\s*)?(\d{1,2})\b/;
/** Words that end an office name: what follows it in an address or signature block. */
const AFTER_NAME =
  /^(?:Division|United|U|US|Securities|Commission|Washington|Re|RE|Mail|Stop|Attention|Attn|Via|Sincerely|Dear|Ladies|Room|Street|Station|Sent|cc|CC|The|Tel|Phone|Fax)$/;

/** The office a letter names, normalised, or null when it names none. */
export function findOffice(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  let first: { at: number; office: string } | null = null;
  for (const m of flat.matchAll(OFFICE_OF)) {
    const key = keyOf(m[1]!);
    const known = LONGEST_FIRST.find((k) => key === k || key.startsWith(`${k} `));
    if (known !== undefined) {
      first = { at: m.index, office: BY_KEY.get(known)! };
      break;
    }
    // An office not in the list counts when the Division is named beside it.
    const words: string[] = [];
    for (const w of m[1]!.split(/\s+/)) {
      if (AFTER_NAME.test(w.replace(/[,.]$/, ''))) break;
      words.push(w);
    }
    const name = words
      .join(' ')
      .replace(/[\s,&-]+$/, '')
      .replace(/\band\s*$/, '')
      .trim();
    const context = flat.slice(Math.max(0, m.index - 120), m.index + m[0].length + 120);
    if (name !== '' && !NOT_REVIEW_OFFICES.test(name) && /Corporation\s+Finance/i.test(context)) {
      first = { at: m.index, office: `Office of ${name}` };
      break;
    }
  }
  const numbered = NUMBERED.exec(flat);
  if (numbered !== null && (first === null || numbered.index < first.at)) return `AD Office ${Number(numbered[1])}`;
  if (first === null && PROGRAM.test(flat)) return 'Disclosure Review Program';
  return first?.office ?? null;
}
