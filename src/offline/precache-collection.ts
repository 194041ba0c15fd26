import { annotationsDocumentSchema, artefactSchema, collectionSchema, type Collection } from '@vitrine/core';
import type { DeviceSignals } from '@vitrine/viewer';
import type { ZodMiniType } from 'zod/mini';
import { collectionPrecacheList, profilesToPrecache, type ArtefactDocuments } from './precache-plan.js';
import { isCacheable } from './sw/fetch-strategy.js';

export interface CollectionPrecacheOptions {
  /** The collection's index.json, absolute and on the page's own origin. */
  indexUrl: string;
  /** The Cache Storage cache the service worker answers from (see cache-names.ts). */
  cacheName: string;
  /** This device, to keep the derivatives its viewer shows (see profilesToPrecache). */
  device: DeviceSignals;
  /** Called after each file, with how many of how many are cached and their bytes. */
  onProgress?: (progress: { done: number; total: number; bytes: number }) => void;
}

export interface CollectionPrecacheResult {
  files: number;
  bytes: number;
  /** What could not be read or cached, one line each. */
  problems: string[];
}

/** Files fetched at once: the browser's six connections a host, less room for the visitor's own requests. */
const PARALLEL = 4;
/** A cached file's revalidation gives up after this long and keeps the cached copy. */
const REVALIDATE_TIMEOUT_MS = 30_000;

/**
 * Puts in the cache everything a kiosk needs to show the collection offline (see
 * collectionPrecacheList) and removes what the collection no longer names. The page does
 * this rather than the service worker because only the page knows its device; the worker
 * answers from the same cache. Files already cached are revalidated (an ETag costs one
 * short request, not a download) and kept when the network is down, so the call also
 * succeeds offline once everything is in. Runs again on every kiosk load: a re-ingested
 * derivative or a curator's new annotation reaches the cache then.
 */
export async function precacheCollection(options: CollectionPrecacheOptions): Promise<CollectionPrecacheResult> {
  const { indexUrl, cacheName, device, onProgress } = options;
  const problems: string[] = [];
  const collection = await fetchJson(indexUrl, collectionSchema);
  const artefacts = await readArtefacts(indexUrl, collection, problems);
  const urls = collectionPrecacheList(indexUrl, collection, artefacts, profilesToPrecache(device));

  const cache = await caches.open(cacheName);
  let done = 0;
  let bytes = 0;
  await forEachLimited(urls, PARALLEL, async (url) => {
    try {
      const size = await keepFresh(cache, url); // not `bytes += await …`: that reads `bytes` before the wait
      bytes += size;
      done += 1;
    } catch (error) {
      problems.push(`${url}: ${messageOf(error)}`);
    }
    onProgress?.({ done, total: urls.length, bytes });
  });

  // Only a complete reading says what is no longer wanted: an artefact whose manifest
  // failed to load still has its files, which must stay.
  if (problems.length === 0) {
    const wanted = new Set(urls);
    const folder = new URL('./', indexUrl).href;
    for (const request of await cache.keys()) {
      if (request.url.startsWith(folder) && !wanted.has(request.url)) await cache.delete(request);
    }
  }
  return { files: done, bytes, problems };
}

async function readArtefacts(indexUrl: string, collection: Collection, problems: string[]) {
  const artefacts: ArtefactDocuments[] = [];
  await forEachLimited(collection.artefacts, PARALLEL, async (entry) => {
    const manifestUrl = new URL(entry.manifest, indexUrl).href;
    try {
      const artefact = await fetchJson(manifestUrl, artefactSchema);
      const documents: ArtefactDocuments = { manifestUrl, artefact };
      if (artefact.annotations) {
        const annotationsUrl = new URL(artefact.annotations, manifestUrl).href;
        try {
          documents.annotations = await fetchJson(annotationsUrl, annotationsDocumentSchema);
        } catch (error) {
          problems.push(`${annotationsUrl}: ${messageOf(error)}`);
        }
      }
      artefacts.push(documents);
    } catch (error) {
      problems.push(`${manifestUrl}: ${messageOf(error)}`);
    }
  });
  return artefacts;
}

/** Makes sure `url` is cached and current; returns its size in bytes. */
async function keepFresh(cache: Cache, url: string): Promise<number> {
  const cached = await cache.match(url);
  if (cached) {
    const fresh = await revalidate(url, cached).catch(() => undefined);
    if (!fresh) return sizeOf(cached);
    await cache.put(url, fresh.clone());
    return sizeOf(fresh);
  }
  // `no-cache`: the browser's HTTP cache may answer, but only after the server says it is current.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!isCacheable(response)) throw new Error(`answered ${response.status}`);
  await cache.put(url, response.clone());
  return sizeOf(response);
}

/**
 * A newer copy of a cached file, or undefined when the cached one is current (304), when
 * the server gave no validator to ask with, or when it answers with an error.
 * Our service worker lets conditional requests through (see fetchStrategy); `no-store`
 * keeps the browser's HTTP cache out of it, so the 304 reaches us.
 */
async function revalidate(url: string, cached: Response): Promise<Response | undefined> {
  const etag = cached.headers.get('ETag');
  const modified = cached.headers.get('Last-Modified');
  // Without network (the browser knows) the cached copy is all there is; asking would only log failures.
  if ((!etag && !modified) || !navigator.onLine) return undefined;
  const response = await fetch(url, {
    cache: 'no-store',
    headers: etag ? { 'If-None-Match': etag } : { 'If-Modified-Since': modified! },
    signal: AbortSignal.timeout(REVALIDATE_TIMEOUT_MS),
  });
  return isCacheable(response) ? response : undefined;
}

/** A collection document, validated as the app validates it: what the app would refuse is not worth keeping. */
async function fetchJson<T>(url: string, schema: ZodMiniType<T>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`answered ${response.status}`);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error('is not a valid document of its kind');
  return parsed.data;
}

/** Without reading the body where the headers tell (they do unless the server compressed it). */
async function sizeOf(response: Response): Promise<number> {
  const length = Number(response.headers.get('Content-Length'));
  if (length > 0 && !response.headers.has('Content-Encoding')) return length;
  return (await response.blob()).size;
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
