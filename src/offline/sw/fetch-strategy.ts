/**
 * How the service worker answers a request:
 *
 * - `navigation`: a page load. Network first, so a new build or a curator's edit shows
 *   when online; the cached index.html when the network fails or hangs. Every route of
 *   the app is index.html with a query string.
 * - `network-first`: the collection's documents (index.json, artefact.json,
 *   annotations.json), which keep their names while curators edit and re-ingest: fresh
 *   when online, the cached copy when not. The cached copy names only cached files (see
 *   precacheCollection), so offline a kiosk shows one version whole.
 * - `cache-first`: the app's built files and the collection's derivatives, posters and
 *   media, the network for anything not cached. Files named by their content
 *   (`mobile.3f2a9c01b7de.glb`) are never asked for again: a new version has a new name,
 *   which a new document names. Those of a collection ingested before names carried hashes
 *   (`mobile.glb`) are revalidated by the page's precaching on each kiosk load.
 * - `passthrough`: not ours to answer, as if there were no worker. Other hosts (their
 *   opaque responses are never cached), other methods, anything that is neither the
 *   app's nor the collection's (the browser's favicon.ico, an API), and conditional
 *   requests (If-None-Match, If-Modified-Since): they ask the server whether a copy is
 *   current, which only the server can say. The page's precaching revalidates files that
 *   way; the browser's HTTP cache adds its validators below the worker, so the app's
 *   ordinary requests never carry them.
 *
 * The worker tells documents from files by the `.json` ending rather than by core's
 * isContentHashedName: importing @vitrine/core would bundle its schemas (zod) into the
 * worker, six times its size, for a distinction no collection file needs.
 *
 * The request's cache mode is no signal: with DevTools' "Disable cache", and under
 * Playwright's request interception, every request bypasses the HTTP cache, offline too.
 */
export type FetchStrategy = 'navigation' | 'network-first' | 'cache-first' | 'passthrough';

/** The parts of a Request the choice depends on. */
export type RequestFacts = Pick<Request, 'method' | 'url' | 'mode' | 'headers'>;

/** What the worker serves. */
export interface ServedFiles {
  origin: string;
  /** The build's files, as absolute URLs. */
  shellUrls: ReadonlySet<string>;
  /** The collection's folder (absolute, ending in /), when it is on this origin. */
  collectionFolder?: string;
}

export function fetchStrategy(request: RequestFacts, served: ServedFiles): FetchStrategy {
  if (request.method !== 'GET') return 'passthrough';
  const url = new URL(request.url);
  if (url.origin !== served.origin) return 'passthrough';
  if (request.mode === 'navigate') return 'navigation';
  if (request.headers.has('If-None-Match') || request.headers.has('If-Modified-Since')) return 'passthrough';
  if (served.shellUrls.has(url.href)) return 'cache-first';
  if (!served.collectionFolder || !url.href.startsWith(served.collectionFolder)) return 'passthrough';
  return url.pathname.toLowerCase().endsWith('.json') ? 'network-first' : 'cache-first';
}

/**
 * Whether a navigation to `url` is a route of the app, which the cached index.html can
 * answer offline: the app's folder itself or its index.html, with any query string.
 */
export function isAppRoute(url: string, scope: string): boolean {
  const { pathname } = new URL(url);
  const folder = new URL(scope).pathname;
  return pathname === folder || pathname === `${folder}index.html`;
}

/** A response worth keeping: complete, same-origin (never opaque), not an error. */
export function isCacheable(response: Response): boolean {
  return response.status === 200 && response.type === 'basic';
}
