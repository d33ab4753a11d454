/**
 * Dates as letters write them: "January 3, 2014", "Jan. 3, 2014", "Sept. 14 2016", "3 January 2014",
 * "December 31 , 2015" (HTML spacing). Pure; every date leaves as ISO YYYY-MM-DD.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_NAME =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';

/** Month day, year — and day Month year — with the loose spacing and punctuation HTML and PDFs produce. */
const DATE_SOURCE = `(?:\\b${MONTH_NAME}\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\s*,?\\s*(\\d{4})\\b)`;

export interface DateMatch {
  /** ISO YYYY-MM-DD. */
  readonly iso: string;
  readonly index: number;
  readonly length: number;
}

function monthOf(text: string): number | null {
  const key = text.toLowerCase().replace(/\.$/, '');
  const exact = MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)];
  return exact ?? null;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date written in words in `text`, in order. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  const re = new RegExp(DATE_SOURCE, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const monthText = /[A-Za-z]+\.?/.exec(m[0])?.[0] ?? '';
    const month = monthOf(monthText);
    const day = Number(m[1] ?? m[3]);
    const year = Number(m[2] ?? m[4]);
    const iso = month === null ? null : isoOf(year, month, day);
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  }
  return out;
}

/** The first date in `text`, or null. */
export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

/** Whether `text` is essentially one date (a dateline), allowing a place or "Date:" before it. */
export function isDateLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 60) return false;
  const dates = findDates(t);
  if (dates.length !== 1) return false;
  const d = dates[0]!;
  const before = t.slice(0, d.index).trim();
  const after = t.slice(d.index + d.length).trim();
  return (
    after.replace(/[.,;]/g, '') === '' && (before === '' || /^(?:date[d]?:?|[A-Z][A-Za-z .]{0,30},)$/i.test(before))
  );
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
