/** The JSON routes of DESIGN.md "Read API": lists with filters and cursors, one row by id, search, OpenAPI. */
import { Router, type Request } from 'express';
import { normalizeAccession } from '../identifiers.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { badRequest, notFound } from './http-error.ts';
import { loadLetterPage, loadSearchPage } from './letter-pages.ts';
import { openApiDocument } from './openapi.ts';
import { parseListQuery } from './query-filters.ts';
import type { ReviewSource } from './review-rows.ts';
import { sendJson } from './send-body.ts';

export interface ReadDeps {
  readonly store: DocumentStore;
  readonly reviews: ReviewSource;
}

/** A thread id from the route's wildcard: encoded ("a%2Fb") or not ("a/b"), both work. */
export function threadIdParam(req: Request): string {
  const value = (req.params as Record<string, string | string[]>)['threadId'];
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

export function apiRouter(deps: ReadDeps): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/api/openapi.json', (req, res) => sendJson(req, res, document));
  router.get('/api/letters', async (req, res) => {
    sendJson(req, res, await loadLetterPage(deps.store, parseListQuery('letters', req.query)));
  });
  router.get('/api/letters/:accession', async (req, res) => {
    const accession = normalizeAccession(req.params.accession);
    if (accession === null) throw badRequest(`${JSON.stringify(req.params.accession)} is not an accession number`);
    const letter = await deps.store.getLetter(accession);
    if (!letter) throw notFound(`no stored letter ${accession}`);
    sendJson(req, res, letter);
  });
  router.get('/api/conversations', async (req, res) => {
    const q = parseListQuery('conversations', req.query);
    sendJson(req, res, await deps.reviews.listConversations(q.filter, q.limit, q.cursor));
  });
  router.get('/api/conversations/*threadId', async (req, res) => {
    const threadId = threadIdParam(req);
    const review = await deps.reviews.getReview(threadId);
    if (!review) throw notFound(`no review ${JSON.stringify(threadId)}`);
    sendJson(req, res, review);
  });
  router.get('/api/comments', async (req, res) => {
    const q = parseListQuery('comments', req.query);
    sendJson(req, res, await deps.reviews.listComments(q.filter, q.limit, q.cursor));
  });
  router.get('/api/search', async (req, res) => {
    const q = parseListQuery('search', req.query);
    if (q.q === undefined) throw badRequest('q is required: plain words and "quoted phrases"');
    sendJson(req, res, await loadSearchPage(deps.store, { ...q, q: q.q }));
  });
  router.use('/api', (req) => {
    throw notFound(`no route ${req.path} (see /api/openapi.json)`);
  });
  return router;
}
