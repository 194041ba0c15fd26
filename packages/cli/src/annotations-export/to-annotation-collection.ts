import { annotationsInTourOrder, type AnnotationsDocument, type LanguageText } from '@vitrine/core';
import type { AnnotationIris, ArtefactRef } from './annotation-iris.js';
import { EXPORT_CONTEXT } from './export-context.js';
import { toLanguageValues, toLayerDescriptions } from './to-layer-descriptions.js';
import { toWebAnnotation } from './to-web-annotation.js';
import type { WebAnnotationCollection } from './web-annotation-types.js';

/** An artefact and its validated annotations, as read from the collection. */
export interface ArtefactAnnotations {
  artefact: ArtefactRef;
  document: AnnotationsDocument;
}

/**
 * The whole export: one AnnotationCollection with one embedded page holding every
 * annotation, artefact after artefact (in index.json's order), each artefact's in the
 * order of its guided tour. One page rather than a page per artefact: the model links
 * pages by `next` IRIs, so more pages would mean nesting each page in the one before or
 * leaving them out of the file; each annotation's target already names its artefact.
 */
export function toAnnotationCollection(
  artefacts: readonly ArtefactAnnotations[],
  iris: AnnotationIris,
  title?: LanguageText,
): WebAnnotationCollection {
  const items = artefacts.flatMap(({ artefact, document }) =>
    annotationsInTourOrder(document).map((annotation) => toWebAnnotation(annotation, artefact, iris)),
  );
  return {
    '@context': EXPORT_CONTEXT,
    id: iris.collection,
    type: 'AnnotationCollection',
    ...(title ? { label: toLanguageValues(title) } : {}),
    total: items.length,
    'vitrine:layers': artefacts.flatMap(({ artefact, document }) =>
      toLayerDescriptions(document.layers, artefact, iris),
    ),
    ...(items.length > 0
      ? { first: { id: iris.page, type: 'AnnotationPage', partOf: iris.collection, startIndex: 0, items } }
      : {}),
  };
}
