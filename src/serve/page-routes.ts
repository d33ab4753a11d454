/** The viewer's HTML routes (DESIGN.md "Pages"); each renders on the server from the same reads as the API. */
import { Router, type Response } from 'express';
import { normalizeAccession, normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import type { ReadDeps } from './api-routes.ts';
import { threadIdParam } from './api-routes.ts';
import { badRequest, notFound } from './http-error.ts';
import type { SafeHtml } from './html.ts';
import { loadSearchPage } from './letter-pages.ts';
import { reviewsPage } from './pages/company-page.ts';
import { letterPage } from './pages/letter-page.ts';
import { OVERVIEW_LIMITS, overviewPage, overviewStats } from './pages/overview-page.ts';
import { reviewPage } from './pages/review-page.ts';
import { searchPage } from './pages/search-page.ts';
import { STYLESHEET } from './pages/style.ts';
import { parseListQuery } from './query-filters.ts';
import type { Review, RowPage } from './review-rows.ts';

/** Rows per read when a page shows every review of a company or of the store. */
const BATCH = 1000;

/** Every row of a paged list, read page by page. */
async function allRows<T>(list: (limit: number, cursor: string | null) => Promise<RowPage<T>>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page: RowPage<T> = await list(BATCH, cursor);
    rows.push(...page.data);
    cursor = page.next;
  } while (cursor !== null);
  return rows;
}
/** The overview's counts group every row in the database: computed at most once a minute. */
const OVERVIEW_TTL_MS = 60_000;

function sendPage(res: Response, page: SafeHtml): void {
  res.type('html').send(page.value);
}

export function pageRouter(deps: ReadDeps): Router {
  const router = Router();
  let overview: { at: number; page: SafeHtml } | null = null;
  // Browsers ask for it unprompted; nothing to show, and a 404 would only litter their consoles.
  router.get('/favicon.ico', (_req, res) => void res.status(204).end());
  router.get('/assets/style.css', (_req, res) => {
    res.set('cache-control', 'public, max-age=300').type('css').send(STYLESHEET);
  });
  router.get('/', async (_req, res) => {
    if (!overview || performance.now() - overview.at > OVERVIEW_TTL_MS) {
      overview = { at: performance.now(), page: await renderOverview(deps) };
    }
    sendPage(res, overview.page);
  });
  router.get('/reviews/*threadId', async (req, res) => {
    const threadId = threadIdParam(req);
    const review = await deps.reviews.getReview(threadId);
    if (!review) throw notFound(`no review ${JSON.stringify(threadId)} is stored`);
    sendPage(res, reviewPage(review));
  });
  router.get('/letters/:accession', async (req, res) => {
    const accession = normalizeAccession(req.params.accession);
    if (accession === null) throw badRequest(`${JSON.stringify(req.params.accession)} is not an accession number`);
    const letter = await deps.store.getLetter(accession);
    if (!letter) throw notFound(`no stored letter ${accession}`);
    sendPage(res, letterPage(letter));
  });
  router.get('/companies/:cik', async (req, res) => {
    const cik = normalizeCik(req.params.cik);
    if (cik === null) throw badRequest(`${JSON.stringify(req.params.cik)} is not a CIK`);
    const reviews = await reviewsOf(deps, { cik });
    if (reviews.length === 0) throw notFound(`no stored review of CIK ${cik}`);
    sendPage(res, reviewsPage(`${reviews[0]!.conversation.companyName} (CIK ${cik})`, reviews));
  });
  router.get('/file-numbers/:fileNumber', async (req, res) => {
    const fileNumber = normalizeFileNumber(req.params.fileNumber);
    if (fileNumber === null) throw badRequest(`${JSON.stringify(req.params.fileNumber)} is not a file number`);
    const reviews = await reviewsOf(deps, { fileNumber });
    if (reviews.length === 0) throw notFound(`no stored review of file number ${fileNumber}`);
    sendPage(res, reviewsPage(`File number ${fileNumber}`, reviews));
  });
  router.get('/search', async (req, res) => {
    const query = parseListQuery('search', req.query);
    const page = query.q === undefined ? null : await loadSearchPage(deps.store, { ...query, q: query.q });
    sendPage(res, searchPage(query, page?.data ?? null, page?.next ?? null));
  });
  return router;
}

async function reviewsOf(deps: ReadDeps, filter: { cik?: string; fileNumber?: string }): Promise<Review[]> {
  const data = await allRows((limit, cursor) => deps.reviews.listConversations(filter, limit, cursor));
  const reviews = await Promise.all(data.map((row) => deps.reviews.getReview(row.threadId)));
  return reviews.filter((r): r is Review => r !== null);
}

async function renderOverview(deps: ReadDeps): Promise<SafeHtml> {
  return overviewPage(overviewStats(await deps.store.overviewCounts(OVERVIEW_LIMITS)));
}
