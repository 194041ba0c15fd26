import { annotationsDocumentSchema, annotationsInTourOrder, type AnnotationsDocument } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { addAnnotation, deleteAnnotation, moveInTour, updateAnnotation, withText, withView } from './edit-document.js';

const EMPTY: AnnotationsDocument = annotationsDocumentSchema.parse({
  schemaVersion: 1,
  layers: [
    { id: 'hidden', label: { en: 'Hidden' }, colour: '#000000', visible: false },
    { id: 'notes', label: { en: 'Notes' }, colour: '#7a3b1d' },
  ],
  annotations: [],
});
const AT = { position: [0, 0.1, 0.2] as [number, number, number], normal: [0, 0, 1] as [number, number, number] };
const tourIds = (document: AnnotationsDocument) => annotationsInTourOrder(document).map((annotation) => annotation.id);

describe('editing an annotations document', () => {
  it('adds hotspots last in the tour, in the first visible layer, with ids of their own', () => {
    const first = addAnnotation(EMPTY, AT, { en: 'Handle' });
    const second = addAnnotation(first.document, AT, { en: 'Foot' });
    expect([first.id, second.id]).toEqual(['hotspot-1', 'hotspot-2']);
    expect(tourIds(second.document)).toEqual(['hotspot-1', 'hotspot-2']);
    expect(second.document.annotations[0]!.layer).toBe('notes');
    expect(annotationsDocumentSchema.safeParse(second.document).success).toBe(true);
    const renamed = addAnnotation(deleteAnnotation(second.document, 'hotspot-1'), AT, { en: 'Lip' });
    expect(renamed.id).toBe('hotspot-3');
  });

  it('reorders the tour and numbers it again', () => {
    let document = EMPTY;
    for (const title of ['A', 'B', 'C']) document = addAnnotation(document, AT, { en: title }).document;
    document = moveInTour(document, 'hotspot-3', -1);
    expect(tourIds(document)).toEqual(['hotspot-1', 'hotspot-3', 'hotspot-2']);
    expect(document.annotations.map((annotation) => annotation.order).sort()).toEqual([1, 2, 3]);
    expect(moveInTour(document, 'hotspot-1', -1)).toBe(document);
  });

  it('edits texts per language, dropping emptied languages but never the last', () => {
    expect(withText({ en: 'Handle', fr: 'Anse' }, 'fr', '')).toEqual({ en: 'Handle' });
    expect(withText({ en: 'Handle' }, 'en', '')).toEqual({ en: '' });
    expect(withText({ en: 'Handle' }, 'pl', 'Ucho')).toEqual({ en: 'Handle', pl: 'Ucho' });
  });

  it('keeps a view on the target', () => {
    const { document, id } = addAnnotation(EMPTY, AT, { en: 'Handle' });
    const view = { position: [1, 1, 1] as [number, number, number], target: [0, 0.1, 0.2] as [number, number, number] };
    const edited = updateAnnotation(document, id, (annotation) => withView(annotation, view));
    expect(edited.annotations[0]!.target.view).toEqual(view);
    expect(annotationsDocumentSchema.safeParse(edited).success).toBe(true);
  });
});
