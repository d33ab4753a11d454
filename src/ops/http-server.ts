/** A small HTTP listener bound to 127.0.0.1 (metrics and dashboard are never exposed beyond the machine). */
import { createServer, type RequestListener, type Server } from 'node:http';

/** The only address our HTTP servers listen on. */
export const LOCAL_HOST = '127.0.0.1';

export interface LocalServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  readonly port: number;
  close(): Promise<void>;
}

export async function listenLocal(handler: RequestListener, port: number): Promise<LocalServer> {
  // A request without Host reaches the handler (Node would answer 400 itself), so a Host check answers it 421.
  const server: Server = createServer({ requireHostHeader: false }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOCAL_HOST, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
