import type { AnnotationTarget } from '@vitrine/core';
import type { PointTarget } from './web-annotation-types.js';

/**
 * The annotation's point on the artefact as a SpecificResource of the artefact, selected
 * by vitrine's PointSelector (see EXPORT_CONTEXT for why there is no standard one).
 */
export function toPointTarget(target: AnnotationTarget, artefactIri: string): PointTarget {
  return {
    type: 'SpecificResource',
    source: artefactIri,
    selector: {
      type: 'vitrine:PointSelector',
      'vitrine:position': [...target.position],
      'vitrine:normal': [...target.normal],
      ...(target.view
        ? { 'vitrine:cameraPosition': [...target.view.position], 'vitrine:cameraTarget': [...target.view.target] }
        : {}),
    },
  };
}
