/// <reference lib="webworker" />
/**
 * The exhibit's service worker, for kiosks that must keep working offline (see
 * ../register-offline.ts, which registers it only when asked). It precaches the app shell
 * on install and answers requests from the caches (see fetch-strategy.ts for which way
 * each kind of request goes); the page itself puts the collection's files in the cache,
 * because only the page knows which derivative this device shows.
 *
 * Hand-written rather than Workbox: it needs four strategies and a Range reader, about as
 * many lines as Workbox's configuration would take, and with no dependency to keep up.
 * tools/vite/service-worker.ts bundles it as a classic script and injects the manifest.
 */
import { collectionCacheName, isOwnCache, shellCacheName } from '../cache-names.js';
import { fetchStrategy, isAppRoute, isCacheable, type ServedFiles } from './fetch-strategy.js';
import { rangeResponse } from './range-response.js';
import { isShellQuery, type ShellSummary } from './shell-summary.js';

declare const self: ServiceWorkerGlobalScope;
/** The build's files relative to this script, and a fingerprint of their contents. */
declare const __VITRINE_PRECACHE__: { version: string; files: string[] };
const PRECACHE = __VITRINE_PRECACHE__; // once: the build writes the whole list where this name stands

const SCOPE = self.registration.scope;
const SHELL_CACHE = shellCacheName(SCOPE, PRECACHE.version);
const COLLECTION_CACHE = collectionCacheName(SCOPE);
const SHELL_URLS: ReadonlySet<string> = new Set(PRECACHE.files.map((file) => new URL(file, self.location.href).href));
const INDEX_URL = new URL('index.html', self.location.href).href;
/** The page names its collection folder in the worker's address (`sw.js?collection=…`) when it is on this origin. */
const SERVED: ServedFiles = {
  origin: self.location.origin,
  shellUrls: SHELL_URLS,
  collectionFolder: new URL(self.location.href).searchParams.get('collection') ?? undefined,
};
/**
 * How long a page load or a collection JSON waits for the network before a cached copy
 * answers: on a dead Wi-Fi link the browser's own timeout takes minutes.
 */
const NETWORK_TIMEOUT_MS = 4000;
/** Built files named by their content: an older build's cached copy is the same file. */
const HASHED_ASSET = /\/assets\/[^?#]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

self.addEventListener('install', (event) => {
  // A kiosk never closes its tab, so a waiting worker would wait forever: take over at once.
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = (await caches.keys()).filter(
        (name) => isOwnCache(name, SCOPE) && name !== SHELL_CACHE && name !== COLLECTION_CACHE,
      );
      await Promise.all(stale.map((name) => caches.delete(name)));
      // The page that registered us is served from the caches from now on, not from its next load.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  switch (fetchStrategy(event.request, SERVED)) {
    case 'navigation':
      return event.respondWith(navigation(event.request));
    case 'network-first':
      return event.respondWith(networkFirst(event.request));
    case 'cache-first':
      return event.respondWith(cacheFirst(event.request));
    case 'passthrough':
      return;
  }
});

// The page asks how much of the app is cached, for the kiosk's offline status.
self.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || !isShellQuery(event.data)) return;
  event.waitUntil(summarizeShell().then((summary) => port.postMessage(summary)));
});

/** Every file of the build, fetched or copied from an older build's cache; install fails if one fails. */
async function precacheShell(): Promise<void> {
  const cache = await caches.open(SHELL_CACHE);
  const present = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...SHELL_URLS].filter((url) => !present.has(url));
  await Promise.all(
    missing.map(async (url) => {
      const earlier = HASHED_ASSET.test(url) ? await caches.match(url) : undefined;
      const response = earlier ?? (await fetch(url, { cache: 'no-cache' }));
      if (!isCacheable(response)) throw new Error(`${url} answered ${response.status}, not cached`);
      await cache.put(url, response.redirected ? await withoutRedirect(response) : response);
    }),
  );
}

async function summarizeShell(): Promise<ShellSummary> {
  const cache = await caches.open(SHELL_CACHE);
  let files = 0;
  let bytes = 0;
  for (const url of SHELL_URLS) {
    const cached = await cache.match(url);
    if (!cached) continue;
    files += 1;
    bytes += Number(cached.headers.get('Content-Length')) || (await cached.blob()).size;
  }
  return { version: PRECACHE.version, files, expected: SHELL_URLS.size, bytes };
}

async function navigation(request: Request): Promise<Response> {
  return networkOrCached(fetch(request), async () => {
    const cached = await caches.match(request.url, { ignoreVary: true });
    if (cached || !isAppRoute(request.url, SCOPE)) return cached;
    return (await caches.match(INDEX_URL, { cacheName: SHELL_CACHE })) ?? caches.match(INDEX_URL);
  });
}

/**
 * The network's copy of a collection document, or the cached one. The worker never puts a
 * document in the cache: a newer one read here may name files not cached yet, and offline
 * it would send the kiosk to them. The page's precaching caches documents, each only once
 * the files it names are in (see precacheCollection).
 */
async function networkFirst(request: Request): Promise<Response> {
  return networkOrCached(fetch(request), () => caches.match(request.url, { ignoreVary: true }));
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request.url, { ignoreVary: true });
  if (!cached) return fetch(request);
  const range = request.headers.get('range');
  return range ? rangeResponse(cached, range) : cached;
}

/** The network's answer, unless it fails, or is slow and a cached copy exists. */
async function networkOrCached(
  network: Promise<Response>,
  cached: () => Promise<Response | undefined>,
): Promise<Response> {
  network.catch(() => {}); // when it fails the cache answers; nobody else waits on it
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, 'timeout'));
  try {
    const first = await Promise.race([network, timeout]);
    if (first !== 'timeout') return first;
  } catch {
    return (await cached()) ?? Response.error();
  }
  return (await cached()) ?? network;
}

/** A response the browser accepts for a navigation: it refuses ones marked as redirected. */
async function withoutRedirect(response: Response): Promise<Response> {
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}
