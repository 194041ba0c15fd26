import { annotationMediaFiles, type AnnotationsDocument, type Artefact, type Collection } from '@vitrine/core';
import { chooseProfile, pickDerivative, resolveInsideManifestOrSkip, type DeviceSignals } from '@vitrine/viewer';

/** An artefact's documents as the page read them, with the address of its manifest. */
export interface ArtefactDocuments {
  manifestUrl: string;
  artefact: Artefact;
  /** Absent when the artefact has none, or when its annotations.json could not be read. */
  annotations?: AnnotationsDocument;
}

/**
 * The derivative profiles a kiosk keeps offline, chosen for the size of what it stores:
 *
 * - `thumb`: the viewer shows it first, and Save-Data shows only it (~0.1–0.2 MB).
 * - `mobile`: what the device rule picks for most screens, and what it falls back to on a
 *   connection reported as 2G, which a flaky gallery network can be (≤ ~3 MB).
 * - `desktop`: only where the rule would pick it, a large screen with 8 GiB or more; its
 *   4096² textures are the heaviest files of a collection and most kiosks never show them.
 *
 * Left out: `vr` and the AR files (`ar.usdz`, `android-ar.glb`), which need a headset or
 * a phone's AR viewer and would double what a kiosk stores (a USDZ is 4–8 MB).
 */
export function profilesToPrecache(device: DeviceSignals): string[] {
  const rich = chooseProfile({ ...device, saveData: false, effectiveType: undefined });
  return rich === 'desktop' ? ['thumb', 'mobile', 'desktop'] : ['thumb', 'mobile'];
}

/** A collection document (index.json, artefact.json, annotations.json) and what it names. */
export interface PrecacheDocument {
  url: string;
  /** The files it names that a kiosk keeps, as absolute URLs: it is cached only once they all are. */
  names: string[];
}

/**
 * Every collection file a kiosk needs to show the gallery and each artefact offline, as
 * absolute URLs, each once, in two parts:
 *
 * - `files`: every poster, the derivatives for `profiles` (resolved as the viewer resolves
 *   them, so a missing profile becomes the one it would show instead), and the images,
 *   recordings and captions the annotations name;
 * - `documents`: the annotations.json and artefact.json read, then index.json: each after
 *   the documents it names, so that caching them in this order, each only once what it
 *   names is cached, never leaves a document naming a file the cache lacks.
 *
 * An artefact whose manifest (or annotations) could not be read has no document here: its
 * cached copy, if any, stays as it is, with the files it names.
 */
export interface CollectionPrecachePlan {
  files: string[];
  documents: PrecacheDocument[];
}

/** What a kiosk caches of `collection` for `profiles`, files and documents apart (see CollectionPrecachePlan). */
export function collectionPrecachePlan(
  indexUrl: string,
  collection: Collection,
  artefacts: readonly ArtefactDocuments[],
  profiles: readonly string[],
): CollectionPrecachePlan {
  const documentUrls = new Set([indexUrl]);
  const indexNames: string[] = [];
  // Every URL from a collection document is kept inside that document's folder, as the
  // viewer keeps it: a file named outside is not cached (the viewer would not load it).
  const inside = (file: string, documentUrl: string) => resolveInsideManifestOrSkip(documentUrl, file, documentUrl);
  for (const entry of collection.artefacts) {
    const manifestUrl = inside(entry.manifest, indexUrl);
    if (!manifestUrl) continue;
    documentUrls.add(manifestUrl);
    indexNames.push(manifestUrl);
    const poster = entry.poster && inside(entry.poster, indexUrl);
    if (poster) indexNames.push(poster);
  }
  const annotationsDocuments: PrecacheDocument[] = [];
  const manifests: PrecacheDocument[] = [];
  for (const { manifestUrl, artefact, annotations } of artefacts) {
    const resolve = (file: string) => inside(file, manifestUrl);
    const names = [
      ...(artefact.poster ? [resolve(artefact.poster)] : []),
      ...profiles.map((profile) => resolve(pickDerivative(artefact, profile).url)),
    ].filter((url) => url !== undefined);
    const annotationsUrl = artefact.annotations && resolve(artefact.annotations);
    if (annotationsUrl) {
      documentUrls.add(annotationsUrl);
      names.push(annotationsUrl);
      if (annotations) {
        annotationsDocuments.push({
          url: annotationsUrl,
          names: unique(
            annotationMediaFiles(annotations)
              .map((file) => inside(file, annotationsUrl))
              .filter((url) => url !== undefined),
          ),
        });
      }
    }
    manifests.push({ url: manifestUrl, names: unique(names) });
  }
  const documents = [...annotationsDocuments, ...manifests, { url: indexUrl, names: unique(indexNames) }];
  const files = unique(documents.flatMap((document) => document.names)).filter((url) => !documentUrls.has(url));
  return { files, documents };
}

function unique(urls: readonly string[]): string[] {
  return [...new Set(urls)];
}
