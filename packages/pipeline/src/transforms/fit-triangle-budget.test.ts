import { Document, Logger } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { countTriangles } from '../check/count.js';
import { makeBoxDocument } from '../testing/fixtures.js';
import { fitTriangleBudget } from './fit-triangle-budget.js';
import { snapshotPrimitive, trianglesAcrossIslands } from '../testing/simplify-fidelity.js';

/** Keeps the warnings a transform logs, to check what it told the curator. */
class RecordingLogger extends Logger {
  readonly warnings: string[] = [];
  constructor() {
    super(Logger.Verbosity.ERROR);
  }
  override warn(text: string): void {
    this.warnings.push(text);
  }
}

/**
 * A flat-shaded wavy sheet of `2n²` triangles, each with its own three vertices and its face
 * normal, as an STL or a "flat" export gives: every vertex lies on a normal crease. With
 * `chartPerTriangle` each triangle also has its own UV chart, the worst atlas a scanner can make.
 */
function makeFacetedDocument(n: number, chartPerTriangle = false): Document {
  const document = new Document().setLogger(new RecordingLogger());
  const buffer = document.createBuffer();
  const height = (x: number, y: number) => 0.2 * Math.sin(x * 6) * Math.cos(y * 5);
  const corner = (i: number, j: number) => [i / n, j / n, height(i / n, j / n)];
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const quad = [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)];
      for (const [a, b, c] of [
        [0, 1, 2],
        [0, 2, 3],
      ] as const) {
        const [p, q, r] = [quad[a]!, quad[b]!, quad[c]!];
        const u = q.map((value, k) => value - p[k]!);
        const v = r.map((value, k) => value - p[k]!);
        const normal = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
        const length = Math.hypot(...normal);
        const chart = positions.length / 9; // one cell of a 2n × n atlas per triangle
        const [cu, cv] = [(chart % (2 * n)) / (2 * n), Math.floor(chart / (2 * n)) / n];
        for (const [k, point] of [p, q, r].entries()) {
          positions.push(...point);
          normals.push(...normal.map((value) => value / length));
          uvs.push(cu + (k === 1 ? 0.4 / (2 * n) : 0), cv + (k === 2 ? 0.4 / n : 0));
        }
      }
    }
  }
  const accessor = (type: 'VEC2' | 'VEC3', array: number[]) =>
    document.createAccessor().setType(type).setArray(new Float32Array(array)).setBuffer(buffer);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', positions))
    .setAttribute('NORMAL', accessor('VEC3', normals));
  if (chartPerTriangle) primitive.setAttribute('TEXCOORD_0', accessor('VEC2', uvs));
  document.createScene().addChild(document.createNode().setMesh(document.createMesh().addPrimitive(primitive)));
  return document;
}

describe('fitTriangleBudget', () => {
  it('brings a mesh under its budget and keeps its UV charts apart', async () => {
    const { document } = makeBoxDocument({ segments: 32 }); // 12,288 triangles
    const before = snapshotPrimitive(document.getRoot().listMeshes()[0]!.listPrimitives()[0]!);
    await document.transform(fitTriangleBudget({ maxTriangles: 2000 }));
    const after = countTriangles(document);
    expect(after).toBeLessThanOrEqual(2000);
    expect(after).toBeGreaterThan(1500);
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    expect(trianglesAcrossIslands(before, snapshotPrimitive(primitive))).toBe(0);
  });

  it('leaves a mesh already under budget untouched', async () => {
    const { document } = makeBoxDocument({ segments: 4 });
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    const [indices, position] = [primitive.getIndices(), primitive.getAttribute('POSITION')];
    const before = countTriangles(document);
    await document.transform(fitTriangleBudget({ maxTriangles: 10_000 }));
    expect(countTriangles(document)).toBe(before);
    expect(primitive.getIndices()).toBe(indices);
    expect(primitive.getAttribute('POSITION')).toBe(position);
  });

  it('meets the budget of a faceted mesh by letting normal creases go', async () => {
    const document = makeFacetedDocument(40); // 3,200 triangles, every vertex on a crease
    await document.transform(fitTriangleBudget({ maxTriangles: 800 }));
    expect(countTriangles(document)).toBeLessThanOrEqual(800);
    expect(countTriangles(document)).toBeGreaterThan(400);
    expect((document.getLogger() as RecordingLogger).warnings).toEqual([]);
  });

  it('lets UV seams go only as a last resort, and says so', async () => {
    const document = makeFacetedDocument(20, true); // 800 triangles, 800 UV charts
    await document.transform(fitTriangleBudget({ maxTriangles: 200 }));
    expect(countTriangles(document)).toBeLessThanOrEqual(200);
    expect((document.getLogger() as RecordingLogger).warnings).toEqual([
      expect.stringMatching(/UV seams hold the mesh at \d+ triangles, over 200; textures may smear/),
    ]);
  });
});
