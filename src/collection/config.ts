import { INDEX_FILE } from '@vitrine/core';
import { resolveInsideManifest } from '@vitrine/viewer';

/**
 * Where the collection lives, relative to the page unless absolute. A museum hosting the
 * collection on object storage sets VITE_COLLECTION_URL at build time.
 */
export const COLLECTION_URL: string = import.meta.env.VITE_COLLECTION_URL ?? 'collection/';

/** The collection's index.json, absolute. */
export function collectionIndexUrl(): string {
  const folder = new URL(COLLECTION_URL.endsWith('/') ? COLLECTION_URL : `${COLLECTION_URL}/`, document.baseURI);
  return new URL(INDEX_FILE, folder).toString();
}

/**
 * The URL of a file index.json names (an entry's manifest or poster). Throws for a file
 * outside the collection's folder; useCollection leaves such entries and posters out when
 * the index loads, so the pages that call this never meet one.
 */
export function collectionFileUrl(file: string): string {
  return resolveInsideManifest(collectionIndexUrl(), file, document.baseURI);
}
