/**
 * The EDGAR replica: a real HTTP server on 127.0.0.1 (random port) serving a ReplicaDataset in EDGAR's
 * formats, with EDGAR's manners: the User-Agent rule and the per-second rule (403 pages in EDGAR's wording,
 * a block that lengthens while requests keep coming), validators on Archives, `no-store` on data.sec.gov
 * paths, gzip when asked; faults on demand; every request logged with its arrival time.
 * Admin endpoints under /__replica/ (never counted nor logged) let another process read and steer it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzip } from 'node:zlib';
import { bombBody, type BombEncoding } from './bombs.ts';
import { isDeclaredUserAgent } from '../../config/env.ts';
import type { EdgarBases } from '../../src/edgar/endpoints.ts';
import { buildCatalog } from './catalog.ts';
import type { ReplicaDataset, ReplicaStream } from './dataset.ts';
import { emptyAtomFeed } from './formats/browse-atom.ts';
import { notFoundPage, rateExceededPage, serviceUnavailablePage, undeclaredToolPage } from './formats/pages.ts';
import { route, type Resource } from './routes.ts';
import { RateGuard, summarize, type ReplicaLogEntry, type ReplicaStats } from './traffic.ts';

export type FaultKind =
  | '500'
  | '503'
  /** 200 with an Atom feed without any entry (browse-edgar naming nothing). */
  | 'empty-feed'
  /** 200 with bytes that are neither Atom, JSON nor HTML. */
  | 'garbage'
  | 'reset'
  | 'slow-body'
  | 'drip-body'
  | 'truncated-body'
  | 'rate-limited'
  | 'undeclared-tool'
  | 'gzip-bomb'
  | 'deflate-bomb'
  | 'raw-deflate-bomb';

/** The Content-Encoding each bomb fault sends (a raw-deflate bomb is sent as `deflate`, without the zlib wrapper). */
const BOMBS: Partial<Record<FaultKind, BombEncoding>> = {
  'gzip-bomb': 'gzip',
  'deflate-bomb': 'deflate',
  'raw-deflate-bomb': 'raw-deflate',
};

export interface FaultSpec {
  /** Matches the request path and query: a substring, or a RegExp. */
  readonly path: string | RegExp;
  readonly kind: FaultKind;
  /** How many matching requests get the fault; default 1, Infinity for all. */
  readonly count?: number;
  /** slow-body: pause between body chunks; drip-body: between single bytes. Default 2000 ms. */
  readonly delayMs?: number;
  /** gzip-bomb, deflate-bomb, raw-deflate-bomb: bytes the body inflates to (zeros), default 1 GiB. */
  readonly inflatedBytes?: number;
  /** rate-limited: status of the page, 403 (default) or 429. */
  readonly status?: number;
  /**
   * Chance in [0, 1] that a matching request gets the fault (default 1): with count Infinity, a fault rate
   * over the whole run (the chaos benchmark's 5% 503s). A request the draw spares goes on to the next fault.
   */
  readonly rate?: number;
}

export interface ReplicaLimits {
  /** Requests allowed in any sliding second, as EDGAR: default 10; null disables the rule. */
  readonly maxRps: number | null;
  /** Length of a block, renewed by each request made during it; default 600 000 ms (EDGAR's 10 minutes). */
  readonly blockMs: number;
  /** Status of the rate-limit page: 403 (default, as EDGAR mostly answers) or 429. */
  readonly throttleStatus: 403 | 429;
}

