import {
  annotationsDocumentSchema,
  artefactSchema,
  collectionSchema,
  isContentHashedName,
  type Collection,
} from '@vitrine/core';
import { resolveInsideManifest, type DeviceSignals } from '@vitrine/viewer';
import type { ZodMiniType } from 'zod/mini';
import { collectionPrecachePlan, profilesToPrecache, type ArtefactDocuments } from './precache-plan.js';
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
 * collectionPrecachePlan) and removes what the collection no longer names. The page does
 * this rather than the service worker because only the page knows its device; the worker
 * answers from the same cache. Runs again on every kiosk load: a re-ingested derivative
 * or a curator's new annotation reaches the cache then; offline it finds everything in
 * place and succeeds.
 *
 * One version at a time: the files go in first, and each document (annotations.json,
 * artefact.json, index.json, in that order) only once every file it names is cached, and
 * as it was read, so it names exactly those. A precache cut short (the network drops, the
 * kiosk reloads) leaves the documents of the last complete version, which still name
 * files in the cache, since nothing is deleted until a precache finishes without a
 * problem; the new files already cached wait for the next run. The service worker never
 * writes documents itself (see sw.ts), so offline every cached document names files the
 * kiosk can show.
 *
 * Files named by their content (`mobile.3f2a9c01b7de.glb`) are never asked for again once
 * cached: their bytes cannot change. Others (a collection ingested before names carried
 * hashes) are revalidated, which costs one short request, not a download.
 */
export async function precacheCollection(options: CollectionPrecacheOptions): Promise<CollectionPrecacheResult> {
  const { indexUrl, cacheName, device, onProgress } = options;
  const problems: string[] = [];
  const read = new Map<string, Response>();
  const collection = await fetchDocument(indexUrl, collectionSchema, read);
  const artefacts = await readArtefacts(indexUrl, collection, problems, read);
  const plan = collectionPrecachePlan(indexUrl, collection, artefacts, profilesToPrecache(device));
  const total = plan.files.length + plan.documents.length;

  const cache = await caches.open(cacheName);
  let done = 0;
  let bytes = 0;
  await forEachLimited(plan.files, PARALLEL, async (url) => {
    try {
      const size = await keepFresh(cache, url); // not `bytes += await …`: that reads `bytes` before the wait
      bytes += size;
      done += 1;
    } catch (error) {
      problems.push(`${url}: ${messageOf(error)}`);
    }
    onProgress?.({ done, total, bytes });
  });

  const cached = new Set((await cache.keys()).map((request) => request.url));
  for (const document of plan.documents) {
    const response = read.get(document.url);
    // Left as cached, with the files it names, when a file of the new one is missing.
    if (!response || !document.names.every((url) => cached.has(url))) continue;
    await cache.put(document.url, response.clone());
    cached.add(document.url);
    bytes += await sizeOf(response);
    done += 1;
    onProgress?.({ done, total, bytes });
  }

  // Only a complete reading says what is no longer wanted: an artefact whose manifest
  // failed to load still has its files, which must stay.
  if (problems.length === 0) {
    const wanted = new Set([...plan.files, ...plan.documents.map((document) => document.url)]);
    const folder = new URL('./', indexUrl).href;
    for (const request of await cache.keys()) {
      if (request.url.startsWith(folder) && !wanted.has(request.url)) await cache.delete(request);
    }
  }
  return { files: done, bytes, problems };
}

async function readArtefacts(
  indexUrl: string,
  collection: Collection,
  problems: string[],
  read: Map<string, Response>,
): Promise<ArtefactDocuments[]> {
  const artefacts: ArtefactDocuments[] = [];
  await forEachLimited(collection.artefacts, PARALLEL, async (entry) => {
    let manifestUrl = indexUrl;
    try {
      manifestUrl = resolveInsideManifest(indexUrl, entry.manifest, indexUrl);
      const artefact = await fetchDocument(manifestUrl, artefactSchema, read);
      const documents: ArtefactDocuments = { manifestUrl, artefact };
      if (artefact.annotations) {
        let annotationsUrl = manifestUrl;
        try {
          annotationsUrl = resolveInsideManifest(manifestUrl, artefact.annotations, manifestUrl);
          documents.annotations = await fetchDocument(annotationsUrl, annotationsDocumentSchema, read);
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
  if (cached && isContentHashedName(new URL(url).pathname)) return sizeOf(cached);
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

/**
 * A collection document, validated as the app validates it: what the app would refuse is
 * not worth keeping. The response is kept in `read`, to be cached as it was read.
 */
async function fetchDocument<T>(url: string, schema: ZodMiniType<T>, read: Map<string, Response>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`answered ${response.status}`);
  const copy = isCacheable(response) ? response.clone() : undefined;
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error('is not a valid document of its kind');
  if (copy) read.set(url, copy);
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
