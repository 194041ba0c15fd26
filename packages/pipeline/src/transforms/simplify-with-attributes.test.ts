import { Document, Logger, type Primitive } from '@gltf-transform/core';
import { simplify, weld } from '@gltf-transform/functions';
import { MeshoptSimplifier } from 'meshoptimizer';
import { describe, expect, it } from 'vitest';
import { countTriangles } from '../check/count.js';
import { makeBoxDocument } from '../testing/fixtures.js';
import {
  snapshotPrimitive,
  surfaceError,
  trianglesAcrossIslands,
  uvIslands,
  type MeshSnapshot,
} from '../testing/simplify-fidelity.js';
import { simplifyWithAttributes } from './simplify-with-attributes.js';

const firstPrimitive = (document: Document): Primitive => document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;

/** Every vertex of `after` is a vertex of `before`: same position, same value of `semantic`. */
function verticesComeFrom(before: MeshSnapshot, after: MeshSnapshot, semantic: string): boolean {
  const key = (mesh: MeshSnapshot, v: number) => {
    const { size, values } = mesh.attributes[semantic]!;
    return [...mesh.positions.subarray(v * 3, v * 3 + 3), '|', ...values.subarray(v * size, v * size + size)].join();
  };
  const known = new Set(Array.from({ length: before.positions.length / 3 }, (_, v) => key(before, v)));
  return Array.from({ length: after.positions.length / 3 }, (_, v) => key(after, v)).every((k) => known.has(k));
}

interface GridOptions {
  n: number;
  cylinder?: boolean;
  uv?: (s: number, t: number) => [number, number];
  color?: (s: number, t: number) => [number, number, number];
}

/** A document with one grid primitive (see addGrid). */
function makeGridDocument(options: GridOptions): Document {
  const document = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
  document.createBuffer();
  const mesh = document.createMesh().addPrimitive(addGrid(document, options));
  document.createScene().addChild(document.createNode().setMesh(mesh));
  return document;
}

/**
 * A grid of `n × n` quads over the unit square, wrapped into a cylinder when `cylinder` is set:
 * then u runs once around and the first column is repeated with u = 1, a UV seam.
 */
function addGrid(document: Document, options: GridOptions): Primitive {
  const { n, cylinder = false, uv = (s, t) => [s, t], color } = options;
  const positions: number[] = [];
  const uvs: number[] = [];
  const colors: number[] = [];
  for (let j = 0; j <= n; j++) {
    for (let i = 0; i <= n; i++) {
      const [s, t] = [i / n, j / n];
      const angle = (2 * Math.PI * (i % n)) / n;
      positions.push(...(cylinder ? [Math.cos(angle), t * 2, Math.sin(angle)] : [s, t, 0]));
      uvs.push(...uv(s, t));
      if (color) colors.push(...color(s, t));
    }
  }
  const indices: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const a = j * (n + 1) + i;
      indices.push(a, a + n + 1, a + 1, a + 1, a + n + 1, a + n + 2);
    }
  }
  const buffer = document.getRoot().listBuffers()[0]!;
  const accessor = (type: 'VEC2' | 'VEC3', array: number[]) =>
    document.createAccessor().setType(type).setArray(new Float32Array(array)).setBuffer(buffer);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', positions))
    .setAttribute('TEXCOORD_0', accessor('VEC2', uvs))
    .setIndices(document.createAccessor().setArray(new Uint32Array(indices)).setBuffer(buffer));
  if (color) primitive.setAttribute('COLOR_0', accessor('VEC3', colors));
  return primitive;
}

/** The same input simplified by gltf-transform's position-only `simplify`, for comparison. */
async function positionOnly(document: Document, ratio: number): Promise<void> {
  await document.transform(weld(), simplify({ simplifier: MeshoptSimplifier, ratio, error: 1 }));
}

