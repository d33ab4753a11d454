/**
 * A company's listing for discovery: its submissions JSON and the overflow pages that overlap the date window
 * (the others named as unread, for a later look). I/O through the client and endpoints only.
 */
import {
  parseCompanySubmissions,
  parseSubmissionsPage,
  type SubmissionsPageRef,
  type SubmissionsRow,
} from '../discover/submissions-json.ts';
import type { EdgarClient } from '../edgar/client.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

export interface DateWindow {
  readonly since: string | null;
  readonly until: string | null;
}

export interface CompanyListing {
  readonly cik: string;
  readonly name: string;
  readonly rows: SubmissionsRow[];
  /** Overflow pages not read (outside the date window). */
  readonly unread: SubmissionsPageRef[];
}

const overlaps = (page: SubmissionsPageRef, since: string | null, until: string | null) =>
  !(since && page.filingTo && page.filingTo < since) && !(until && page.filingFrom && page.filingFrom > until);

export async function loadListing(
  client: EdgarClient,
  deps: PipelineDeps,
  cik: string,
  window: DateWindow,
  warnings: string[],
): Promise<CompanyListing> {
  const url = deps.endpoints.submissions(cik);
  const company = parseCompanySubmissions(await client.getJson(url), url);
  warnings.push(...company.warnings);
  const rows = [...company.rows];
  const unread: SubmissionsPageRef[] = [];
  for (const page of company.pages) {
    if (!overlaps(page, window.since, window.until)) {
      unread.push(page);
      continue;
    }
    rows.push(...(await readPage(client, deps, page, warnings)));
  }
  return { cik: company.cik, name: company.name, rows, unread };
}

export async function readPage(
  client: EdgarClient,
  deps: PipelineDeps,
  page: SubmissionsPageRef,
  warnings: string[],
): Promise<SubmissionsRow[]> {
  const url = deps.endpoints.submissionsPage(page.name);
  const parsed = parseSubmissionsPage(await client.getJson(url), url);
  warnings.push(...parsed.warnings);
  return parsed.rows;
}
