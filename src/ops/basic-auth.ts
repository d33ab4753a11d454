/**
 * HTTP basic authentication for the dashboard's write actions: one user and password (DASHBOARD_USER and
 * DASHBOARD_PASSWORD), compared in constant time (both sides hashed first, so neither length nor content leaks
 * through timing). A refusal is a 401 with a Basic challenge and the JSON error shape.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJsonError } from './host-check.ts';

export interface BasicCredentials {
  readonly user: string;
  readonly password: string;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The user and password of an `Authorization: Basic ...` header, or null. */
export function parseBasicAuth(header: string | undefined): BasicCredentials | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Whether the header carries exactly these credentials; every comparison takes the same time. */
export function matchesCredentials(header: string | undefined, expected: BasicCredentials): boolean {
  const given = parseBasicAuth(header);
  const user = timingSafeEqual(digest(given?.user ?? ''), digest(expected.user));
  const password = timingSafeEqual(digest(given?.password ?? ''), digest(expected.password));
  return given !== null && user && password;
}

/** Middleware: 401 with a Basic challenge unless the request carries the credentials. */
export function basicAuth(expected: BasicCredentials, realm: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (matchesCredentials(req.headers.authorization, expected)) return next();
    sendJsonError(res, 401, `authentication required (the ${realm} user and password)`, {
      'www-authenticate': `Basic realm="${realm}", charset="UTF-8"`,
    });
  };
}
