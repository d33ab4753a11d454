/** The viewer's HTML routes (DESIGN.md "Pages"); each renders on the server from the same reads as the API. */
import { Router, type Request, type Response } from 'express';
import { normalizeAccession, normalizeCik, normalizeFileNumber } from '../identifiers.ts';
import type { ReadDeps } from './api-routes.ts';
import { threadIdParam } from './api-routes.ts';
import { badRequest, notFound } from './http-error.ts';
import type { SafeHtml } from './html.ts';
import { loadSearchPage } from './letter-pages.ts';
import { reviewsPage, type ReviewsPage } from './pages/company-page.ts';
import { letterPage } from './pages/letter-page.ts';
import { OVERVIEW_LIMITS, overviewPage, overviewStats } from './pages/overview-page.ts';
import { reviewPage } from './pages/review-page.ts';
import { searchPage } from './pages/search-page.ts';
import { STYLESHEET } from './pages/style.ts';
import { sendBody } from './send-body.ts';
import { parseListQuery } from './query-filters.ts';
import type { Review } from './review-rows.ts';

/** Reviews per company or file-number page (a link leads to the next ones). */
export const REVIEWS_PER_PAGE = 20;
/** The overview's counts group every row in the database: computed at most once a minute. */
const OVERVIEW_TTL_MS = 60_000;

function sendPage(req: Request, res: Response, page: SafeHtml): void {
  sendBody(req, res, page.value, 'html');
}

export function pageRouter(deps: ReadDeps): Router {
  const router = Router();
  let overview: { at: number; page: SafeHtml } | null = null;
  // Browsers ask for it unprompted; nothing to show, and a 404 would only litter their consoles.
  router.get('/favicon.ico', (_req, res) => void res.status(204).end());
  router.get('/assets/style.css', (_req, res) => {
    res.set('cache-control', 'public, max-age=300').type('css').send(STYLESHEET);
  });
  router.get('/', async (req, res) => {
    if (!overview || performance.now() - overview.at > OVERVIEW_TTL_MS) {
      overview = { at: performance.now(), page: await renderOverview(deps) };
    }
    sendPage(req, res, overview.page);
  });
  router.get('/reviews/*threadId', async (req, res) => {
    const threadId = threadIdParam(req);
    const review = await deps.reviews.getReview(threadId);
    if (!review) throw notFound(`no review ${JSON.stringify(threadId)} is stored`);
    const part = partParam(req.query);
    const page = reviewPage(review, part);
    if (!page) throw notFound(`review ${JSON.stringify(threadId)} has no part ${part}`);
    sendPage(req, res, page);
  });
  router.get('/letters/:accession', async (req, res) => {
    const accession = normalizeAccession(req.params.accession);
    if (accession === null) throw badRequest(`${JSON.stringify(req.params.accession)} is not an accession number`);
    const letter = await deps.store.getLetter(accession);
    if (!letter) throw notFound(`no stored letter ${accession}`);
    const part = partParam(req.query);
    const page = letterPage(letter, part);
    if (!page) throw notFound(`letter ${accession} has no part ${part}`);
    sendPage(req, res, page);
  });
  router.get('/companies/:cik', async (req, res) => {
    const cik = normalizeCik(req.params.cik);
    if (cik === null) throw badRequest(`${JSON.stringify(req.params.cik)} is not a CIK`);
    const page = await reviewsOf(deps, { cik }, cursorParam(req.query));
    if (page.reviews.length === 0) throw notFound(`no stored review of CIK ${cik}`);
    sendPage(req, res, reviewsPage(`${page.reviews[0]!.conversation.companyName} (CIK ${cik})`, page));
  });
  router.get('/file-numbers/:fileNumber', async (req, res) => {
    const fileNumber = normalizeFileNumber(req.params.fileNumber);
    if (fileNumber === null) throw badRequest(`${JSON.stringify(req.params.fileNumber)} is not a file number`);
    const page = await reviewsOf(deps, { fileNumber }, cursorParam(req.query));
    if (page.reviews.length === 0) throw notFound(`no stored review of file number ${fileNumber}`);
    sendPage(req, res, reviewsPage(`File number ${fileNumber}`, page));
  });
  router.get('/search', async (req, res) => {
    const query = parseListQuery('search', req.query);
    const page = query.q === undefined ? null : await loadSearchPage(deps.store, { ...query, q: query.q });
    sendPage(req, res, searchPage(query, page?.data ?? null, page?.next ?? null));
  });
  return router;
}

/**
 * One page of a company's or file number's reviews, in the conversations' order (first letter date, thread):
 * a company with hundreds of reviews (thousands of letters) would otherwise be read and rendered whole.
 */
async function reviewsOf(
  deps: ReadDeps,
  filter: { cik?: string; fileNumber?: string },
  cursor: string | null,
): Promise<ReviewsPage> {
  const page = await deps.reviews.listConversations(filter, REVIEWS_PER_PAGE, cursor);
  const reviews = await Promise.all(page.data.map((row) => deps.reviews.getReview(row.threadId)));
  return { reviews: reviews.filter((r): r is Review => r !== null), next: page.next, first: cursor === null };
}

function cursorParam(query: unknown): string | null {
  const value = (query as Record<string, unknown>)['cursor'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value === '')
    throw badRequest('cursor must be a cursor from a "later reviews" link');
  return value;
}

/** `?part=N` of a long review or letter page (page-parts.ts); 1 when absent. */
function partParam(query: unknown): number {
  const value = (query as Record<string, unknown>)['part'];
  if (value === undefined || value === '') return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,3}$/.test(value))
    throw badRequest(`part must be a whole number from 1 to 9999, not ${JSON.stringify(value)}`);
  return Number(value);
}

async function renderOverview(deps: ReadDeps): Promise<SafeHtml> {
  return overviewPage(overviewStats(await deps.store.overviewCounts(OVERVIEW_LIMITS)));
}
