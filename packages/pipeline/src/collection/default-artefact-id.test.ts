import { describe, expect, it } from 'vitest';
import { defaultArtefactId, objectNameOf, suggestedId } from './default-artefact-id.js';

describe('defaultArtefactId', () => {
  it('comes from the file name when the name says what the object is', () => {
    expect(defaultArtefactId('/scans/Büste des Augustus.obj')).toBe('buste-des-augustus');
    expect(defaultArtefactId('/scans/amphora.glb')).toBe('amphora');
  });

  it('comes from the folder when every export has that name', () => {
    for (const name of [
      'model.obj',
      'texturedMesh.obj',
      'scan.stl',
      'mesh.ply',
      'odm_textured_model.obj',
      'Model_0.glb',
    ]) {
      expect(defaultArtefactId(`/work/Roman Lamp/${name}`), name).toBe('roman-lamp');
    }
    expect(objectNameOf('/work/Roman Lamp/texturedMesh.obj')).toBe('Roman Lamp');
  });

  it('suggests an id with the folder’s name when an id is taken', () => {
    expect(suggestedId('/b/amphora.stl', 'amphora')).toBe('b-amphora');
    expect(suggestedId('/amphora/amphora.stl', 'amphora')).toBe('amphora-2');
  });
});
