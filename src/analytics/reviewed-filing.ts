/**
 * The filing under review (../DESIGN.md "conversations": `reviewedFiling`): form, fiscal year end and filed date
 * as the review's letters name it, and its accession resolved from the company's listed filings (the submissions
 * listing, or after `backfill --all` the full-index rows). Where no listed filing fits (a filing older than the
 * listing read), the staff letters' own SGML header names it: `PUBLIC REFERENCE ACCESSION NUMBER`, EDGAR's link
 * from an UPLOAD to the filing under review. Null accession when neither gives one. Pure.
 */
import { daysBetween } from '../letter/dates.ts';
import type { Reference } from '../letter/schema.ts';
import type { ReviewedFiling } from './rows.ts';

/** What the derivation reads of a listed filing (the store's ListedFiling satisfies it). */
export interface ListedFilingRow {
  readonly accessionNumber: string;
  readonly cik: string;
  readonly form: string | null;
  readonly filingDate: string | null;
  readonly reportDate: string | null;
  readonly fileNumbers: readonly string[];
}

/** How far a listed period may lie from the fiscal year end the letter names (52/53-week years, loose wording). */
const PERIOD_TOLERANCE_DAYS = 7;
/** How far a listed filing date may lie from the filed date the letter names. */
const FILED_TOLERANCE_DAYS = 3;
/**
 * How long before the first letter an unnamed-period filing may have been filed; also how far back discovery
 * reads a company's listing before its --since date, so that the reviewed filing has a row to resolve to.
 */
export const REVIEWED_FILING_LOOKBACK_DAYS = 400;
const LOOKBACK_DAYS = REVIEWED_FILING_LOOKBACK_DAYS;

const baseForm = (form: string): string => form.trim().toUpperCase().replace(/\/A$/, '');

const near = (a: string | null, b: string | null, days: number): boolean =>
  a !== null && b !== null && Math.abs(daysBetween(a, b)) <= days;

/** Listed filings of the named form (an amendment matches its original's form and back). */
function ofForm(listed: readonly ListedFilingRow[], form: string): ListedFilingRow[] {
  const base = baseForm(form);
  return listed.filter((r) => r.form !== null && baseForm(r.form) === base);
}

/** The best of several candidates: the exact form first, then the one filed last before the review opened. */
function best(candidates: readonly ListedFilingRow[], form: string, openedOn: string): ListedFilingRow | null {
  const exact = form.trim().toUpperCase();
  const before = candidates.filter((r) => r.filingDate === null || r.filingDate <= openedOn);
  const pool = before.length > 0 ? before : candidates;
  const ranked = [...pool].sort(
    (a, b) =>
      Number(b.form?.toUpperCase() === exact) - Number(a.form?.toUpperCase() === exact) ||
      (b.filingDate ?? '').localeCompare(a.filingDate ?? '') ||
      a.accessionNumber.localeCompare(b.accessionNumber),
  );
  return ranked[0] ?? null;
}

function resolveAccession(ref: Reference, listed: readonly ListedFilingRow[], openedOn: string): string | null {
  if (ref.form === null) return null;
  const form = ref.form;
  const candidates = ofForm(listed, form);
  if (ref.filedDate !== null) {
    const filed = candidates.filter((r) => near(r.filingDate, ref.filedDate, FILED_TOLERANCE_DAYS));
    if (filed.length > 0) return best(filed, form, openedOn)?.accessionNumber ?? null;
  }
  if (ref.fiscalYearEnd !== null) {
    const period = candidates.filter((r) => near(r.reportDate, ref.fiscalYearEnd, PERIOD_TOLERANCE_DAYS));
    return best(period, form, openedOn)?.accessionNumber ?? null;
  }
  if (ref.fileNumber !== null && /^333-/.test(ref.fileNumber)) {
    const registration = candidates.filter((r) => r.fileNumbers.includes(ref.fileNumber!));
    return best(registration, form, openedOn)?.accessionNumber ?? null;
  }
  if (ref.filedDate !== null) return null;
  const recent = candidates.filter(
    (r) => r.filingDate !== null && r.filingDate <= openedOn && daysBetween(r.filingDate, openedOn) <= LOOKBACK_DAYS,
  );
  return best(recent, form, openedOn)?.accessionNumber ?? null;
}

/**
 * The reviewed filing of a review: the first reference its letters name (staff letters first), with its accession
 * from the listed filings of the company, else from the first staff letter header's reference accession
 * (`headerAccessions`, in letter order) unless the listing shows that filing to be of another form. With no
 * filing named, the header's filing as the listing describes it (form, period and filed date unknown when the
 * listing does not hold it); null when neither the letters nor a header name a filing.
 */
export function resolveReviewedFiling(
  references: readonly Reference[],
  listed: readonly ListedFilingRow[],
  openedOn: string,
  headerAccessions: readonly (string | null)[] = [],
): ReviewedFiling | null {
  const header = headerAccessions.find((a): a is string => a !== null);
  const headerRow = header === undefined ? undefined : listed.find((r) => r.accessionNumber === header);
  const ref = references.find((r) => r.form !== null);
  if (!ref) {
    if (header === undefined) return null;
    return {
      form: headerRow?.form ?? null,
      fiscalYearEnd: headerRow?.reportDate ?? null,
      filedDate: headerRow?.filingDate ?? null,
      accessionNumber: header,
    };
  }
  const headerFits =
    header !== undefined && (headerRow?.form == null || baseForm(headerRow.form) === baseForm(ref.form!));
  return {
    form: ref.form,
    fiscalYearEnd: ref.fiscalYearEnd,
    filedDate: ref.filedDate,
    accessionNumber: resolveAccession(ref, listed, openedOn) ?? (headerFits ? header : null),
  };
}
