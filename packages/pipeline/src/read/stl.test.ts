import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStl } from './stl.js';
import {
  collectWarnings,
  onlyPrimitive,
  readAtEveryChunkSize,
  scanFolder,
  triangleCount,
  valuesOf,
} from './test-fixtures.js';

/** Two triangles of a unit square, sharing an edge. */
const SQUARE = [
  [0, 0, 0, 1, 0, 0, 1, 1, 0],
  [0, 0, 0, 1, 1, 0, 0, 1, 0],
];

function binaryStl(triangles: number[][], header = 'binary STL'): Uint8Array {
  const view = new DataView(new ArrayBuffer(84 + 50 * triangles.length));
  new TextEncoder().encodeInto(header, new Uint8Array(view.buffer, 0, 80));
  view.setUint32(80, triangles.length, true);
  triangles.forEach((corners, triangle) => {
    view.setFloat32(84 + 50 * triangle + 8, 1, true); // facet normal 0 0 1
    corners.forEach((value, k) => view.setFloat32(84 + 50 * triangle + 12 + 4 * k, value, true));
  });
  return new Uint8Array(view.buffer);
}

function asciiStl(triangles: number[][]): Uint8Array {
  const facets = triangles.map((corners) => {
    const vertices = [0, 3, 6].map((at) => `      vertex ${corners.slice(at, at + 3).join(' ')}`);
    return ['  facet normal 0 0 1', '    outer loop', ...vertices, '    endloop', '  endfacet'].join('\r\n');
  });
  return new TextEncoder().encode(['solid square', ...facets, 'endsolid square', ''].join('\r\n'));
}

async function readStlBytes(bytes: Uint8Array) {
  const folder = await scanFolder({ 'part.stl': bytes });
  const { warn, warnings } = collectWarnings();
  const document = await readAtEveryChunkSize(readStl, path.join(folder, 'part.stl'), warn);
  return { primitive: onlyPrimitive(document), warnings };
}

describe('readStl', () => {
  it.each([
    ['ascii', asciiStl(SQUARE)],
    ['binary', binaryStl(SQUARE)],
    ['binary whose header starts with "solid"', binaryStl(SQUARE, 'solid square, exported as binary')],
  ])('reads %s, sharing corners at the same position', async (_, bytes) => {
    const { primitive, warnings } = await readStlBytes(bytes);
    expect(warnings).toEqual([]);
    expect(triangleCount(primitive)).toBe(2);
    expect(primitive.getAttribute('POSITION')!.getCount()).toBe(4);
    expect(valuesOf(primitive, 'POSITION')).toContainEqual([1, 1, 0]);
    // Facet normals would split every corner; later steps compute smooth ones.
    expect(primitive.getAttribute('NORMAL')).toBeNull();
  });

  it('ignores bytes after the last triangle, with a warning', async () => {
    const { primitive, warnings } = await readStlBytes(new Uint8Array([...binaryStl(SQUARE), 0, 0, 0, 0]));
    expect(triangleCount(primitive)).toBe(2);
    expect(warnings).toEqual([expect.stringMatching(/part\.stl has 4 bytes after its last triangle/)]);
  });

  it('leaves out triangles with NaN corners', async () => {
    const { primitive, warnings } = await readStlBytes(binaryStl([...SQUARE, [0, 0, 0, NaN, 0, 0, 1, 1, 0]]));
    expect(triangleCount(primitive)).toBe(2);
    expect(warnings).toEqual([expect.stringMatching(/1 faces use points with invalid coordinates/)]);
  });

  it('refuses, in one line each: a cut-short binary file, a text file, an empty solid', async () => {
    const whole = binaryStl(SQUARE, 'solid but binary');
    await expect(readStlBytes(whole.subarray(0, whole.length - 20))).rejects.toMatchObject({
      code: 'corrupt',
      message: 'part.stl is cut short: it should hold 2 triangles but holds 1; copy or export it again',
    });
    const letter = new TextEncoder().encode('Dear curator, '.repeat(10));
    await expect(readStlBytes(letter)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^part\.stl is a text file but not an STL/),
    });
    await expect(readStlBytes(new TextEncoder().encode('solid empty\nendsolid empty\n'))).rejects.toMatchObject({
      code: 'no-geometry',
    });
  });
});
