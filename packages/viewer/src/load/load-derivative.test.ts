import { describe, expect, it } from 'vitest';
import { glbUsesExtension } from './load-derivative.js';

function glb(json: object): ArrayBuffer {
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(20 + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, bytes.length, true);
  view.setUint32(12, body.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  bytes.set(body, 20);
  return bytes.buffer;
}

describe('glbUsesExtension', () => {
  it('finds KTX2 textures from the GLB’s own JSON', () => {
    const file = glb({ asset: { version: '2.0' }, extensionsUsed: ['KHR_texture_basisu', 'EXT_meshopt_compression'] });
    expect(glbUsesExtension(file, 'KHR_texture_basisu')).toBe(true);
    expect(glbUsesExtension(file, 'KHR_draco_mesh_compression')).toBe(false);
  });

  it('says no, rather than throwing, for anything that is not a GLB', () => {
    expect(glbUsesExtension(new TextEncoder().encode('<html>not found</html>').buffer, 'KHR_texture_basisu')).toBe(
      false,
    );
    expect(glbUsesExtension(new ArrayBuffer(3), 'KHR_texture_basisu')).toBe(false);
  });
});
