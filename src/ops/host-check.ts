/**
 * The Host check of our HTTP servers (the queue dashboard now, `serve` later), as DESIGN.md states it: a server
 * bound to a loopback address answers only requests whose Host is 127.0.0.1, localhost or [::1] with its port;
 * bound elsewhere, only the bound host and each allowed host. Anything else is answered 421 with the JSON error
 * shape. Why: a web page the browser loads from any site can make it send requests to 127.0.0.1 under a name
 * the attacker controls (DNS rebinding); such a request carries the attacker's name as its Host, so refusing
 * unknown Hosts refuses it. `acceptsHost` is the pure rule; `hostCheck` the tiny middleware around it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';

export interface HostCheckOptions {
  /** The address or name the server listens on: 127.0.0.1, ::1, localhost, 0.0.0.0, a host name. */
  readonly boundHost: string;
  /** The port it listens on. */
  readonly port: number;
  /**
   * Hosts accepted besides the bound one when not bound to loopback (`serve --allowed-host`): `name` (any port,
   * as behind a reverse proxy) or `name:port`.
   */
  readonly allowedHosts?: readonly string[];
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** Whether an address or name is loopback: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/** A Host header split into a lower-case name (IPv6 in brackets) and a port (null when absent); null if malformed. */
export function parseHostHeader(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return null;
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && port > 65535) return null;
  return { name: match[1]!.toLowerCase(), port };
}

/** The name a bound address is reached by in a Host header: IPv6 addresses in brackets. */
function hostName(address: string): string {
  const name = address.toLowerCase();
  return isIP(name) === 6 ? `[${name}]` : name;
}

/** Whether a request with this Host header may be answered (the pure rule; see the module comment). */
export function acceptsHost(header: string | undefined, options: HostCheckOptions): boolean {
  if (header === undefined) return false;
  const host = parseHostHeader(header);
  if (host === null) return false;
  // Browsers leave the port out only when it is the scheme's default.
  const samePort = (host.port ?? 80) === options.port;
  if (isLoopback(options.boundHost)) {
    return samePort && (LOOPBACK_NAMES as readonly string[]).includes(host.name);
  }
  if (samePort && host.name === hostName(options.boundHost)) return true;
  return (options.allowedHosts ?? []).some((entry) => {
    const allowed = parseHostHeader(entry);
    return allowed !== null && allowed.name === host.name && (allowed.port === null || allowed.port === host.port);
  });
}

/** Answers `status` with the JSON error shape of DESIGN.md: {"error": {"status": N, "message": "..."}}. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error: { status, message } });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

/** Middleware (express or plain node:http): 421 unless `acceptsHost`, else `next()`. */
export function hostCheck(options: HostCheckOptions) {
  const expected = isLoopback(options.boundHost)
    ? LOOPBACK_NAMES.map((name) => `${name}:${options.port}`).join(', ')
    : [`${hostName(options.boundHost)}:${options.port}`, ...(options.allowedHosts ?? [])].join(', ');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const header = req.headers.host;
    if (acceptsHost(header, options)) return next();
    sendJsonError(
      res,
      421,
      `misdirected request: Host ${JSON.stringify(header ?? null)} is not served here; use one of ${expected}`,
    );
  };
}
