import { Document } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { removeDegenerateFaces } from './remove-degenerate-faces.js';

function triangles(indices: number[]) {
  const document = new Document();
  const positions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 0, 0, 1, 1, 0]);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(positions))
    .setIndices(document.createAccessor().setType('SCALAR').setArray(new Uint32Array(indices)));
  document.createMesh().addPrimitive(primitive);
  return { document, primitive };
}

describe('removeDegenerateFaces', () => {
  it('removes faces with a repeated corner, zero-area faces and exact repeats, and counts them', async () => {
    const { document, primitive } = triangles([
      0,
      1,
      2, // kept
      0,
      0,
      2, // repeated corner
      0,
      1,
      3, // three points on one line
      2,
      0,
      1, // the first face again, rotated
      1,
      4,
      2, // kept
    ]);
    let removed = { degenerate: -1, duplicate: -1 };
    await document.transform(removeDegenerateFaces({ onRemoved: (counts) => (removed = counts) }));
    expect(Array.from(primitive.getIndices()!.getArray()!)).toEqual([0, 1, 2, 1, 4, 2]);
    expect(removed).toEqual({ degenerate: 2, duplicate: 1 });
  });

  it('leaves a clean mesh as it was', async () => {
    const { document, primitive } = triangles([0, 1, 2, 1, 4, 2]);
    const before = primitive.getIndices();
    await document.transform(removeDegenerateFaces());
    expect(primitive.getIndices()).toBe(before);
  });
});
