/**
 * The Cache Storage names the page and the service worker share. Caches belong to the
 * origin, not to a service worker's scope, so each name carries the app's scope (its
 * folder URL): two exhibits in two folders of one host never delete each other's files.
 *
 * - The app shell (index.html and the built assets) goes in one cache per build, so a new
 *   build's worker fills its own while the old one still serves, and drops the old on
 *   activation.
 * - The collection goes in one cache per app that outlives builds: a new app version does
 *   not have to download the museum's models again.
 */
const SHELL = 'vitrine-app';
const COLLECTION = 'vitrine-collection-v1';

export function shellCacheName(scope: string, version: string): string {
  return `${shellCachePrefix(scope)}${version}`;
}

/** Every shell cache of this app, whatever its build, starts with this. */
export function shellCachePrefix(scope: string): string {
  return `${SHELL}|${scope}|`;
}

export function collectionCacheName(scope: string): string {
  return `${COLLECTION}|${scope}`;
}

/** Whether a cache belongs to the app at `scope` (and is ours to delete when stale). */
export function isOwnCache(name: string, scope: string): boolean {
  return (
    name.startsWith(shellCachePrefix(scope)) || (name.startsWith('vitrine-collection') && name.endsWith(`|${scope}`))
  );
}