export interface ReplicaOptions {
  readonly dataset: ReplicaDataset;
  readonly limits?: Partial<ReplicaLimits>;
  /** Refuse requests whose User-Agent declares no name and e-mail (default true, as EDGAR). */
  readonly requireUserAgent?: boolean;
  /** Rows in `filings.recent` of the submissions JSON (default 1000); the rest go to overflow pages. */
  readonly recentLimit?: number;
  /** Rows per submissions overflow page (default 1000). */
  readonly pageSize?: number;
  /** `filenum=` queries answer as the company-list feed even when one company matches. */
  readonly fileNumberAsList?: boolean;
  /** `filenum=` queries answer these CIKs for a file number (a wrong or stale browse-edgar index). */
  readonly fileNumberCiks?: Readonly<Record<string, readonly string[]>>;
  /** Full-text search hits a page (default 100, EDGAR's): smaller to exercise paging. */
  readonly eftsPageSize?: number;
  /** Port to listen on; default 0 (a free port). */
  readonly port?: number;
  /** EDGAR's today (YYYY-MM-DD, New York): later quarters of the full index answer 404. Default the clock. */
  readonly today?: string;
}

export interface FaultHandle {
  /** Matching requests still to be faulted. */
  remaining(): number;
}

export interface Replica {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** EDGAR bases pointing at the replica: www and data at its root, efts at /LATEST. */
  readonly bases: EdgarBases;
  /** Every request so far, in arrival order. */
  readonly log: readonly ReplicaLogEntry[];
  stats(): ReplicaStats;
  injectFault(spec: FaultSpec): FaultHandle;
  clearFaults(): void;
  /** Forgets the log, the rate counters and any block. */
  resetTraffic(): void;
  close(): Promise<void>;
}

interface ActiveFault {
  spec: FaultSpec;
  left: number;
}

