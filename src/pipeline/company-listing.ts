/**
 * A company's listing for discovery: its submissions JSON and the overflow pages that overlap the date window,
 * widened back by the reviewed-filing lookback (the others named as unread, for a later look). I/O through the
 * client and endpoints only.
 */
import {
  parseCompanySubmissions,
  parseSubmissionsPage,
  type SubmissionsPageRef,
  type SubmissionsRow,
} from '../discover/submissions-json.ts';
import { REVIEWED_FILING_LOOKBACK_DAYS } from '../analytics/reviewed-filing.ts';
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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The earliest filing date the listing must reach: a letter filed on `since` reviews a filing made before it (the
 * 10-K of the previous spring), and that filing's row is what resolves the review's reviewedFiling accession.
 * Without it, a --since run left the page holding the reviewed filing unread. Null (no lower bound) stays null.
 */
export function listingSince(since: string | null): string | null {
  if (since === null) return null;
  const start = Date.parse(`${since.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start)) return since;
  return new Date(start - REVIEWED_FILING_LOOKBACK_DAYS * DAY_MS).toISOString().slice(0, 10);
}

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
  const since = listingSince(window.since);
  for (const page of company.pages) {
    if (!overlaps(page, since, window.until)) {
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
