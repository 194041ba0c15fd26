import { Document, type Primitive } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { repairNormals } from './repair-normals.js';

/** Two triangles, given as corner positions and one normal per vertex, indexed. */
function mesh(
  positions: number[],
  normals: ArrayLike<number>,
  indices: number[],
): { document: Document; primitive: Primitive } {
  const document = new Document();
  const normalArray = normals instanceof Int8Array ? normals : new Float32Array(Array.from(normals));
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(new Float32Array(positions)))
    .setAttribute(
      'NORMAL',
      document
        .createAccessor()
        .setType('VEC3')
        .setArray(normalArray)
        .setNormalized(normalArray instanceof Int8Array),
    )
    .setIndices(document.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)));
  document.createMesh().addPrimitive(primitive);
  return { document, primitive };
}

async function repair(document: Document) {
  let repaired = { rescaled: -1, recomputed: -1 };
  await document.transform(repairNormals({ onRepaired: (counts) => (repaired = counts) }));
  return repaired;
}

function normalsOf(primitive: Primitive): number[][] {
  const normal = primitive.getAttribute('NORMAL')!;
  return Array.from({ length: normal.getCount() }, (_, i) => normal.getElement(i, []));
}

const QUAD = [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0];

describe('repairNormals', () => {
  it('rescales long and short normals, and recomputes zero and NaN ones from their faces', async () => {
    const { document, primitive } = mesh(QUAD, [0, 0, 2, 0, 0, 0, NaN, 0, 0, 0, 0.5, 0.5], [0, 1, 2, 0, 2, 3]);
    expect(await repair(document)).toEqual({ rescaled: 2, recomputed: 2 });
    const [v0, v1, v2, v3] = normalsOf(primitive);
    expect(v0).toEqual([0, 0, 1]);
    expect(v1).toEqual([0, 0, 1]);
    expect(v2).toEqual([0, 0, 1]);
    expect(v3![1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(v3![2]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('weighs the faces around a vertex by their area', async () => {
    // A ridge along x: a face rising in +y (facing +z) and a smaller one dropping in -z (facing +y).
    const positions = [0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, -1];
    const { document, primitive } = mesh(positions, [0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0], [0, 1, 2, 0, 1, 3]);
    expect(await repair(document)).toEqual({ rescaled: 0, recomputed: 1 });
    const [x, y, z] = normalsOf(primitive)[0]!;
    // Areas 1 and 0.5: the normal leans twice as far toward +z as toward +y.
    expect(x).toBeCloseTo(0, 6);
    expect(z! / y!).toBeCloseTo(2, 5);
    expect(Math.hypot(x!, y!, z!)).toBeCloseTo(1, 6);
  });

  it('writes repaired quantized normals back as floats', async () => {
    const { document, primitive } = mesh(
      QUAD,
      new Int8Array([0, 0, 127, 0, 0, 0, 0, 0, 127, 0, 0, 127]),
      [0, 1, 2, 0, 2, 3],
    );
    expect(await repair(document)).toEqual({ rescaled: 0, recomputed: 1 });
    const normal = primitive.getAttribute('NORMAL')!;
    expect(normal.getArray()).toBeInstanceOf(Float32Array);
    expect(normal.getNormalized()).toBe(false);
    expect(normalsOf(primitive)).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ]);
  });

  it('leaves unit normals, and their array, as they are', async () => {
    const normals = new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    const { document, primitive } = mesh(QUAD, normals, [0, 1, 2, 0, 2, 3]);
    const array = primitive.getAttribute('NORMAL')!.getArray();
    expect(await repair(document)).toEqual({ rescaled: 0, recomputed: 0 });
    expect(primitive.getAttribute('NORMAL')!.getArray()).toBe(array);
    expect(Array.from(array!)).toEqual(Array.from(normals));
  });
});