export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const catalog = buildCatalog(options.dataset);
  const limits: ReplicaLimits = { maxRps: 10, blockMs: 600_000, throttleStatus: 403, ...options.limits };
  const requireUserAgent = options.requireUserAgent ?? true;
  let guard = new RateGuard(limits);
  const log: ReplicaLogEntry[] = [];
  let faults: ActiveFault[] = [];
  const sockets = new Set<Socket>();
  let www = '';

  const takeFault = (path: string): FaultSpec | null => {
    for (const fault of faults) {
      const hit = typeof fault.spec.path === 'string' ? path.includes(fault.spec.path) : fault.spec.path.test(path);
      if (hit && fault.left > 0) {
        if (fault.spec.rate !== undefined && Math.random() >= fault.spec.rate) continue;
        fault.left--;
        return fault.spec;
      }
    }
    return null;
  };

  const gzipCache = new WeakMap<Uint8Array, Promise<Buffer>>();
  const gzipped = (body: Uint8Array): Promise<Buffer> => {
    let cached = gzipCache.get(body);
    if (!cached) {
      cached = new Promise<Buffer>((resolve, reject) =>
        gzip(body, (error, out) => (error ? reject(error) : resolve(out))),
      );
      gzipCache.set(body, cached);
    }
    return cached;
  };

  const server = createServer((req, res) => {
    const at = performance.now();
    const path = req.url ?? '/';
    if (path.startsWith('/__replica/')) return admin(req, res, path);
    const entry: ReplicaLogEntry = {
      at,
      method: req.method ?? 'GET',
      path,
      status: 0,
      userAgent: String(req.headers['user-agent'] ?? ''),
      bytes: 0,
      fault: null,
      refusal: null,
    };
    log.push(entry);
    const send = (status: number, body: Uint8Array, headers: Record<string, string>) => {
      // A .gz file is sent as is (EDGAR does not encode it twice).
      const compress =
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
        body.length > 0 &&
        headers['content-type'] !== 'application/x-gzip';
      entry.status = status;
      headers['vary'] = 'Accept-Encoding';
      const write = (payload: Uint8Array) => {
        headers['content-length'] = String(payload.length);
        entry.bytes = payload.length;
        res.writeHead(status, headers);
        res.end(payload);
      };
      if (!compress) return write(body);
      headers['content-encoding'] = 'gzip';
      // Compressed on libuv's thread pool, once per body: a synchronous gzip of a large submission would hold
      // this event loop and stamp the requests arriving meanwhile late, bunching them in the rate count.
      gzipped(body).then(write, (error: unknown) => res.destroy(error as Error));
    };
    const html = (status: number, text: string) =>
      send(status, Buffer.from(text, 'utf8'), { 'content-type': 'text/html' });

    if (guard.arrive(at)) {
      entry.refusal = 'rate-limited';
      return html(limits.throttleStatus, rateExceededPage(Math.max(1, Math.round(limits.blockMs / 60_000))));
    }
    if (requireUserAgent && !isDeclaredUserAgent(entry.userAgent)) {
      entry.refusal = 'undeclared-tool';
      return html(403, undeclaredToolPage());
    }
    const fault = takeFault(path);
    if (fault) {
      entry.fault = fault.kind;
      switch (fault.kind) {
        case '500':
          return html(500, '<html><body><h1>Internal Server Error</h1></body></html>');
        case '503':
          return html(503, serviceUnavailablePage());
        case 'empty-feed':
          return send(200, Buffer.from(emptyAtomFeed(www), 'latin1'), { 'content-type': 'application/atom+xml' });
        case 'garbage':
          return send(200, Buffer.from('\u0000\u00ff{<feed garbage ]]>\u0007 not a feed\n', 'latin1'), {
            'content-type': 'text/html',
          });
        case 'reset':
          return req.socket.resetAndDestroy();
        case 'rate-limited':
          entry.refusal = 'rate-limited';
          return html(fault.status ?? 403, rateExceededPage(10));
        case 'undeclared-tool':
          entry.refusal = 'undeclared-tool';
          return html(403, undeclaredToolPage());
        case 'gzip-bomb':
        case 'deflate-bomb':
        case 'raw-deflate-bomb':
          // Whatever the client asked for, as a hostile server would: a small body that inflates without end.
          return void bombBody(BOMBS[fault.kind]!, fault.inflatedBytes ?? 1024 ** 3).then(
            (body) => {
              entry.status = 200;
              entry.bytes = body.length;
              res.writeHead(200, {
                'content-type': 'text/plain',
                'content-encoding': BOMBS[fault.kind] === 'gzip' ? 'gzip' : 'deflate',
                'content-length': String(body.length),
              });
              res.end(body);
            },
            (error: unknown) => res.destroy(error as Error),
          );
        default:
          break; // body faults need the resource first
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return html(405, '<h1>Method Not Allowed</h1>');
    const resource = route(catalog, path, { www, ...options });
    if (!resource) return html(404, notFoundPage(path));
    const headers = resourceHeaders(resource);
    if (resource.cache !== 'no-store' && resource.cache !== 'no-cache' && unchanged(req, resource.cache)) {
      entry.status = 304;
      res.writeHead(304, headers);
      return res.end();
    }
    if (resource.stream) return streamBody(req, res, entry, resource.stream, headers);
    if (fault?.kind === 'slow-body') return slowBody(res, entry, resource.body, headers, fault.delayMs ?? 2000);
    if (fault?.kind === 'drip-body') return dripBody(res, entry, resource.body, headers, fault.delayMs ?? 2000);
    if (fault?.kind === 'truncated-body') {
      headers['content-length'] = String(resource.body.length);
      entry.status = 200;
      entry.bytes = Math.floor(resource.body.length / 2);
      res.writeHead(200, headers);
      res.write(resource.body.subarray(0, entry.bytes), () => req.socket.destroy());
      return;
    }
    if (req.method === 'HEAD') {
      entry.status = 200;
      res.writeHead(200, { ...headers, 'content-length': String(resource.body.length) });
      return res.end();
    }
    send(200, resource.body, headers);
  });

  const admin = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const json = (value: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(path, 'http://replica.invalid');
    if (url.pathname === '/__replica/stats') return json({ ...summarize(log), clockOrigin: performance.timeOrigin });
    if (url.pathname === '/__replica/log') return json(log.slice(Number(url.searchParams.get('from') ?? 0) || 0));
    if (url.pathname === '/__replica/reset' && req.method === 'POST') {
      resetTraffic();
      return json({ ok: true });
    }
    if (url.pathname === '/__replica/faults' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          const spec = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<FaultSpec, 'count'> & {
            regex?: string;
            count?: number | null;
          };
          // JSON writes Infinity as null: a null count is every matching request.
          const { count, regex, ...rest } = spec;
          const fault: FaultSpec = {
            ...rest,
            ...(count === undefined ? {} : { count: count ?? Infinity }),
            path: regex ? new RegExp(regex) : spec.path,
          };
          injectFault(fault);
          // A bomb is answered once its body is built (seconds for 1 GiB): built on the first request instead,
          // it would keep that request waiting past a client's deadline.
          const bomb = BOMBS[fault.kind];
          const built = bomb ? bombBody(bomb, fault.inflatedBytes ?? 1024 ** 3) : Promise.resolve();
          void built.then(() => json({ ok: true }));
        } catch (error) {
          json({ error: String(error) }, 400);
        }
      });
      return;
    }
    json({ error: 'unknown admin endpoint' }, 404);
  };

  const injectFault = (spec: FaultSpec): FaultHandle => {
    const fault: ActiveFault = { spec, left: spec.count ?? 1 };
    faults.push(fault);
    return { remaining: () => fault.left };
  };
  const resetTraffic = () => {
    log.length = 0;
    guard = new RateGuard(limits);
  };

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  www = `http://127.0.0.1:${port}`;

  return {
    url: www,
    bases: { wwwUrl: www, dataUrl: www, eftsUrl: `${www}/LATEST` },
    log,
    stats: () => summarize(log),
    injectFault,
    clearFaults: () => {
      faults = [];
    },
    resetTraffic,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

function resourceHeaders(resource: Resource): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': resource.contentType };
  if (resource.cache === 'no-store' || resource.cache === 'no-cache') headers['cache-control'] = resource.cache;
  else {
    headers['etag'] = resource.cache.etag;
    headers['last-modified'] = resource.cache.lastModified;
  }
  return headers;
}

