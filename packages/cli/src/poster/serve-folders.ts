import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.glb': 'model/gltf-binary',
  '.wasm': 'application/wasm',
  '.webp': 'image/webp',
  '.ktx2': 'image/ktx2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export interface FolderServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a few folders under URL prefixes on a loopback port chosen by the system, for the
 * poster renderer's headless browser and nothing else: GET only, no listing, no path out
 * of a folder. `documents` are served from memory by their URL path, before any folder:
 * the artefact's manifest is not on disk yet while its poster is taken. (`vitrine serve`,
 * for people, is a different and fuller server.)
 */
export async function serveFolders(
  mounts: Readonly<Record<string, string>>,
  documents: Readonly<Record<string, string>> = {},
): Promise<FolderServer> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const document = request.method === 'GET' ? documents[url.pathname] : undefined;
    if (document !== undefined) {
      const bytes = Buffer.from(document);
      response.writeHead(200, { 'content-type': MIME_TYPES['.json']!, 'content-length': bytes.byteLength });
      response.end(bytes);
      return;
    }
    const prefix = Object.keys(mounts).find((mount) => url.pathname.startsWith(`/${mount}/`));
    const root = prefix ? mounts[prefix] : undefined;
    const relative = prefix ? decodeURIComponent(url.pathname.slice(prefix.length + 2)) : '';
    const file = root ? path.resolve(root, relative) : '';
    const inside = root !== undefined && file.startsWith(path.resolve(root) + path.sep);
    const info = inside && request.method === 'GET' ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
