import { describe, expect, it } from 'vitest';
import { artefactIdFromManifestUrl } from './element-events.js';

describe('artefactIdFromManifestUrl', () => {
  it('reads the id from the collection layout', () => {
    expect(artefactIdFromManifestUrl('collection/amphora/artefact.json')).toBe('amphora');
    expect(artefactIdFromManifestUrl('https://cdn.example/c/bronze-mirror/artefact.json?v=2')).toBe('bronze-mirror');
  });

  it('falls back to the file name for a manifest stored another way', () => {
    expect(artefactIdFromManifestUrl('/objects/1234.json')).toBe('1234');
  });
});
