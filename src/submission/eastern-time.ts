/**
 * EDGAR stamps acceptance times in US Eastern wall-clock time without an offset. This turns them into ISO 8601
 * with the offset in force on that date (EST -05:00 or EDT -04:00), by the US daylight-saving rules.
 */

/** Day of the month of the n-th (1-based) Sunday of a month, or the last Sunday when n is 0. month is 1-12. */
function sunday(year: number, month: number, n: number): number {
  if (n === 0) {
    const lastDay = new Date(Date.UTC(year, month, 0));
    return lastDay.getUTCDate() - lastDay.getUTCDay();
  }
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + (n - 1) * 7;
}

/**
 * Whether daylight saving time is in force at an Eastern wall-clock time. Since 2007: second Sunday of March
 * 02:00 to first Sunday of November 02:00; 1987-2006: first Sunday of April to last Sunday of October. The
 * repeated hour in autumn counts as daylight time; EDGAR does not accept filings at that hour anyway.
 */
export function isEasternDaylightTime(year: number, month: number, day: number, hour: number): boolean {
  const [startMonth, startDay, endMonth, endDay] =
    year >= 2007 ? [3, sunday(year, 3, 2), 11, sunday(year, 11, 1)] : [4, sunday(year, 4, 1), 10, sunday(year, 10, 0)];
  const key = (m: number, d: number, h: number): number => (m * 100 + d) * 100 + h;
  const now = key(month, day, hour);
  return now >= key(startMonth, startDay, 2) && now < key(endMonth, endDay, 2);
}

/** "20240402123607" (Eastern wall clock) -> "2024-04-02T12:36:07-04:00"; null when it is not such a stamp. */
export function easternTimestampToIso(stamp: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const offset = isEasternDaylightTime(year, month, day, hour) ? '-04:00' : '-05:00';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`;
}

/** "20240402" -> "2024-04-02"; null when it is not a real date. */
export function compactDateToIso(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
