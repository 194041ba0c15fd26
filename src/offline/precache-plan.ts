import { annotationMediaFiles, type AnnotationsDocument, type Artefact, type Collection } from '@vitrine/core';
import { chooseProfile, pickDerivative, type DeviceSignals } from '@vitrine/viewer';

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

/**
 * Every collection file a kiosk needs to show the gallery and each artefact offline,
 * as absolute URLs, each once: index.json, every manifest and poster, the derivatives
 * for `profiles` (resolved as the viewer resolves them, so a missing profile becomes the
 * one it would show instead), annotations.json and the images, recordings and captions
 * it names.
 */
export function collectionPrecacheList(
  indexUrl: string,
  collection: Collection,
  artefacts: readonly ArtefactDocuments[],
  profiles: readonly string[],
): string[] {
  const urls = new Set<string>([indexUrl]);
  for (const entry of collection.artefacts) {
    urls.add(new URL(entry.manifest, indexUrl).href);
    if (entry.poster) urls.add(new URL(entry.poster, indexUrl).href);
  }
  for (const { manifestUrl, artefact, annotations } of artefacts) {
    const add = (file: string) => urls.add(new URL(file, manifestUrl).href);
    if (artefact.poster) add(artefact.poster);
    for (const profile of profiles) add(pickDerivative(artefact, profile).url);
    if (artefact.annotations) add(artefact.annotations);
    if (annotations) annotationMediaFiles(annotations).forEach(add);
  }
  return [...urls];
}
