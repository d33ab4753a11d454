/**
 * The queue dashboard: Bull Board (express) over the three queues, on 127.0.0.1:DASHBOARD_PORT. It shows
 * depths, running and failed jobs with their reasons, and the crawl job scheduler; it can retry failed jobs.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import type { Queues } from '../queue/queues.ts';
import { listenLocal, type LocalServer } from './http-server.ts';

export async function startDashboard(queues: Queues, port: number): Promise<LocalServer> {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/');
  createBullBoard({
    queues: Object.values(queues).map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'edgar-corresp' } },
  });
  const app = express();
  app.disable('x-powered-by');
  app.use('/', serverAdapter.getRouter());
  return listenLocal(app, port);
}
