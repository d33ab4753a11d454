import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startDashboard } from '../../../src/ops/dashboard.ts';
import type { LocalServer } from '../../../src/ops/http-server.ts';
import { closeQueues, openQueues, type Queues } from '../../../src/queue/queues.ts';
import type { QueueConnection } from '../../../src/queue/redis-connection.ts';
import { deletePrefix, requireSharedRedis, uniquePrefix } from './support/redis.ts';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request over real HTTP to 127.0.0.1, with the Host header and credentials given (null: no Host at all). */
function call(
  port: number,
  method: string,
  path: string,
  options: { host?: string | null; auth?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.auth) headers.authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: options.host !== null }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    if (options.host) req.setHeader('host', options.host);
    req.on('error', reject);
    req.end(method === 'POST' || method === 'PUT' || method === 'PATCH' ? '{}' : undefined);
  });
}

/** Every write action Bull Board offers, on the parse queue and one of its jobs. */
const WRITES: readonly [string, string][] = [
  ['PUT', '/api/queues/pause'],
  ['PUT', '/api/queues/parse/pause'],
  ['PUT', '/api/queues/parse/retry/failed'],
  ['PUT', '/api/queues/parse/clean/waiting'],
  ['PUT', '/api/queues/parse/promote'],
  ['PUT', '/api/queues/parse/empty'],
  ['PUT', '/api/queues/parse/obliterate'],
  ['POST', '/api/queues/parse/add'],
  ['PUT', '/api/queues/parse/0001193125-14-000946/retry'],
  ['PUT', '/api/queues/parse/0001193125-14-000946/clean'],
  ['PUT', '/api/queues/parse/0001193125-14-000946/promote'],
  ['PATCH', '/api/queues/parse/0001193125-14-000946/update-data'],
];

describe('queue dashboard access', () => {
  let connection: QueueConnection;
  let queues: Queues;

  before(async () => {
    connection = { url: await requireSharedRedis(), prefix: uniquePrefix('dashboard') };
    queues = openQueues(connection);
    await queues.parse.add('parse', { y: 2 }, { jobId: '0001193125-14-000946' });
  });
  after(async () => {
    await closeQueues(queues);
    await deletePrefix(connection.url, connection.prefix);
  });

  describe('without DASHBOARD_USER and DASHBOARD_PASSWORD', () => {
    let server: LocalServer;
    before(async () => {
      server = await startDashboard(queues, 0);
    });
    after(() => server.close());

    it('shows the queues and their jobs', async () => {
      const host = `127.0.0.1:${server.port}`;
      assert.equal((await call(server.port, 'GET', '/', { host })).status, 200);
      const api = await call(server.port, 'GET', '/api/queues?activeQueue=parse&status=waiting&page=1', { host });
      assert.equal(api.status, 200);
      const body = JSON.parse(api.body) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
      assert.deepEqual(body.queues.map((q) => q.name).sort(), ['discover', 'fetch', 'parse']);
      assert.ok(
        body.queues.every((q) => q.readOnlyMode),
        'the board shows no write buttons',
      );
    });

    it('refuses every write action with 405 and changes nothing', async () => {
      for (const [method, path] of WRITES) {
        const answer = await call(server.port, method, path, { host: `localhost:${server.port}` });
        assert.equal(answer.status, 405, `${method} ${path}: ${answer.status} ${answer.body}`);
        const error = JSON.parse(answer.body) as { error: { status: number; message: string } };
        assert.equal(error.error.status, 405);
        assert.match(error.error.message, /read-only.*DASHBOARD_USER and DASHBOARD_PASSWORD/);
      }
      assert.equal(await queues.parse.isPaused(), false);
      assert.equal(await queues.parse.getJobCountByTypes('waiting'), 1);
    });

    it('answers Host 127.0.0.1, localhost and [::1] with its port, and 421 to any other Host', async () => {
      const { port } = server;
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
        assert.equal((await call(port, 'GET', '/', { host })).status, 200, host);
      }
      for (const host of [
        `evil.example:${port}`,
        `localhost.evil.example:${port}`,
        `127.0.0.1.nip.io:${port}`,
        `127.0.0.1:${port + 1}`,
        '127.0.0.1',
        'localhost',
        `[::2]:${port}`,
        `user@127.0.0.1:${port}`,
        null,
      ]) {
        for (const [method, path] of [['GET', '/'], ['GET', '/api/queues'], WRITES[1]!] as const) {
          const answer = await call(port, method, path, { host });
          assert.equal(answer.status, 421, `${String(host)} ${method} ${path}: ${answer.status}`);
          const error = JSON.parse(answer.body) as { error: { status: number; message: string } };
          assert.equal(error.error.status, 421);
          assert.match(error.error.message, /Host/);
        }
      }
    });
  });

  describe('with DASHBOARD_USER and DASHBOARD_PASSWORD', () => {
    let server: LocalServer;
    const auth = { user: 'ops', password: 'correct horse: battery staple' };
    before(async () => {
      server = await startDashboard(queues, 0, { auth });
    });
    after(() => server.close());

    it('asks for basic auth on every request and refuses wrong credentials', async () => {
      const host = `127.0.0.1:${server.port}`;
      for (const credentials of [undefined, 'ops:wrong', 'other:correct horse: battery staple', 'ops', 'ops:']) {
        const answer = await call(server.port, 'GET', '/', { host, auth: credentials });
        assert.equal(answer.status, 401, String(credentials));
        assert.match(String(answer.headers['www-authenticate']), /^Basic realm="[^"]+"/);
        assert.equal((JSON.parse(answer.body) as { error: { status: number } }).error.status, 401);
      }
      assert.equal((await call(server.port, 'GET', '/', { host, auth: `${auth.user}:${auth.password}` })).status, 200);
    });

    it('lets the authenticated user pause and resume a queue', async () => {
      const host = `127.0.0.1:${server.port}`;
      const credentials = `${auth.user}:${auth.password}`;
      assert.equal((await call(server.port, 'PUT', '/api/queues/parse/pause', { host })).status, 401);
      assert.equal(await queues.parse.isPaused(), false);
      assert.equal(
        (await call(server.port, 'PUT', '/api/queues/parse/pause', { host, auth: credentials })).status,
        200,
      );
      assert.equal(await queues.parse.isPaused(), true);
      assert.equal(
        (await call(server.port, 'PUT', '/api/queues/parse/resume', { host, auth: credentials })).status,
        200,
      );
      assert.equal(await queues.parse.isPaused(), false);
    });

    it('checks the Host before the credentials', async () => {
      const answer = await call(server.port, 'PUT', '/api/queues/parse/pause', {
        host: `evil.example:${server.port}`,
        auth: `${auth.user}:${auth.password}`,
      });
      assert.equal(answer.status, 421);
      assert.equal(await queues.parse.isPaused(), false);
    });
  });
});
