import { INDEX_FILE, type CollectionEntry } from '@vitrine/core';

/** The artefact an IRI is about: its id, and its manifest's path relative to index.json. */
export type ArtefactRef = Pick<CollectionEntry, 'id' | 'manifest'>;

/** Names every node of the export; see annotationIris for the two schemes. */
export interface AnnotationIris {
  collection: string;
  page: string;
  artefact(artefact: ArtefactRef): string;
  annotation(artefact: ArtefactRef, annotationId: string): string;
  layer(artefact: ArtefactRef, layerId: string): string;
  /** A file the annotations name (image, recording, captions), relative to the artefact's folder. */
  file(artefact: ArtefactRef, relativeFile: string): string;
}

export interface AnnotationIrisOptions {
  /** Where the collection is published (the folder of index.json), ending in "/". */
  base?: URL;
  /** The one artefact exported, when not all: the collection gets its own IRI. */
  onlyArtefact?: string;
}

/**
 * With `base`, IRIs are the published files' URLs, so they resolve:
 *   artefact    <base>amphora/artefact.json              (the manifest a viewer loads)
 *   annotation  <base>amphora/artefact.json#annotation=lip  (the viewer's own fragment)
 *   layer       <base>amphora/artefact.json#layer=decoration
 *   file        <base>amphora/images/lip.webp
 *   collection  <base>index.json#annotations             (#annotations=amphora for one)
 * Without it, URNs that are unique within this collection only:
 *   urn:vitrine:artefact:amphora, urn:vitrine:annotation:amphora:lip,
 *   urn:vitrine:layer:amphora:decoration, urn:vitrine:file:amphora:images/lip.webp,
 *   urn:vitrine:annotations (urn:vitrine:annotations:amphora for one).
 * The kind comes first in a URN because ids are free slugs: `urn:vitrine:<artefact>:<id>`
 * would give an annotation named "layer" or an artefact named "annotations" another's IRI.
 */
export function annotationIris(options: AnnotationIrisOptions = {}): AnnotationIris {
  return options.base ? publishedIris(options.base, options.onlyArtefact) : urnIris(options.onlyArtefact);
}

function publishedIris(base: URL, onlyArtefact: string | undefined): AnnotationIris {
  const index = new URL(INDEX_FILE, base).href;
  const suffix = onlyArtefact ? `=${onlyArtefact}` : '';
  const manifest = (artefact: ArtefactRef) => new URL(artefact.manifest, base).href;
  return {
    collection: `${index}#annotations${suffix}`,
    page: `${index}#annotations-page${suffix}`,
    artefact: manifest,
    annotation: (artefact, id) => `${manifest(artefact)}#annotation=${id}`,
    layer: (artefact, id) => `${manifest(artefact)}#layer=${id}`,
    file: (artefact, file) => new URL(file, manifest(artefact)).href,
  };
}

function urnIris(onlyArtefact: string | undefined): AnnotationIris {
  const suffix = onlyArtefact ? `:${onlyArtefact}` : '';
  return {
    collection: `urn:vitrine:annotations${suffix}`,
    page: `urn:vitrine:annotation-page${suffix}`,
    artefact: (artefact) => `urn:vitrine:artefact:${artefact.id}`,
    annotation: (artefact, id) => `urn:vitrine:annotation:${artefact.id}:${id}`,
    layer: (artefact, id) => `urn:vitrine:layer:${artefact.id}:${id}`,
    file: (artefact, file) => `urn:vitrine:file:${artefact.id}:${file.split('/').map(encodeURIComponent).join('/')}`,
  };
}