/** If-None-Match wins over If-Modified-Since (RFC 9110). */
function unchanged(req: IncomingMessage, cache: { etag: string; lastModified: string }): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(cache.etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && Date.parse(cache.lastModified) <= since;
  }
  return false;
}

/** Writes a streamed resource with backpressure; stops when the client goes away. */
function streamBody(
  req: IncomingMessage,
  res: ServerResponse,
  entry: ReplicaLogEntry,
  stream: ReplicaStream,
  headers: Record<string, string>,
): void {
  headers['content-length'] = String(stream.size);
  entry.status = 200;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  void (async () => {
    for await (const chunk of stream.chunks()) {
      if (res.destroyed) return;
      entry.bytes += chunk.length;
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    }
    res.end();
  })().catch(() => res.destroy());
}

function slowBody(
  res: ServerResponse,
  entry: ReplicaLogEntry,
  body: Uint8Array,
  headers: Record<string, string>,
  delayMs: number,
): void {
  headers['content-length'] = String(body.length);
  entry.status = 200;
  entry.bytes = body.length;
  res.writeHead(200, headers);
  const parts = 4;
  const size = Math.ceil(body.length / parts);
  let offset = 0;
  const next = () => {
    if (res.destroyed) return;
    const chunk = body.subarray(offset, offset + size);
    offset += size;
    if (offset >= body.length) return void res.end(chunk);
    res.write(chunk);
    setTimeout(next, delayMs).unref();
  };
  next();
}

/** One byte every `delayMs`, uncompressed: no single silence is long, yet the whole body takes for ever. */
function dripBody(
  res: ServerResponse,
  entry: ReplicaLogEntry,
  body: Uint8Array,
  headers: Record<string, string>,
  delayMs: number,
): void {
  headers['content-length'] = String(body.length);
  entry.status = 200;
  res.writeHead(200, headers);
  let offset = 0;
  const next = () => {
    if (res.destroyed) return;
    entry.bytes = offset + 1;
    if (offset + 1 >= body.length) return void res.end(body.subarray(offset));
    res.write(body.subarray(offset, offset + 1));
    offset++;
    setTimeout(next, delayMs).unref();
  };
  next();
}
