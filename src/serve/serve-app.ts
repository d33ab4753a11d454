/**
 * The `serve` HTTP application: Host check first (421), then security headers, then the read-only routes;
 * anything but GET and HEAD is refused (405). Pages answer errors as a small HTML page, /api as
 * {"error": {"status", "message"}}. ETags are computed by express over each body (strong), and a matching
 * If-None-Match is answered 304, for pages and JSON alike.
 */
import { createServer, type Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { hostCheck, sendJsonError } from '../ops/host-check.ts';
import type { Logger } from '../log.ts';
import { apiRouter, type ReadDeps } from './api-routes.ts';
import { html, raw } from './html.ts';
import { HttpError } from './http-error.ts';
import { layout } from './pages/layout.ts';
import { pageRouter } from './page-routes.ts';

/**
 * No script at all, styles and images from this origin only, no framing, forms only to this origin.
 * `img-src data:` is not needed: charts are inline SVG elements, not images.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly allowedHosts?: readonly string[];
  readonly logger?: Logger;
}

export function createServeApp(deps: ReadDeps, options: ServeOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.set('query parser', 'simple');
  app.use(hostCheck({ boundHost: options.host, port: options.port, allowedHosts: options.allowedHosts }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.set(SECURITY_HEADERS);
    res.set('cache-control', 'no-cache');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJsonError(res, 405, `${req.method} is not served: this server is read-only`, { allow: 'GET, HEAD' });
    }
    next();
  });
  app.use(apiRouter(deps));
  app.use(pageRouter(deps));
  app.use((req: Request) => {
    throw new HttpError(404, `no page ${req.path}`);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = error instanceof HttpError ? error.status : 500;
    const message = error instanceof HttpError ? error.message : 'internal error (see the server log)';
    if (status === 500) options.logger?.error({ err: error, path: req.path }, 'serve: request failed');
    if (req.path.startsWith('/api/') || req.path === '/api') return sendJsonError(res, status, message);
    const title = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Error';
    res
      .status(status)
      .type('html')
      .send(
        layout(
          { title },
          html`<h1>${title}</h1>
            <p>${message}</p>
            <p>${raw('<a href="/">Overview</a>')}</p>`,
        ).value,
      );
  });
  return app;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on host:port (port 0: any free port) and serves the app until closed. */
export async function startServeServer(deps: ReadDeps, options: ServeOptions): Promise<RunningServer> {
  // The app needs the bound port for its Host check, so the server listens first and the app is attached after.
  const server: Server = createServer({ requireHostHeader: false });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  server.on('request', createServeApp(deps, { ...options, port }));
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
