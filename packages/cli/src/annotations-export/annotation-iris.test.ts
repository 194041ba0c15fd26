import { describe, expect, it } from 'vitest';
import { UsageError } from '../output.js';
import { annotationIris } from './annotation-iris.js';
import { parseBaseUrl } from './parse-base-url.js';

const amphora = { id: 'amphora', manifest: 'amphora/artefact.json' };

describe('annotationIris', () => {
  it('names everything with urn:vitrine: by default, the kind first so free ids cannot collide', () => {
    const iris = annotationIris();
    expect(iris.collection).toBe('urn:vitrine:annotations');
    expect(iris.artefact(amphora)).toBe('urn:vitrine:artefact:amphora');
    expect(iris.annotation(amphora, 'lip')).toBe('urn:vitrine:annotation:amphora:lip');
    expect(iris.layer(amphora, 'decoration')).toBe('urn:vitrine:layer:amphora:decoration');
    expect(iris.file(amphora, 'images/a b.webp')).toBe('urn:vitrine:file:amphora:images/a%20b.webp');
    // An annotation called "layer" and a layer of the same artefact stay apart.
    expect(iris.annotation(amphora, 'layer')).not.toBe(iris.layer(amphora, 'layer'));
    expect(annotationIris({ onlyArtefact: 'amphora' }).collection).toBe('urn:vitrine:annotations:amphora');
  });

  it('uses the published files as IRIs under --base', () => {
    const iris = annotationIris({ base: parseBaseUrl('https://museum.example/collection') });
    expect(iris.collection).toBe('https://museum.example/collection/index.json#annotations');
    expect(iris.page).toBe('https://museum.example/collection/index.json#annotations-page');
    expect(iris.artefact(amphora)).toBe('https://museum.example/collection/amphora/artefact.json');
    expect(iris.annotation(amphora, 'lip')).toBe(
      'https://museum.example/collection/amphora/artefact.json#annotation=lip',
    );
    expect(iris.layer(amphora, 'decoration')).toBe(
      'https://museum.example/collection/amphora/artefact.json#layer=decoration',
    );
    expect(iris.file(amphora, 'images/a b.webp')).toBe('https://museum.example/collection/amphora/images/a%20b.webp');
  });
});

describe('parseBaseUrl', () => {
  it('treats the URL as a folder', () => {
    expect(parseBaseUrl('https://museum.example/c').href).toBe('https://museum.example/c/');
    expect(parseBaseUrl('http://localhost:8080/').href).toBe('http://localhost:8080/');
  });

  it('refuses what cannot be the published collection folder', () => {
    for (const value of ['collection/', 'ftp://museum.example/', 'https://museum.example/?a=1', 'file:///tmp/c']) {
      expect(() => parseBaseUrl(value)).toThrow(UsageError);
    }
  });
});
