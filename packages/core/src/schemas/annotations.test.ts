import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  annotationsDocumentSchema,
  annotationsInTourOrder,
  describeAnnotationsError,
  type AnnotationsDocument,
} from './annotations.js';

function annotation(id: string, order: number, layer = 'decoration') {
  return {
    id,
    layer,
    order,
    target: { position: [0, 0.2, 0.14], normal: [0, 0, 1] },
    body: { title: { en: `Title ${id}` }, text: { en: 'Some **bold** text.' } },
  };
}

function documentWith(overrides: Partial<Record<keyof AnnotationsDocument, unknown>> = {}): unknown {
  return {
    schemaVersion: 1,
    layers: [{ id: 'decoration', label: { en: 'Decoration', fr: 'Décor' }, colour: '#7a3b1d' }],
    annotations: [annotation('lip', 1), annotation('foot', 0)],
    ...overrides,
  };
}

describe('annotations.json', () => {
  it('accepts a minimal document and fills in defaults', () => {
    const parsed = annotationsDocumentSchema.parse(documentWith());
    expect(parsed.layers[0]!.visible).toBe(true);
    expect(parsed.annotations.map((a) => a.id)).toEqual(['lip', 'foot']);
  });

  it('accepts images, audio with captions, a camera view and provenance', () => {
    const full = annotation('handle', 2);
    const parsed = annotationsDocumentSchema.safeParse(
      documentWith({
        annotations: [
          {
            ...full,
            target: { ...full.target, view: { position: [0, 0.3, 0.6], target: [0, 0.2, 0] } },
            body: {
              ...full.body,
              image: { url: 'images/handle.webp', alt: { en: 'The handle, seen from above' } },
              audio: { url: 'audio/handle.mp3', captions: 'audio/handle.en.vtt' },
            },
            created: '2025-03-01T10:00:00Z',
            creator: 'Department of Antiquities',
          },
        ],
      }),
    );
    expect(parsed.success).toBe(true);
  });

  it('refuses duplicate ids, unknown layers and ids that cannot be slugs', () => {
    const duplicate = annotationsDocumentSchema.safeParse(
      documentWith({ annotations: [annotation('lip', 0), annotation('lip', 1)] }),
    );
    expect(duplicate.success).toBe(false);
    expect(describeAnnotationsError(duplicate.error!)).toBe('annotations[1].id: annotation id "lip" is used twice');

    const layers = annotationsDocumentSchema.safeParse(
      documentWith({
        layers: [
          { id: 'a', label: { en: 'A' }, colour: '#000000' },
          { id: 'a', label: { en: 'B' }, colour: '#000000' },
        ],
        annotations: [],
      }),
    );
    expect(describeAnnotationsError(layers.error!)).toBe('layers[1].id: layer id "a" is used twice');

    const unknown = annotationsDocumentSchema.safeParse(documentWith({ annotations: [annotation('x', 0, 'nope')] }));
    expect(describeAnnotationsError(unknown.error!)).toBe(
      'annotations[0].layer: layer "nope" is not one of the document\'s layers',
    );

    expect(annotationsDocumentSchema.safeParse(documentWith({ annotations: [annotation('Bad Id', 0)] })).success).toBe(
      false,
    );
  });

  it('keeps files inside the artefact folder and captions in WebVTT', () => {
    const withImage = (url: string) =>
      documentWith({
        annotations: [
          { ...annotation('x', 0), body: { ...annotation('x', 0).body, image: { url, alt: { en: 'x' } } } },
        ],
      });
    expect(annotationsDocumentSchema.safeParse(withImage('detail.webp')).success).toBe(true);
    for (const url of ['../detail.webp', 'https://cdn.example/x.png', '/etc/passwd', 'javascript:alert(1)']) {
      expect(annotationsDocumentSchema.safeParse(withImage(url)).success, url).toBe(false);
    }
    const withCaptions = (captions: string) =>
      documentWith({
        annotations: [
          { ...annotation('x', 0), body: { ...annotation('x', 0).body, audio: { url: 'a.mp3', captions } } },
        ],
      });
    expect(annotationsDocumentSchema.safeParse(withCaptions('a.srt')).success).toBe(false);
  });

  it('refuses a zero normal, a degenerate view and non-finite coordinates', () => {
    const target = (value: unknown) => documentWith({ annotations: [{ ...annotation('x', 0), target: value }] });
    expect(annotationsDocumentSchema.safeParse(target({ position: [0, 0, 0], normal: [0, 0, 0] })).success).toBe(false);
    expect(
      annotationsDocumentSchema.safeParse(
        target({ position: [0, 0, 0], normal: [0, 1, 0], view: { position: [1, 1, 1], target: [1, 1, 1] } }),
      ).success,
    ).toBe(false);
    expect(annotationsDocumentSchema.safeParse(target({ position: [0, Infinity, 0], normal: [0, 1, 0] })).success).toBe(
      false,
    );
  });

  it('orders the tour by `order`, ties in document order', () => {
    const parsed = annotationsDocumentSchema.parse(
      documentWith({ annotations: [annotation('c', 2), annotation('a', 1), annotation('b', 1)] }),
    );
    expect(annotationsInTourOrder(parsed).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('converts to JSON Schema for editors and other tools', () => {
    const schema = z.toJSONSchema(annotationsDocumentSchema, { io: 'input' });
    expect(schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['layers', 'annotations']) });
  });
});
