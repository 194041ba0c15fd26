import {
  annotationsInTourOrder,
  type Annotation,
  type AnnotationsDocument,
  type AnnotationView,
  type LanguageText,
} from '@vitrine/core';

/**
 * The editor's changes to an annotations document, each a pure function returning a new
 * document: the editor keeps the last saved one to compare and to go back to.
 */

/** Adds a hotspot at a picked point, last in the tour, in the first visible layer. */
export function addAnnotation(
  document: AnnotationsDocument,
  target: { position: [number, number, number]; normal: [number, number, number] },
  title: LanguageText,
): { document: AnnotationsDocument; id: string } {
  const taken = new Set(document.annotations.map((annotation) => annotation.id));
  let number = document.annotations.length + 1;
  while (taken.has(`hotspot-${number}`)) number++;
  const id = `hotspot-${number}`;
  const layer = (document.layers.find((candidate) => candidate.visible) ?? document.layers[0])!.id;
  const annotation: Annotation = {
    id,
    layer,
    order: Math.max(0, ...document.annotations.map((existing) => existing.order)) + 1,
    target: { position: target.position, normal: target.normal },
    body: { title, text: Object.fromEntries(Object.keys(title).map((language) => [language, ''])) },
    created: new Date().toISOString(),
  };
  return { document: { ...document, annotations: [...document.annotations, annotation] }, id };
}

export function updateAnnotation(
  document: AnnotationsDocument,
  id: string,
  change: (annotation: Annotation) => Annotation,
): AnnotationsDocument {
  return {
    ...document,
    annotations: document.annotations.map((annotation) => (annotation.id === id ? change(annotation) : annotation)),
  };
}

/** One language of a title or text; an emptied language is removed so the visitor's fallback applies, unless it is the last. */
export function withText(text: LanguageText, language: string, value: string): LanguageText {
  const next = { ...text, [language]: value };
  if (value === '' && Object.values(next).some((other) => other !== '')) delete next[language];
  return next;
}

export function withView(annotation: Annotation, view: AnnotationView): Annotation {
  return { ...annotation, target: { ...annotation.target, view } };
}

/** Moves an annotation one place earlier (-1) or later (+1) in the tour; orders become 1…n. */
export function moveInTour(document: AnnotationsDocument, id: string, direction: -1 | 1): AnnotationsDocument {
  const tour = annotationsInTourOrder(document).map((annotation) => annotation.id);
  const index = tour.indexOf(id);
  const other = index + direction;
  if (index < 0 || other < 0 || other >= tour.length) return document;
  [tour[index], tour[other]] = [tour[other]!, tour[index]!];
  const order = new Map(tour.map((annotationId, position) => [annotationId, position + 1]));
  return {
    ...document,
    annotations: document.annotations.map((annotation) => ({ ...annotation, order: order.get(annotation.id)! })),
  };
}

export function deleteAnnotation(document: AnnotationsDocument, id: string): AnnotationsDocument {
  return { ...document, annotations: document.annotations.filter((annotation) => annotation.id !== id) };
}
