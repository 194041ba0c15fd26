import { Primitive } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { makeBoxDocument } from '../testing/fixtures.js';
import { tuples, usdaArray } from './usdz-test-helpers.js';
import { triangleIndices, writeMeshPrim } from './usdz-mesh.js';
import { UsdaWriter } from './usdz-text.js';

function boxPrimitive(): Primitive {
  return makeBoxDocument({ segments: 1 }).document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
}

function write(primitive: Primitive, worldMatrix: number[]): string {
  const out = new UsdaWriter();
  writeMeshPrim(out, {
    name: 'Box',
    primitive,
    worldMatrix: worldMatrix as Parameters<typeof writeMeshPrim>[1]['worldMatrix'],
    materialPath: '/Root/Materials/M',
    doubleSided: false,
    uvSets: new Map(),
    colorFactor: [1, 1, 1],
  });
  return out.toString();
}

describe('mesh prims', () => {
  it('unrolls strips and fans into triangles that keep their front faces', () => {
    const primitive = boxPrimitive().setIndices(null);
    primitive.setMode(Primitive.Mode.TRIANGLE_STRIP!);
    expect([...triangleIndices(primitive)!.slice(0, 9)]).toEqual([0, 1, 2, 2, 1, 3, 2, 3, 4]);
    primitive.setMode(Primitive.Mode.TRIANGLE_FAN!);
    expect([...triangleIndices(primitive)!.slice(0, 6)]).toEqual([0, 1, 2, 0, 2, 3]);
    primitive.setMode(Primitive.Mode.LINES!);
    expect(triangleIndices(primitive)).toBeNull();
  });

  it('bakes a mirroring matrix without turning faces or normals inside out', () => {
    const primitive = boxPrimitive();
    const mirror = [-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.5, 0, 0, 1];
    const usda = write(primitive, mirror);
    const points = tuples(usdaArray(usda, 'point3f[] points'), 3);
    const normals = tuples(usdaArray(usda, 'normal3f[] normals'), 3);
    const corners = usdaArray(usda, 'int[] faceVertexIndices');
    // Every face's winding (right-handed, counter-clockwise) agrees with its vertex normals.
    for (let i = 0; i < corners.length; i += 3) {
      const [a, b, c] = [corners[i]!, corners[i + 1]!, corners[i + 2]!].map((index) => points[index]!);
      const ab = a!.map((value, axis) => b![axis]! - value);
      const ac = a!.map((value, axis) => c![axis]! - value);
      const face = [
        ab[1]! * ac[2]! - ab[2]! * ac[1]!,
        ab[2]! * ac[0]! - ab[0]! * ac[2]!,
        ab[0]! * ac[1]! - ab[1]! * ac[0]!,
      ];
      const normal = normals[corners[i]!]!;
      expect(face[0]! * normal[0]! + face[1]! * normal[1]! + face[2]! * normal[2]!).toBeGreaterThan(0);
    }
    expect(Math.max(...points.map((p) => p[0]!))).toBeCloseTo(1, 6); // -(-0.5) + 0.5
  });
});
