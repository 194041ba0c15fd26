import { describe, expect, it } from 'vitest';
import { triangulatePolygon } from './polygon.js';

/** Twice the signed area of triangle abc in the XY plane. */
function cross(points: number[][], [a, b, c]: number[]): number {
  const [pa, pb, pc] = [points[a!]!, points[b!]!, points[c!]!];
  return (pb[0]! - pa[0]!) * (pc[1]! - pa[1]!) - (pc[0]! - pa[0]!) * (pb[1]! - pa[1]!);
}

function triangles(flat: number[]): number[][] {
  return Array.from({ length: flat.length / 3 }, (_, t) => flat.slice(3 * t, 3 * t + 3));
}

describe('triangulatePolygon', () => {
  it('keeps a triangle as it is', () => {
    expect(triangulatePolygon([0, 0, 0, 1, 0, 0, 0, 1, 0])).toEqual([0, 1, 2]);
  });

  it('fans a convex quad', () => {
    expect(triangulatePolygon([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0])).toEqual([0, 1, 2, 0, 2, 3]);
  });

  it('splits a non-convex n-gon inside its outline, in the face winding', () => {
    // An arrow pointing up, counter-clockwise; its reflex corner (index 3) makes a fan from 0 wrong.
    const outline = [
      [0, 0],
      [4, 0],
      [4, 3],
      [2, 1],
      [0, 3],
    ];
    const result = triangles(triangulatePolygon(outline.flatMap(([x, y]) => [x!, y!, 0])));
    expect(result).toHaveLength(3);
    const areas = result.map((triangle) => cross(outline, triangle) / 2);
    expect(areas.every((area) => area > 0)).toBe(true);
    // Outline area by the shoelace formula: 4*3 - the notch (2*2/2*2) = 8.
    expect(areas.reduce((sum, area) => sum + area, 0)).toBeCloseTo(8);
  });

  it('works on a face that is not in the XY plane, either winding', () => {
    const lShape = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    for (const outline of [lShape, [...lShape].reverse()]) {
      const inYZ = outline.flatMap(([u, v]) => [5, u!, v!]);
      const result = triangles(triangulatePolygon(inYZ));
      const signs = result.map((triangle) => Math.sign(cross(outline, triangle)));
      const winding = Math.sign(
        outline.reduce((sum, p, i) => sum + cross(outline, [0, i, (i + 1) % outline.length]), 0),
      );
      expect(result).toHaveLength(4);
      expect(signs.every((sign) => sign === winding)).toBe(true);
    }
  });
});
