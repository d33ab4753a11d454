/**
 * EDGAR identifiers: CIKs, accession numbers, file numbers, and the backfill targets built from them.
 * Pure functions; every module that meets an identifier normalises it here, so there is one spelling.
 */

/** "0001508475" or "1508475" -> "1508475"; null when it is not a CIK. */
export function normalizeCik(value: string | number): string | null {
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text)) return null;
  const stripped = text.replace(/^0+/, '');
  return stripped === '' ? null : stripped;
}

/** "1508475" -> "0001508475", the ten-digit form in submissions file names. */
export function padCik(cik: string): string {
  return cik.padStart(10, '0');
}

const ACCESSION = /^(\d{10})-?(\d{2})-?(\d{6})$/;

/** "000119312514000946" or "0001193125-14-000946" -> "0001193125-14-000946"; null when malformed. */
export function normalizeAccession(value: string): string | null {
  const m = ACCESSION.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** "0001193125-14-000946" -> "000119312514000946", the folder name under Archives. */
export function accessionFolder(accession: string): string {
  return accession.replace(/-/g, '');
}

/**
 * EDGAR's spelling of a file number: prefix padded to 3 digits ("0-27512" -> "000-27512", "33-1234" ->
 * "033-1234"), suffixes kept ("333-199812-01"). Null when the text is not a file number.
 */
export function normalizeFileNumber(value: string): string | null {
  const m = /^\s*(\d{1,3})-(\d{1,8})((?:-\d{1,3})*)\s*$/.exec(value);
  if (!m) return null;
  return `${m[1]!.padStart(3, '0')}-${m[2]}${m[3]}`;
}

export type Target =
  { kind: 'file-number'; value: string } | { kind: 'cik'; value: string } | { kind: 'ticker'; value: string };

/**
 * Reads a backfill target as the CLI accepts it: a file number ("001-35126", "333-199812-01", "0-12345"),
 * a CIK ("1508475", "0001508475") or a ticker ("VNET", "BRK-B"). Null when it is none of these.
 */
export function parseTarget(raw: string): Target | null {
  const text = raw.trim();
  const fileNumber = normalizeFileNumber(text);
  if (fileNumber) return { kind: 'file-number', value: fileNumber };
  const cik = normalizeCik(text);
  if (cik) return { kind: 'cik', value: cik };
  if (/^[A-Za-z][A-Za-z0-9.-]{0,9}$/.test(text)) return { kind: 'ticker', value: text.toUpperCase() };
  return null;
}

/** A stable text key for a target: discover job ids, progress lines, state records. */
export function targetKey(target: Target): string {
  return `${target.kind}:${target.value}`;
}
