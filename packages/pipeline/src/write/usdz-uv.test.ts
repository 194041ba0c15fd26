import { Document } from '@gltf-transform/core';
import { KHRTextureTransform } from '@gltf-transform/extensions';
import { describe, expect, it } from 'vitest';
import { affineOf, toSt, uvSetsOf } from './usdz-uv.js';

function transformed(offset: [number, number], rotation: number, scale: [number, number]) {
  const document = new Document();
  return document
    .createExtension(KHRTextureTransform)
    .createTransform()
    .setOffset(offset)
    .setRotation(rotation)
    .setScale(scale);
}

describe('UV to st', () => {
  it('flips V: glTF v = 0 is the image top, USD t = 0 its bottom', () => {
    expect(toSt(0.25, 0, null, [0, 0])).toEqual([0.25, 1]);
    expect(toSt(0.25, 0.9, null, [0, 0])).toEqual([0.25, 1 - 0.9]);
  });

  it('applies KHR_texture_transform as the extension specifies', () => {
    // The extension's own example: "only the lower left quadrant of the source image, rotated clockwise 90°".
    const affine = affineOf(transformed([0, 1], Math.PI / 2, [0.5, 0.5]));
    const corners = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ].map(([u, v]) => toSt(u!, v!, affine, [0, 0]).map((value) => Math.round(value * 1e6) / 1e6 + 0));
    // In st (origin bottom-left) the lower-left quadrant is s in [0, 0.5], t in [0, 0.5].
    expect(corners).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0],
      [0.5, 0.5],
    ]);
    // Offset and scale alone: an atlas tile, the common case (gltfpack's quantized UVs too).
    expect(toSt(1, 1, affineOf(transformed([0.5, 0.25], 0, [0.25, 0.5])), [0, 0])).toEqual([0.75, 0.25]);
  });

  it('takes each UV set transform from the first slot that samples it', () => {
    const document = new Document();
    const texture = document.createTexture();
    const material = document.createMaterial().setBaseColorTexture(texture).setNormalTexture(texture);
    material.getNormalTextureInfo()!.setTexCoord(1);
    const transform = document.createExtension(KHRTextureTransform).createTransform().setScale([2, 2]);
    material.getBaseColorTextureInfo()!.setExtension('KHR_texture_transform', transform);
    const sets = uvSetsOf(material);
    expect([...sets.keys()]).toEqual([0, 1]);
    expect(sets.get(0)!.map((value) => value + 0)).toEqual([2, 0, 0, 0, 2, 0]);
    expect(sets.get(1)).toBeNull();
    expect(uvSetsOf(null).size).toBe(0);
  });
});
