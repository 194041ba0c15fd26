import { INDEX_FILE } from '@vitrine/core';
import { readDeviceSignals } from '@vitrine/viewer';
import { COLLECTION_URL } from '../collection/config.js';
import { collectionCacheName } from './cache-names.js';
import { precacheCollection } from './precache-collection.js';
import { SHELL_QUERY, type ShellSummary } from './sw/shell-summary.js';

export { offlineRequested } from './offline-requested.js';

/**
 * - `unsupported`: no service worker here (a development server, plain http, an old browser).
 * - `installing`: the worker is fetching the app's files.
 * - `caching`: the page is putting the collection in the cache.
 * - `ready`: everything the kiosk shows is cached; a reload without network still works.
 * - `incomplete`: it works offline except for what `problems` lists.
 * - `failed`: nothing is cached for offline use; the app still works online.
 */
export type OfflineState = 'unsupported' | 'installing' | 'caching' | 'ready' | 'incomplete' | 'failed';

export interface OfflineStatus {
  state: OfflineState;
  /** Files cached for offline use, the app's and the collection's. */
  files: number;
  bytes: number;
  /** What is not cached and why, one line each. */
  problems: string[];
}

export interface OfflineOptions {
  /** The collection's folder, relative to the page or absolute; by default the app's COLLECTION_URL. */
  collectionUrl?: string;
  /** Called at every change of state and after each cached file. */
  onProgress?: (status: OfflineStatus) => void;
}

/** How long the worker has to say how much of the app it cached; the status names its silence as a problem. */
const SHELL_QUERY_TIMEOUT_MS = 10_000;

/** Once a page load: main.tsx (for `?kiosk`) and the kiosk shell (for `kiosk.always`) may both ask. */
let started: Promise<OfflineStatus> | undefined;

/**
 * Makes the exhibit work without network after this load: registers the service worker
 * (src/offline/sw/sw.ts, which caches the app itself), waits until it is active, then
 * caches the collection for this device (see precacheCollection). Call it on every load
 * of a kiosk: it also refreshes what the curators changed, and answers `ready` offline
 * once everything is in.
 *
 * Progress shows on the page's root element for curators and tests:
 * `data-offline="<state>"`, `data-offline-files` and `data-offline-bytes`. Only in a
 * production build: the development server serves no worker, and a worker there would
 * serve stale modules. A second call in the same page load returns the first one's result.
 */
export function registerOfflineSupport(options: OfflineOptions = {}): Promise<OfflineStatus> {
  started ??= makeOffline(options);
  return started;
}

async function makeOffline(options: OfflineOptions): Promise<OfflineStatus> {
  const report = (status: OfflineStatus): OfflineStatus => {
    showStatus(status);
    options.onProgress?.(status);
    return status;
  };
  const status = await cacheForOffline(options.collectionUrl ?? COLLECTION_URL, report).catch(
    (error: unknown): OfflineStatus => ({
      state: 'failed',
      files: 0,
      bytes: 0,
      problems: [error instanceof Error ? error.message : String(error)],
    }),
  );
  if (status.problems.length) console.warn(`Offline support is ${status.state}:\n${status.problems.join('\n')}`);
  return report(status);
}

