/**
 * The OpenAPI 3.1 document served at /api/openapi.json, generated from the zod schemas the responses are
 * built to (api-schemas.ts), so the document and the answers cannot disagree silently: a test checks each
 * route's answers against this document.
 */
import { z } from 'zod';
import {
  CommentRowSchema,
  ConversationRowSchema,
  ErrorSchema,
  LetterRowSchema,
  LetterSchema,
  ReviewSchema,
  SearchHitSchema,
  pageSchema,
} from './api-schemas.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, routeFilters, type ListRoute } from './query-filters.ts';

const FILTER_DOCS: Record<string, string> = {
  q: 'plain words (all must match) and "quoted phrases"',
  fileNumber: 'file number, e.g. 001-35126',
  cik: 'CIK, with or without leading zeros',
  since: 'YYYY-MM-DD, inclusive',
  until: 'YYYY-MM-DD, inclusive',
  form: 'CORRESP or UPLOAD (comma-separated)',
  kind: 'letter kind (comma-separated)',
  topic: 'topic of DESIGN.md (revenue, non_gaap, ...)',
  authority: 'normalised authority, e.g. ASC 606',
  status: 'conversations: complete|answered|open; comments: addressed|followed_up|reissued|open',
};

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });

function parameters(table: ListRoute) {
  const filters = routeFilters(table).map((name) => ({
    name,
    in: 'query',
    required: name === 'q',
    description: FILTER_DOCS[name],
    schema: { type: 'string' },
  }));
  return [
    ...filters,
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
    { name: 'cursor', in: 'query', description: 'the previous page\'s "next"', schema: { type: 'string' } },
    ...(table === 'letters' ? [INCLUDE_PARAMETER] : []),
  ];
}

const INCLUDE_PARAMETER = {
  name: 'include',
  in: 'query',
  description:
    "rows carry each letter's metadata and items; include=text adds its full text (else at /api/letters/{accession})",
  schema: { type: 'string', enum: ['text'] },
};

const ERROR_RESPONSES = {
  '400': { $ref: '#/components/responses/Error' },
  '404': { $ref: '#/components/responses/Error' },
  '421': { $ref: '#/components/responses/Error' },
};

function ok(ref: string, description: string) {
  return {
    '200': { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } },
    '304': { description: 'not modified (If-None-Match matched the ETag)' },
    ...ERROR_RESPONSES,
  };
}

function byId(name: string, description: string) {
  return [{ name, in: 'path', required: true, description, schema: { type: 'string' } }];
}

/** The document (built once per server). */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'edgar-corresp read API',
      version: '1',
      description: 'Read-only JSON over the stored SEC correspondence: letters, reviews (conversations) and comments.',
    },
    paths: {
      '/api/letters': {
        get: {
          parameters: parameters('letters'),
          responses: ok('LetterPage', 'letters without their full text unless include=text'),
        },
      },
      '/api/letters/{accession}': {
        get: { parameters: byId('accession', 'accession number'), responses: ok('Letter', 'one letter') },
      },
      '/api/conversations': {
        get: { parameters: parameters('conversations'), responses: ok('ConversationPage', 'reviews') },
      },
      '/api/conversations/{threadId}': {
        get: {
          parameters: byId('threadId', 'thread id, URL-encoded (it may hold "/")'),
          responses: ok('Review', 'the review with its letters and comments'),
        },
      },
      '/api/comments': { get: { parameters: parameters('comments'), responses: ok('CommentPage', 'staff comments') } },
      '/api/search': { get: { parameters: parameters('search'), responses: ok('SearchPage', 'best matches first') } },
      '/api/openapi.json': { get: { responses: { '200': { description: 'this document' } } } },
    },
    components: {
      schemas: {
        Letter: schema(LetterSchema),
        LetterRow: schema(LetterRowSchema),
        LetterPage: schema(pageSchema(LetterRowSchema)),
        ConversationPage: schema(pageSchema(ConversationRowSchema)),
        Review: schema(ReviewSchema),
        CommentPage: schema(pageSchema(CommentRowSchema)),
        SearchPage: schema(pageSchema(SearchHitSchema)),
        Error: schema(ErrorSchema),
      },
      responses: {
        Error: {
          description: 'an error: its status and a message',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
