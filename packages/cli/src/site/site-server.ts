import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import send from 'send';
import { isReallyInside } from './real-path-inside.js';
import { cacheControlFor, contentTypeFor } from './response-headers.js';

export interface SiteFolders {
  /** The built exhibit app: index.html and its assets. */
  app: string;
  /** The collection, served under /collection/ where the app looks for it. */
  collection: string;
}

/** Handles a request itself (returning true) or leaves it to the static files. */
export type ApiHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * An HTTP server for the app and a collection, as a museum's web server should serve them:
 * content types that AR viewers insist on (`model/vnd.usdz+zip`), byte ranges, ETags and
 * conditional requests, and cache headers per kind of file. `send` (the static-file core
 * of Express) does ranges and conditional GETs; this decides what is served from where.
 * Dotfiles (an ingest's staging folders) and paths out of a folder are never served, by
 * their letters or through a symbolic link: a collection may come from anyone, and a link
 * in it to `~/.ssh` must not put that on the network.
 */
export function createSiteServer(folders: SiteFolders, api?: ApiHandler): Server {
  return createServer((request, response) => {
    void handle(folders, api, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}

async function handle(
  folders: SiteFolders,
  api: ApiHandler | undefined,
  request: IncomingMessage,
  response: ServerResponse,
) {
  response.setHeader('x-content-type-options', 'nosniff');
  if (api && (await api(request, response))) return;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  const inCollection = pathname.startsWith('/collection/');
  const root = inCollection ? folders.collection : folders.app;
  const relative = inCollection ? pathname.slice('/collection'.length) : pathname;
  if (await leadsOutOf(root, relative)) {
    // As if it were not there: whether a link exists, and where to, is nobody's business.
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  send(request, relative, { root, dotfiles: 'ignore', index: ['index.html'], cacheControl: false })
    .on('headers', (_response: ServerResponse, file: string) => {
      const sitePath = pathname.slice(1) || 'index.html';
      response.setHeader('content-type', contentTypeFor(file));
      response.setHeader('cache-control', cacheControlFor(sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath));
    })
    .on('error', (error: { status?: number }) => {
      response.writeHead(error.status ?? 500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error.status === 404 ? 'Not found\n' : 'Refused\n');
    })
    .on('directory', () => {
      // A folder without index.html: no listings.
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    })
    .pipe(response);
}

/**
 * Whether the file `send` would answer `urlPath` with lies outside `root` once symbolic
 * links are resolved. `send` follows links wherever they lead, so it is asked only about
 * paths that stay inside; paths it refuses itself (bad encoding, NUL) are left to it.
 */
async function leadsOutOf(root: string, urlPath: string): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const realRoot = await realpath(root);
  const file = path.join(root, decoded);
  const inside = await isReallyInside(realRoot, file);
  if (inside === false) return true;
  // A folder is answered with its index.html, which may be a link of its own.
  if (inside && decoded.endsWith('/')) return (await isReallyInside(realRoot, path.join(file, 'index.html'))) === false;
  return false;
}