async function cacheForOffline(collectionUrl: string, report: (status: OfflineStatus) => void): Promise<OfflineStatus> {
  const missing = missingSupport();
  if (missing) return { state: 'unsupported', files: 0, bytes: 0, problems: [missing] };
  report({ state: 'installing', files: 0, bytes: 0, problems: [] });
  await pageLoaded(); // the visitor's first view goes first

  const folder = collectionFolder(collectionUrl);
  const sameOrigin = folder.origin === window.location.origin;
  const registration = await activeRegistration(sameOrigin ? folder : undefined);
  const shell = await shellSummary(registration);
  const problems = !shell.version
    ? ['the service worker did not say whether the app is cached']
    : shell.files < shell.expected
      ? [`${shell.expected - shell.files} of the app's files are not cached`]
      : [];
  // Best effort, not awaited: a persistent origin is not evicted when the disk fills.
  // Chromium grants or refuses silently; Firefox asks the person setting up the kiosk once.
  void navigator.storage?.persist?.().catch(() => false);
  const index = new URL(INDEX_FILE, folder);
  if (!sameOrigin) {
    problems.push(`the collection at ${index.href} is on another host: it is not cached, and shows only online`);
    return { state: 'incomplete', files: shell.files, bytes: shell.bytes, problems };
  }
  const collection = await precacheCollection({
    indexUrl: index.href,
    cacheName: collectionCacheName(registration.scope),
    device: readDeviceSignals(),
    onProgress: ({ done, bytes }) =>
      report({ state: 'caching', files: shell.files + done, bytes: shell.bytes + bytes, problems }),
  });
  problems.push(...collection.problems);
  return {
    state: problems.length ? 'incomplete' : 'ready',
    files: shell.files + collection.files,
    bytes: shell.bytes + collection.bytes,
    problems,
  };
}

function missingSupport(): string | undefined {
  // Only the development server defines import.meta.hot. Not `import.meta.env.PROD`: that
  // follows NODE_ENV, which Vitest sets to `test` for the app it builds for browser tests.
  if (import.meta.hot) return 'the development server serves no service worker: offline support needs a build';
  if (!window.isSecureContext) return 'service workers need https (or localhost)';
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') return 'this browser has no service workers';
  return undefined;
}

/**
 * The worker beside index.html, for the app's folder, once it is active. It learns the
 * collection's folder from its own address, the one thing it can read before it answers
 * its first request; without one it serves the app only.
 */
async function activeRegistration(collection: URL | undefined): Promise<ServiceWorkerRegistration> {
  const script = new URL('sw.js', document.baseURI);
  if (collection) script.searchParams.set('collection', collection.href);
  const scope = new URL('./', document.baseURI).href;
  let registration: ServiceWorkerRegistration;
  try {
    // `none`: the browser asks the server for sw.js every time, so a new build is found.
    registration = await navigator.serviceWorker.register(script, { scope, updateViaCache: 'none' });
  } catch (error) {
    // Without network a changed registration cannot fetch its script; an installed worker still serves.
    const installed = await navigator.serviceWorker.getRegistration(scope);
    if (!installed?.active) throw error;
    return installed;
  }
  await activation(registration);
  return registration;
}

/** Resolves when the newest worker is active: the shell is cached once it is. */
function activation(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker) return Promise.reject(new Error('the service worker did not install'));
  if (worker.state === 'activated') return Promise.resolve();
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state !== 'redundant') return;
      // A failed update leaves the previous worker, and its cache, in place.
      if (registration.active) resolve();
      else reject(new Error('the service worker could not cache the app (a file of it failed to download)'));
    });
  });
}

async function shellSummary(registration: ServiceWorkerRegistration): Promise<ShellSummary> {
  const worker = registration.active;
  const unknown: ShellSummary = { version: '', files: 0, expected: 0, bytes: 0 };
  if (!worker) return unknown;
  const channel = new MessageChannel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answer = new Promise<ShellSummary>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<ShellSummary>) => resolve(event.data);
    timer = setTimeout(() => resolve(unknown), SHELL_QUERY_TIMEOUT_MS);
  });
  worker.postMessage(SHELL_QUERY, [channel.port2]);
  const summary = await answer;
  clearTimeout(timer);
  channel.port1.close();
  return summary;
}

function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

function collectionFolder(collectionUrl: string): URL {
  return new URL(collectionUrl.endsWith('/') ? collectionUrl : `${collectionUrl}/`, document.baseURI);
}

function showStatus({ state, files, bytes }: OfflineStatus): void {
  const root = document.documentElement;
  root.dataset.offline = state;
  root.dataset.offlineFiles = String(files);
  root.dataset.offlineBytes = String(bytes);
}
