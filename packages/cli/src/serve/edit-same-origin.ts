import type { IncomingMessage } from 'node:http';
import { EditRefusal } from './edit-refusal.js';

/**
 * Refuses requests that another site's page made in the curator's browser.
 *
 * - The Host must be this computer's: the editor listens on localhost only, so another
 *   name means DNS rebinding (a hostile site whose name now points at 127.0.0.1), whose
 *   pages the Origin check alone would take for our own.
 * - An Origin, when the browser sends one, must be the server's own (scheme http or https,
 *   the Host's name and port); requests without one come from tools like curl, which the
 *   bearer token still guards.
 */
export function refuseCrossSiteRequest(request: IncomingMessage): void {
  const host = parseHost(request.headers.host);
  if (!host || !isLoopback(host.hostname)) {
    throw new EditRefusal(403, 'the editor answers only requests addressed to localhost');
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  const sameOrigin =
    parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === host.host;
  if (!sameOrigin) throw new EditRefusal(403, `requests from ${origin} may not change this collection`);
}

/** A Host header is a name (or an IPv6 literal) and a port only; "user@localhost" or "localhost/x" would parse as URLs too. */
const HOST_HEADER = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

function parseHost(host: string | undefined): URL | undefined {
  if (!host || !HOST_HEADER.test(host)) return undefined;
  try {
    return new URL(`http://${host}`);
  } catch {
    return undefined;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
