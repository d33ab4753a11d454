/**
 * Which listed filings are letters: CORRESP and UPLOAD become FilingRefs; the related forms outside the Letter
 * schema (SEC STAFF LETTER, SEC STAFF ACTION, DRSLTR) are skipped and counted; every other form is ignored.
 * `--forms`, `--since` and `--until` apply here. Pure.
 */
import { LETTER_FORMS, type LetterForm } from '../letter/schema.ts';
import type { FilingRef } from './filing-ref.ts';
import type { SubmissionsRow } from './submissions-json.ts';

/** Forms seen in review histories that are not letters of the schema: skipped, counted, never fetched. */
export const RELATED_FORMS = ['SEC STAFF LETTER', 'SEC STAFF ACTION', 'DRSLTR'] as const;

export function isLetterForm(form: string): form is LetterForm {
  return (LETTER_FORMS as readonly string[]).includes(form);
}

/** A related form (amendments such as "DRSLTR/A" included). */
export function isRelatedForm(form: string): boolean {
  const base = form.replace(/\/A$/, '');
  return (RELATED_FORMS as readonly string[]).includes(base);
}

export interface LetterSelection {
  /** Forms to keep; default both. */
  readonly forms?: readonly LetterForm[];
  /** filingDate >= since (YYYY-MM-DD). */
  readonly since?: string | null;
  /** filingDate <= until (YYYY-MM-DD). */
  readonly until?: string | null;
}

export interface SkippedFiling {
  readonly ref: FilingRef;
  readonly reason: string;
}

export interface SelectedFilings {
  readonly refs: FilingRef[];
  readonly skipped: SkippedFiling[];
}

function toRef(row: SubmissionsRow, cik: string): FilingRef {
  return {
    accessionNumber: row.accessionNumber,
    cik,
    form: row.form,
    filingDate: row.filingDate,
    acceptanceDateTime: row.acceptanceDateTime,
    fileNumber: row.fileNumbers[0] ?? null,
    primaryDocument: row.primaryDocument,
  };
}

/**
 * Picks the letters (and the skipped related forms) of one CIK's rows, within the date window and forms,
 * each accession once, oldest first.
 */
export function selectLetterFilings(
  rows: readonly SubmissionsRow[],
  cik: string,
  selection: LetterSelection = {},
): SelectedFilings {
  const forms = selection.forms ?? LETTER_FORMS;
  const seen = new Set<string>();
  const refs: FilingRef[] = [];
  const skipped: SkippedFiling[] = [];
  const ordered = [...rows].sort(
    (a, b) => a.filingDate.localeCompare(b.filingDate) || a.accessionNumber.localeCompare(b.accessionNumber),
  );
  for (const row of ordered) {
    if (selection.since && row.filingDate < selection.since) continue;
    if (selection.until && row.filingDate > selection.until) continue;
    if (seen.has(row.accessionNumber)) continue;
    if (isLetterForm(row.form)) {
      if (!forms.includes(row.form)) continue;
      seen.add(row.accessionNumber);
      refs.push(toRef(row, cik));
    } else if (isRelatedForm(row.form)) {
      seen.add(row.accessionNumber);
      skipped.push({ ref: toRef(row, cik), reason: `${row.form} is outside the Letter schema (CORRESP/UPLOAD only)` });
    }
  }
  return { refs, skipped };
}

/**
 * Reads a `--forms` value ("CORRESP,UPLOAD", "upload"): the letter forms it names, or an error message
 * naming what is accepted.
 */
export function parseFormsOption(value: string): { forms: LetterForm[] } | { error: string } {
  const forms: LetterForm[] = [];
  for (const part of value.split(/[,\s]+/).filter((p) => p !== '')) {
    const form = part.toUpperCase();
    if (!isLetterForm(form))
      return {
        error: `--forms ${value}: "${part}" is not a letter form; use CORRESP, UPLOAD or both (CORRESP,UPLOAD)`,
      };
    if (!forms.includes(form)) forms.push(form);
  }
  if (forms.length === 0) return { error: `--forms ${JSON.stringify(value)}: name CORRESP, UPLOAD or both` };
  return { forms };
}