describe('simplifyWithAttributes', () => {
  it('keeps the UV charts of a box apart and meets the target', async () => {
    // 3,072 triangles; each face maps to the whole UV square, so the faces whose shared edge has
    // equal UVs on both sides form one chart and the others meet at seams.
    const { document } = makeBoxDocument({ segments: 16 });
    const before = snapshotPrimitive(firstPrimitive(document));
    expect(uvIslands(before).count).toBe(2);
    await document.transform(simplifyWithAttributes({ ratio: 0.25 }));
    const after = snapshotPrimitive(firstPrimitive(document));
    expect(countTriangles(document)).toBeLessThanOrEqual(768);
    expect(countTriangles(document)).toBeGreaterThan(600);
    expect(trianglesAcrossIslands(before, after)).toBe(0);
    expect(uvIslands(after).count).toBe(2);
    // No UV was interpolated: each output vertex is an input vertex, position and UV alike.
    expect(verticesComeFrom(before, after, 'TEXCOORD_0')).toBe(true);
    // Removed vertices are gone from the streams, not just unreferenced.
    expect(new Set(after.indices).size).toBe(after.positions.length / 3);
  });

  it('never joins the two sides of a cylinder’s UV seam', async () => {
    const document = makeGridDocument({ n: 32, cylinder: true }); // 2,048 triangles
    const before = snapshotPrimitive(firstPrimitive(document));
    await document.transform(simplifyWithAttributes({ targetTriangles: 512 }));
    const after = snapshotPrimitive(firstPrimitive(document));
    expect(countTriangles(document)).toBeLessThanOrEqual(512);
    expect(trianglesAcrossIslands(before, after)).toBe(0);
    expect(uvIslands(after).count).toBe(uvIslands(before).count);
    // A triangle from u≈1 to u=0 would stretch the whole texture across it.
    for (let t = 0; t < after.indices.length; t += 3) {
      const us = [0, 1, 2].map((k) => after.attributes['TEXCOORD_0']!.values[after.indices[t + k]! * 2]!);
      expect(Math.max(...us) - Math.min(...us)).toBeLessThan(0.5);
    }
  });

  it('keeps vertex colours where position-only simplification smears them', async () => {
    // A flat sheet: its shape needs two triangles, its look needs the colour bands.
    const color = (s: number): [number, number, number] => [0.5 + 0.5 * Math.sin(s * 12), 0.2, 0.5];
    const make = () => makeGridDocument({ n: 24, color });
    const source = snapshotPrimitive(firstPrimitive(make()));

    const ours = make();
    await ours.transform(simplifyWithAttributes({ ratio: 0.25 }));
    const theirs = make();
    await positionOnly(theirs, 0.25);

    const oursAfter = snapshotPrimitive(firstPrimitive(ours));
    expect(verticesComeFrom(source, oursAfter, 'COLOR_0')).toBe(true);
    const oursError = surfaceError(source, oursAfter, 'COLOR_0').attribute;
    const theirsError = surfaceError(source, snapshotPrimitive(firstPrimitive(theirs)), 'COLOR_0').attribute;
    expect(countTriangles(ours)).toBeLessThanOrEqual(288);
    expect(oursError.mean).toBeLessThan(theirsError.mean / 4);
    expect(oursError.max).toBeLessThan(theirsError.max / 2);
  });

  it('keeps a curved texture mapping that position-only simplification flattens', async () => {
    const uv = (s: number, t: number): [number, number] => [s * s, t];
    const make = () => makeGridDocument({ n: 24, uv });
    const source = snapshotPrimitive(firstPrimitive(make()));
    const ours = make();
    await ours.transform(simplifyWithAttributes({ ratio: 0.25 }));
    const theirs = make();
    await positionOnly(theirs, 0.25);
    const oursError = surfaceError(source, snapshotPrimitive(firstPrimitive(ours)), 'TEXCOORD_0').attribute;
    const theirsError = surfaceError(source, snapshotPrimitive(firstPrimitive(theirs)), 'TEXCOORD_0').attribute;
    expect(oursError.max).toBeLessThan(theirsError.max / 4);
  });

  it('shares the target among primitives by their triangles', async () => {
    const document = makeGridDocument({ n: 32 }); // 2,048 triangles
    const mesh = document.getRoot().listMeshes()[0]!;
    mesh.addPrimitive(addGrid(document, { n: 16 })); // 512
    await document.transform(simplifyWithAttributes({ targetTriangles: 640 }));
    const [big, small] = mesh.listPrimitives().map((primitive) => primitive.getIndices()!.getCount() / 3);
    expect(big! + small!).toBeLessThanOrEqual(640);
    expect(big! / small!).toBeCloseTo(4, 0);
  });
});
