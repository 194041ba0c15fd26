import { describe, expect, it } from 'vitest';
import { glbExtensionsUsed } from './load-derivative.js';

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

describe('glbExtensionsUsed', () => {
  it('reads the extensions from the GLB’s own JSON, to load only the decoders it needs', () => {
    const file = glb({ asset: { version: '2.0' }, extensionsUsed: ['KHR_texture_basisu', 'EXT_meshopt_compression'] });
    expect(glbExtensionsUsed(file)).toEqual(['KHR_texture_basisu', 'EXT_meshopt_compression']);
    expect(glbExtensionsUsed(glb({ asset: { version: '2.0' } }))).toEqual([]);
  });

  it('finds none, rather than throwing, in anything that is not a GLB', () => {
    expect(glbExtensionsUsed(new TextEncoder().encode('<html>not found</html>').buffer)).toEqual([]);
    expect(glbExtensionsUsed(new ArrayBuffer(3))).toEqual([]);
    expect(glbExtensionsUsed(glb({ extensionsUsed: 'KHR_texture_basisu' }))).toEqual([]);
  });
});
