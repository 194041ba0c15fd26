import path from 'node:path';
import mime from 'mime';
import { isContentHashedName } from '@vitrine/core';

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

const A_YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Cache-Control for a file by its path in the site (forward slashes, no leading slash).
 * `vitrine serve` sends it and `vitrine publish` stores it with each object, so a visitor's
 * browser and a CDN see the same rules however the exhibit is hosted.
 * - Files named by their content: a year, immutable. The build's assets, and the
 *   collection's derivatives, posters and annotation media (`mobile.3f2a9c01b7de.glb`): a
 *   re-ingest writes new bytes under a new name, so a name never changes meaning.
 * - Pages, JSON (index.json, artefact.json, annotations.json) and the service worker: always
 *   revalidated, so a curator's edit or a new ingest shows on the next visit, and names the
 *   new files at once.
 * - Everything else (files of a collection ingested before names carried hashes, decoders):
 *   an hour, then revalidated; such a derivative may be replaced under the same name.
 */
export function cacheControlFor(sitePath: string): string {
  if (HASHED_ASSET.test(sitePath) || isContentHashedName(sitePath)) return A_YEAR_IMMUTABLE;
  if (/\.(html|json|webmanifest)$/i.test(sitePath) || /(^|\/)sw\.js$/.test(sitePath)) return 'no-cache';
  return 'public, max-age=3600';
}
