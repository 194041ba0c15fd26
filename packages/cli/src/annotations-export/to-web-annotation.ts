import type { Annotation } from '@vitrine/core';
import type { AnnotationIris, ArtefactRef } from './annotation-iris.js';
import { toAnnotationBodies } from './to-annotation-bodies.js';
import { toPointTarget } from './to-point-target.js';
import type { WebAnnotation } from './web-annotation-types.js';

/** One curator's annotation as a W3C Web Annotation: the curator describes a point of the artefact. */
export function toWebAnnotation(annotation: Annotation, artefact: ArtefactRef, iris: AnnotationIris): WebAnnotation {
  return {
    id: iris.annotation(artefact, annotation.id),
    type: 'Annotation',
    motivation: 'describing',
    ...(annotation.created ? { created: annotation.created } : {}),
    ...(annotation.creator ? { creator: { name: annotation.creator } } : {}),
    'vitrine:layer': iris.layer(artefact, annotation.layer),
    body: toAnnotationBodies(annotation.body, (file) => iris.file(artefact, file)),
    target: toPointTarget(annotation.target, iris.artefact(artefact)),
  };
}
