import { annotationsDocumentSchema } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { annotationIris } from './annotation-iris.js';
import { parseBaseUrl } from './parse-base-url.js';
import { webAnnotationShapeProblems } from './testing/web-annotation-shape.js';
import { sampleAnnotationsDocument } from './testing/write-test-collection.js';
import { toAnnotationCollection } from './to-annotation-collection.js';

const amphora = { id: 'amphora', manifest: 'amphora/artefact.json' };
const document = annotationsDocumentSchema.parse(sampleAnnotationsDocument());

describe('toAnnotationCollection', () => {
  const exported = toAnnotationCollection([{ artefact: amphora, document }], annotationIris(), { en: 'Museum' });
  const [crack, handle] = exported.first!.items;

  it('is well-formed Web Annotation JSON-LD', () => {
    expect(webAnnotationShapeProblems(JSON.parse(JSON.stringify(exported)))).toEqual([]);
    expect(exported['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(exported).toMatchObject({
      id: 'urn:vitrine:annotations',
      type: 'AnnotationCollection',
      label: [{ '@value': 'Museum', '@language': 'en' }],
      total: 2,
      first: { type: 'AnnotationPage', partOf: 'urn:vitrine:annotations', startIndex: 0 },
    });
  });

  it('lists the annotations in tour order, describing a point of the artefact', () => {
    expect([crack!.id, handle!.id]).toEqual([
      'urn:vitrine:annotation:amphora:crack',
      'urn:vitrine:annotation:amphora:handle',
    ]);
    expect(handle).toMatchObject({
      type: 'Annotation',
      motivation: 'describing',
      created: '2025-03-01T10:00:00Z',
      creator: { name: 'Department of Antiquities' },
      'vitrine:layer': 'urn:vitrine:layer:amphora:decoration',
      target: {
        type: 'SpecificResource',
        source: 'urn:vitrine:artefact:amphora',
        selector: {
          type: 'vitrine:PointSelector',
          'vitrine:position': [0.1, 0.3, 0],
          'vitrine:normal': [1, 0, 0],
          'vitrine:cameraPosition': [0.5, 0.4, 0.5],
          'vitrine:cameraTarget': [0.1, 0.3, 0],
        },
      },
    });
    expect(crack!.target.selector).not.toHaveProperty('vitrine:cameraPosition');
    expect(crack).not.toHaveProperty('creator');
  });

  it('gives one textual body per language: the title identifying, the text describing in Markdown', () => {
    expect(handle!.body.filter((body) => body.type === 'TextualBody')).toEqual([
      { type: 'TextualBody', purpose: 'identifying', value: 'The handle', language: 'en', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'identifying', value: "L'anse", language: 'fr', format: 'text/plain' },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Made **separately** and joined.',
        language: 'en',
        format: 'text/markdown',
      },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Façonnée à part.',
        language: 'fr',
        format: 'text/markdown',
      },
    ]);
  });

  it('resolves the image and the recording against --base', () => {
    const iris = annotationIris({ base: parseBaseUrl('https://museum.example/c/') });
    const withBase = toAnnotationCollection([{ artefact: amphora, document }], iris);
    expect(webAnnotationShapeProblems(JSON.parse(JSON.stringify(withBase)))).toEqual([]);
    const bodies = withBase.first!.items[1]!.body;
    expect(bodies).toContainEqual({
      id: 'https://museum.example/c/amphora/images/handle%20detail.webp',
      type: 'Image',
      purpose: 'describing',
      format: 'image/webp',
      'vitrine:alt': { en: 'The handle, seen from above' },
    });
    expect(bodies).toContainEqual({
      id: 'https://museum.example/c/amphora/audio/handle.mp3',
      type: 'Audio',
      purpose: 'describing',
      format: 'audio/mpeg',
      language: 'en',
      'vitrine:captions': {
        id: 'https://museum.example/c/amphora/audio/handle.en.vtt',
        type: 'Text',
        format: 'text/vtt',
        language: 'en',
      },
    });
  });

  it('describes each layer once, for the annotations to point at', () => {
    expect(exported['vitrine:layers']).toEqual([
      {
        id: 'urn:vitrine:layer:amphora:decoration',
        type: 'vitrine:Layer',
        label: [
          { '@value': 'Decoration', '@language': 'en' },
          { '@value': 'Décor', '@language': 'fr' },
        ],
        'vitrine:artefact': 'urn:vitrine:artefact:amphora',
        'vitrine:colour': '#7a3b1d',
        'vitrine:visible': true,
      },
      expect.objectContaining({ id: 'urn:vitrine:layer:amphora:conservation', 'vitrine:visible': false }),
    ]);
  });

  it('leaves out the page when there is nothing to page', () => {
    const empty = toAnnotationCollection([], annotationIris());
    expect(empty.total).toBe(0);
    expect(empty).not.toHaveProperty('first');
    expect(webAnnotationShapeProblems(JSON.parse(JSON.stringify(empty)))).toEqual([]);
  });
});

describe('webAnnotationShapeProblems', () => {
  it('catches what a JSON-LD processor would silently misread', () => {
    const broken = JSON.parse(
      JSON.stringify(toAnnotationCollection([{ artefact: amphora, document }], annotationIris())),
    );
    const handle = broken.first.items[1];
    handle.body.find((body: { type: string }) => body.type === 'Audio').type = 'Sound';
    handle.id = 'handle';
    handle.body[0].langauge = 'en';
    handle.target.selector['vitrine:position'] = [0, 1];
    broken.first.items[0].target.source = 'amphora/artefact.json';
    expect(webAnnotationShapeProblems(broken)).toEqual([
      'first.items[0].target.source: must be an absolute IRI',
      'first.items[1].id: not an absolute IRI: handle',
      'first.items[1].body[0].langauge: "langauge" is not a term of the Web Annotation context',
      'first.items[1].body[5].type: Sound is not a class the context defines',
      'first.items[1].target.selector.vitrine:position: must be three finite numbers',
    ]);
  });
});
