import path from 'node:path';
import mime from 'mime';

/**
 * Content types the `mime` database names differently from what browsers and AR viewers
 * expect, or not at all. iOS AR Quick Look opens a .usdz only when it comes as
 * model/vnd.usdz+zip (mime agrees today; pinned so a database change cannot break AR).
 */
const CONTENT_TYPE_OVERRIDES: Readonly<Record<string, string>> = {
  '.usdz': 'model/vnd.usdz+zip',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.ktx2': 'image/ktx2',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.webmanifest': 'application/manifest+json',
};

/** Text types are sent with their charset, so titles in Polish or Greek arrive intact. */
const TEXT_TYPES = /^(text\/|application\/(json|javascript|manifest\+json|ld\+json)|image\/svg\+xml)/;

/** The Content-Type for a file a site or collection serves, charset included for text. */
export function contentTypeFor(file: string): string {
  const extension = path.extname(file).toLowerCase();
  const type = CONTENT_TYPE_OVERRIDES[extension] ?? mime.getType(extension) ?? 'application/octet-stream';
  return TEXT_TYPES.test(type) ? `${type}; charset=utf-8` : type;
}

/** Vite names built files `name-<8+ base64url chars>.ext`: their content never changes under that name. */
const HASHED_ASSET = /(^|\/)assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Cache-Control for a file by its path in the site (forward slashes, no leading slash).
 * - Hashed build assets: a year, immutable (a new build gives new names).
 * - Pages, JSON (index.json, artefact.json, annotations.json) and the service worker: always
 *   revalidated, so a curator's edit or a new ingest shows on the next visit.
 * - Everything else (derivatives, posters, decoders): an hour, then revalidated; a
 *   re-ingest writes a new manifest at once, and its derivatives reach visitors within the hour.
 */
export function cacheControlFor(sitePath: string): string {
  if (HASHED_ASSET.test(sitePath)) return 'public, max-age=31536000, immutable';
  if (/\.(html|json|webmanifest)$/i.test(sitePath) || /(^|\/)sw\.js$/.test(sitePath)) return 'no-cache';
  return 'public, max-age=3600';
}
