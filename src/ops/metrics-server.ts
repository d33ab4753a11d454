/** Serves the Prometheus text format at /metrics on 127.0.0.1:METRICS_PORT. */
import type { Metrics } from './metrics.ts';
import { listenLocal, type LocalServer } from './http-server.ts';

export async function startMetricsServer(metrics: Metrics, port: number): Promise<LocalServer> {
  return listenLocal((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '/').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${String(error)}\n`),
    );
  }, port);
}
