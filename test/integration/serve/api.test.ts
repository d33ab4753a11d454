/**
 * The read API over the demo store: every route's answers match the OpenAPI document the server publishes,
 * cursors page through a list exactly once, ETags give 304, filters that do not apply are 400s, errors are
 * JSON, a foreign Host is refused 421 and writes 405.
 */
import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { startServeServer, type RunningServer } from '../../../src/serve/serve-app.ts';
import { StoreReviewSource } from '../../../src/serve/store-review-source.ts';
import { HOSTILE_THREAD, REVIEW_ID, openDemoStore, type DemoStore } from './demo-store.ts';

let demo: DemoStore;
let server: RunningServer;
let openapi: {
  paths: Record<string, { get: { responses: Record<string, { $ref?: string; content?: unknown }> } }>;
  components: { schemas: Record<string, unknown> };
};

before(async () => {
  demo = await openDemoStore();
  server = await startServeServer(
    { store: demo.store, reviews: new StoreReviewSource(demo.store) },
    { host: '127.0.0.1', port: 0 },
  );
  openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as typeof openapi;
});

after(async () => {
  await server?.close();
  await demo?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  const text = await res.text();
  return { res, status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Validates a 200 answer of `route` against the schema the OpenAPI document names for it. */
function assertMatchesDocument(route: string, body: unknown): void {
  const ok = openapi.paths[route]?.get.responses['200'] as { content: Record<string, { schema: { $ref: string } }> };
  const ref = ok.content['application/json']!.schema.$ref.split('/').at(-1)!;
  const schema = z.fromJSONSchema(openapi.components.schemas[ref] as Parameters<typeof z.fromJSONSchema>[0]);
  const result = schema.safeParse(body);
  assert.ok(result.success, `${route}: ${result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))}`);
}

/** A GET through node:http, the body as bytes (not decoded). */
function rawGetBytes(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: Buffer; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GET through node:http, with exactly the headers given (Host defaults to the server's). */
function rawGet(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function assertErrorShape(body: unknown, status: number): void {
  const error = (body as { error: { status: number; message: string } }).error;
  assert.equal(error.status, status);
  assert.ok(error.message.length > 0);
}

describe('serve read API', () => {
  it('answers every route in the shapes the OpenAPI document gives', async () => {
    const letters = await get('/api/letters?limit=3');
    assertMatchesDocument('/api/letters', letters.body);
    const first = (letters.body as { data: Array<{ accessionNumber: string }> }).data[0]!;
    assertMatchesDocument('/api/letters/{accession}', (await get(`/api/letters/${first.accessionNumber}`)).body);
    const conversations = await get('/api/conversations?fileNumber=001-35126');
    assertMatchesDocument('/api/conversations', conversations.body);
    const review = await get(`/api/conversations/${encodeURIComponent(REVIEW_ID)}`);
    assertMatchesDocument('/api/conversations/{threadId}', review.body);
    assertMatchesDocument('/api/comments', (await get('/api/comments?cik=1508475')).body);
    assertMatchesDocument('/api/search', (await get('/api/search?q=revenue')).body);
    for (const status of ['400', '404', '421']) {
      assert.ok(openapi.paths['/api/letters']!.get.responses[status], `documents ${status}`);
    }
  });

  it('the 001-35126 review holds its rounds, comments and responses', async () => {
    const { body } = await get(`/api/conversations/${encodeURIComponent(REVIEW_ID)}`);
    const review = body as {
      conversation: { rounds: number; status: string };
      comments: Array<{
        round: number;
        number: number;
        response: { text: string } | null;
        resolution: string;
        priorComments: number[];
      }>;
    };
    assert.equal(review.conversation.rounds, 2);
    assert.equal(review.conversation.status, 'complete');
    const first = review.comments.find((c) => c.round === 1 && c.number === 1)!;
    assert.match(first.response?.text ?? '', /respectfully advises/);
    const followed = review.comments.find((c) => c.round === 1 && c.number === 3)!;
    assert.notEqual(followed.resolution, 'addressed');
    assert.deepEqual(review.comments.find((c) => c.round === 2 && c.number === 1)!.priorComments, [3]);
    // An unencoded "/" in the id reaches the same review.
    assert.equal((await get(`/api/conversations/${REVIEW_ID}`)).status, 200);
  });

  it('lists letters without their full text unless include=text; the full letter is at its own route', async () => {
    type Row = { accessionNumber: string; text?: string; items: unknown[] };
    const rows = (await get('/api/letters?limit=3')).body as { data: Row[] };
    assert.ok(rows.data.length > 0);
    for (const row of rows.data) assert.equal('text' in row, false, `${row.accessionNumber} row has no text`);
    const withText = await get('/api/letters?limit=3&include=text');
    assertMatchesDocument('/api/letters', withText.body);
    const full = (withText.body as { data: Row[] }).data;
    for (const [i, row] of full.entries()) {
      const letter = (await get(`/api/letters/${row.accessionNumber}`)).body as Row;
      assert.equal(row.text, letter.text);
      assert.deepEqual({ ...rows.data[i], text: letter.text }, letter);
    }
    assertErrorShape((await get('/api/letters?include=everything')).body, 400);
    assertErrorShape((await get('/api/comments?include=text')).body, 400);
  });

  it('pages through every letter exactly once with the cursor', async () => {
    const all = (await get('/api/letters?limit=200')).body as {
      data: Array<{ accessionNumber: string }>;
      next: string | null;
    };
    assert.equal(all.next, null);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`/api/letters?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`))
        .body as typeof all;
      assert.ok(page.data.length <= 4);
      seen.push(...page.data.map((l) => l.accessionNumber));
      cursor = page.next;
    } while (cursor !== null);
    assert.deepEqual(
      seen,
      all.data.map((l) => l.accessionNumber),
    );
  });

  it('filters letters and search by form, topic and file number', async () => {
    const uploads = (await get('/api/letters?form=UPLOAD&fileNumber=001-35126')).body as {
      data: Array<{ form: string }>;
    };
    assert.ok(uploads.data.length > 0 && uploads.data.every((l) => l.form === 'UPLOAD'));
    const topical = (await get('/api/letters?topic=business_combinations')).body as {
      data: Array<{ items: Array<{ topics: string[] }> }>;
    };
    assert.ok(topical.data.length > 0);
    assert.ok(topical.data.every((l) => l.items.some((i) => i.topics.includes('business_combinations'))));
    const hits = (await get('/api/search?q=revenue&form=UPLOAD')).body as { data: Array<{ form: string }> };
    assert.ok(hits.data.every((h) => h.form === 'UPLOAD'));
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const path = `/api/conversations/${encodeURIComponent(REVIEW_ID)}`;
    const first = await get(path);
    const etag = first.res.headers.get('etag');
    assert.ok(etag);
    // node:http, not fetch: fetch adds Cache-Control: no-cache to conditional requests, which forbids a 304.
    const again = await rawGet(server.port, path, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const page = await rawGet(server.port, `/reviews/${encodeURIComponent(REVIEW_ID)}`);
    const pageTag = page.headers['etag'];
    assert.equal(typeof pageTag, 'string');
    assert.equal(
      (await rawGet(server.port, `/reviews/${encodeURIComponent(REVIEW_ID)}`, { 'if-none-match': String(pageTag) }))
        .status,
      304,
    );
  });

  it('gzips answers for a client that accepts gzip, the same body, and one ETag revalidates both', async () => {
    for (const path of ['/api/letters?limit=50', `/reviews/${encodeURIComponent(REVIEW_ID)}`]) {
      const plain = await rawGet(server.port, path);
      assert.equal(plain.headers['content-encoding'], undefined, path);
      const zipped = await rawGetBytes(server.port, path, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(zipped.headers['content-encoding'], 'gzip', path);
      assert.ok(zipped.body.length < Buffer.byteLength(plain.body) / 2, `${path}: ${zipped.body.length} bytes gzipped`);
      assert.equal(gunzipSync(zipped.body).toString('utf8'), plain.body, path);
      assert.match(String(zipped.headers['vary']), /accept-encoding/i);
      const tag = String(plain.headers['etag']);
      const again = await rawGet(server.port, path, { 'if-none-match': tag, 'accept-encoding': 'gzip' });
      assert.equal(again.status, 304, path);
      assert.equal(
        (await rawGet(server.port, path, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding'],
        undefined,
      );
    }
  });

  it('refuses filters that do not apply, bad values and unknown ids with JSON errors', async () => {
    for (const path of [
      '/api/conversations?form=UPLOAD',
      '/api/comments?kind=comment',
      '/api/letters?status=open',
      '/api/letters?limit=0',
      '/api/letters?since=2014-13-01',
      '/api/letters?cursor=not-ours',
      '/api/letters?colour=red',
      '/api/search',
    ]) {
      const { status, body } = await get(path);
      assert.equal(status, 400, path);
      assertErrorShape(body, 400);
    }
    assertErrorShape((await get('/api/letters/0000000000-99-999999')).body, 404);
    assertErrorShape((await get(`/api/conversations/${encodeURIComponent('no/such')}`)).body, 404);
    assertErrorShape((await get('/api/nothing')).body, 404);
  });

  it('refuses a foreign Host with 421 and any write with 405', async () => {
    const { port } = server;
    const foreign = await rawGet(port, '/api/letters', { host: `evil.example:${port}` });
    assert.equal(foreign.status, 421);
    assertErrorShape(JSON.parse(foreign.body), 421);
    const post = await fetch(`${server.url}/api/letters`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assertErrorShape(await post.json(), 405);
  });

  it('sends a script-free Content-Security-Policy on pages and JSON', async () => {
    for (const path of ['/', `/reviews/${encodeURIComponent(HOSTILE_THREAD)}`, '/api/letters']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, path);
      assert.doesNotMatch(csp, /script-src|unsafe-inline/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });
});
