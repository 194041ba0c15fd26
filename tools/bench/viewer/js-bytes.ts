import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LoggedRequest } from './network-log.js';

export interface JsFile {
  /** Path as the page requested it. */
  readonly path: string;
  readonly rawBytes: number;
  /** gzip -9 of the file: what a server that compresses would send. */
  readonly gzipBytes: number;
  /** Requested before the first frame with the artefact. */
  readonly beforePixels: boolean;
}

export interface JsTotals {
  readonly files: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/**
 * The JavaScript a page requested, measured from the files served rather than from the
 * wire: the loopback server sends them uncompressed, and "gzip" is what a real server
 * would send. A `.js` request counts whatever fetched it (a script tag, an import, or a
 * loader fetching a decoder's wrapper as text for its workers): it is code the visit cost.
 */
export async function requestedJs(
  requests: readonly LoggedRequest[],
  mounts: Readonly<Record<string, string>>,
  pixelEpochMs: number | undefined,
): Promise<JsFile[]> {
  const seen = new Set<string>();
  const files: JsFile[] = [];
  for (const request of requests) {
    const { pathname } = new URL(request.url);
    if (!/\.m?js$/.test(pathname) || seen.has(pathname) || request.failed) continue;
    seen.add(pathname);
    const bytes = await readFile(servedFile(pathname, mounts));
    files.push({
      path: pathname,
      rawBytes: bytes.byteLength,
      gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
      beforePixels:
        pixelEpochMs !== undefined && request.finishedEpochMs !== undefined && request.finishedEpochMs <= pixelEpochMs,
    });
  }
  return files;
}

export function jsTotals(files: readonly JsFile[]): JsTotals {
  return {
    files: files.length,
    rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

/** The file `serveFolders` answered `/<mount>/<rest>` with. */
function servedFile(pathname: string, mounts: Readonly<Record<string, string>>): string {
  const mount = Object.keys(mounts).find((name) => pathname.startsWith(`/${name}/`));
  if (!mount) throw new Error(`${pathname} is not under any served folder`);
  return path.join(mounts[mount]!, decodeURIComponent(pathname.slice(mount.length + 2)));
}
