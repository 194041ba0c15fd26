/**
 * Where the collection lives, relative to the page unless absolute. A museum hosting the
 * collection on object storage sets VITE_COLLECTION_URL at build time.
 */
export const COLLECTION_URL: string = import.meta.env.VITE_COLLECTION_URL ?? 'collection/';

export function collectionFileUrl(file: string): string {
  const base = new URL(COLLECTION_URL.endsWith('/') ? COLLECTION_URL : `${COLLECTION_URL}/`, document.baseURI);
  return new URL(file, base).toString();
}
