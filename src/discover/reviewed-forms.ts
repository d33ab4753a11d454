/**
 * The forms whose filings the staff's letters review, and which listed filings the store keeps (listed_filings):
 * every row that carries a file number, and every row of a reviewed form. A review's letters name the filing
 * under review; issue-12-style analytics resolve it from these rows. The one list of reviewed forms. Pure.
 */

/** Reviewed forms, without their amendment suffix ("10-K/A" counts as 10-K). */
export const REVIEWED_FORMS = [
  // Periodic reports.
  '10-K',
  '10-Q',
  '20-F',
  '40-F',
  '10-KT',
  '10-QT',
  '11-K',
  'N-CSR',
  // Current reports.
  '8-K',
  '6-K',
  // Registration statements and offering documents.
  'S-1',
  'S-3',
  'S-4',
  'S-8',
  'S-11',
  'F-1',
  'F-3',
  'F-4',
  'F-10',
  'DRS',
  '10-12B',
  '10-12G',
  'N-2',
  '424B1',
  '424B3',
  '424B4',
  // Proxies and information statements.
  'DEF 14A',
  'PRE 14A',
  'DEFM14A',
  'PREM14A',
  'PRER14A',
  'DEF 14C',
  'PRE 14C',
  'DEFM14C',
  'PREM14C',
  // Tender offers and going-private transactions.
  'SC TO-I',
  'SC TO-T',
  'SC 14D9',
  'SC 13E3',
  'SC 13D',
  // Offering statements.
  '1-A',
] as const;

const REVIEWED = new Set<string>(REVIEWED_FORMS);

/** Whether the staff reviews filings of this form (its amendments included). */
export function isReviewedForm(form: string): boolean {
  return REVIEWED.has(form.trim().toUpperCase().replace(/\/A$/, ''));
}

/** Whether a listed filing is kept: it carries a file number, or is of a reviewed form. */
export function isKeptListing(row: { readonly form: string; readonly fileNumbers: readonly string[] }): boolean {
  return row.fileNumbers.length > 0 || isReviewedForm(row.form);
}
