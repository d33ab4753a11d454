/** Dates for the datasets: US Eastern wall-clock offsets, business days, ISO arithmetic. */

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return iso(new Date(utc(date).getTime() + days * 86_400_000));
}

/** Weekday 0 (Sunday) .. 6 (Saturday). */
export function weekday(date: string): number {
  return utc(date).getUTCDay();
}

/** `days` business days after `date` (weekends skipped; holidays ignored). */
export function addBusinessDays(date: string, days: number): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (weekday(current) !== 0 && weekday(current) !== 6) left -= 1;
  }
  return current;
}

/** The date itself when it is a weekday, else the following Monday. */
export function nextWeekday(date: string): string {
  let current = date;
  while (weekday(current) === 0 || weekday(current) === 6) current = addDays(current, 1);
  return current;
}

function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}

/** "-04:00" during US daylight saving time (second Sunday of March to first Sunday of November), else "-05:00". */
export function easternOffset(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = nthSunday(y, 2, 2);
  const end = nthSunday(y, 10, 1);
  const dst = (m > 3 && m < 11) || (m === 3 && d >= start) || (m === 11 && d < end);
  return dst ? '-04:00' : '-05:00';
}

/** "2014-01-03" + "06:15:34" -> "2014-01-03T06:15:34-05:00". */
export function easternIso(date: string, time: string): string {
  return `${date}T${time}${easternOffset(date)}`;
}

/** When a letter of a review becomes public: 20 business days after the review ends, plus `extraDays`. */
export function disseminationAfter(reviewEnd: string, extraDays = 3): string {
  return nextWeekday(addDays(addBusinessDays(reviewEnd, 20), extraDays));
}
