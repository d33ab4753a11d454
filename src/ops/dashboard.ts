/**
 * The queue dashboard: Bull Board (express) over the three queues, on 127.0.0.1:DASHBOARD_PORT. It shows
 * depths, running and failed jobs with their reasons, and the crawl job scheduler. Read-only unless
 * DASHBOARD_USER and DASHBOARD_PASSWORD are set: then every request needs them (HTTP basic auth) and the write
 * actions (retry, pause, clean, promote, add...) are enabled. Every request first passes the Host check
 * (host-check.ts), so a web page cannot reach the board through DNS rebinding.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queues } from '../queue/queues.ts';
import { basicAuth, type BasicCredentials } from './basic-auth.ts';
import { hostCheck, sendJsonError } from './host-check.ts';
import { LOCAL_HOST, listenLocal, type LocalServer } from './http-server.ts';

export interface DashboardOptions {
  /** DASHBOARD_USER and DASHBOARD_PASSWORD; null or absent: read-only, no authentication. */
  readonly auth?: BasicCredentials | null;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Refuses anything but reads, whatever Bull Board's own routes would do with it. */
function readOnly(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (READ_METHODS.has(req.method ?? 'GET')) return next();
  sendJsonError(
    res,
    405,
    'the dashboard is read-only: set DASHBOARD_USER and DASHBOARD_PASSWORD to enable its write actions',
    { allow: 'GET, HEAD' },
  );
}

export async function startDashboard(
  queues: Queues,
  port: number,
  options: DashboardOptions = {},
): Promise<LocalServer> {
  const auth = options.auth ?? null;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/');
  createBullBoard({
    queues: Object.values(queues).map((queue) => new BullMQAdapter(queue, { readOnlyMode: auth === null })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'edgar-corresp' } },
  });
  const app = express();
  app.disable('x-powered-by');
  // The Host check needs the port, known once listening (port 0: the system's choice). The app is complete
  // before this function returns, and no request is read before then: same tick, no I/O in between.
  let handler: ReturnType<typeof express> | null = null;
  const server = await listenLocal((req, res) => {
    if (handler) handler(req, res);
    else sendJsonError(res, 503, 'the dashboard is starting');
  }, port);
  app.use(hostCheck({ boundHost: LOCAL_HOST, port: server.port }));
  app.use(auth === null ? readOnly : basicAuth(auth, 'edgar-corresp dashboard'));
  app.use('/', serverAdapter.getRouter());
  handler = app;
  return server;
}
