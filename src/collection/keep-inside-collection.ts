import type { Collection } from '@vitrine/core';
import { resolveInsideManifestOrSkip } from '@vitrine/viewer';

/**
 * The collection without what index.json names outside its own folder: an entry whose
 * manifest lies elsewhere is left out of the gallery, a poster that does is dropped (the
 * card shows its placeholder). index.json is untrusted like every collection file, and
 * core's schema is the first guard; this is the second, on the URLs the browser will use.
 * `refused` hears one line for each thing left out, for the site owner's console.
 */
export function keepInsideCollection(
  collection: Collection,
  indexUrl: string,
  refused: (message: string) => void = () => {},
): Collection {
  const inside = (file: string) => resolveInsideManifestOrSkip(indexUrl, file, indexUrl) !== undefined;
  const artefacts = collection.artefacts.flatMap((entry) => {
    if (!inside(entry.manifest)) {
      refused(`${indexUrl}: artefact "${entry.id}" is left out, its manifest lies outside the collection's folder`);
      return [];
    }
    if (entry.poster === undefined || inside(entry.poster)) return [entry];
    refused(
      `${indexUrl}: artefact "${entry.id}" is shown without its poster, which lies outside the collection's folder`,
    );
    const { poster: _poster, ...withoutPoster } = entry;
    return [withoutPoster];
  });
  return { ...collection, artefacts };
}
