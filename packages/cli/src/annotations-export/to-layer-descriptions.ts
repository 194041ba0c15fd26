import type { AnnotationLayer, LanguageText } from '@vitrine/core';
import type { AnnotationIris, ArtefactRef } from './annotation-iris.js';
import type { LanguageValue, LayerDescription } from './web-annotation-types.js';

/** An artefact's layers, in the curator's order, for the annotations to point at. */
export function toLayerDescriptions(
  layers: readonly AnnotationLayer[],
  artefact: ArtefactRef,
  iris: AnnotationIris,
): LayerDescription[] {
  return layers.map((layer) => ({
    id: iris.layer(artefact, layer.id),
    type: 'vitrine:Layer',
    label: toLanguageValues(layer.label),
    'vitrine:artefact': iris.artefact(artefact),
    'vitrine:colour': layer.colour,
    'vitrine:visible': layer.visible,
  }));
}

/** Text in several languages as JSON-LD value objects, which `label` (rdfs:label) accepts without a new term. */
export function toLanguageValues(text: LanguageText): LanguageValue[] {
  return Object.entries(text).map(([language, value]) => ({ '@value': value, '@language': language }));
}
