/**
 * A mesh as the metrics see it: every triangle's three corners in world space, nine floats
 * a triangle, with no indices, materials or attributes. Hausdorff distance is about the
 * surface only, so this is all any tool's output is reduced to before it is compared.
 */
export interface TriangleSoup {
  /** x0 y0 z0 x1 y1 z1 x2 y2 z2 per triangle. */
  readonly positions: Float32Array;
}

export function triangleCount(soup: TriangleSoup): number {
  return soup.positions.length / 9;
}

export interface Bounds {
  readonly min: [number, number, number];
  readonly max: [number, number, number];
}

export function soupBounds(soup: TriangleSoup): Bounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  const { positions } = soup;
  for (let i = 0; i < positions.length; i += 3) {
    for (let axis = 0; axis < 3; axis++) {
      const value = positions[i + axis]!;
      if (value < min[axis]!) min[axis] = value;
      if (value > max[axis]!) max[axis] = value;
    }
  }
  return { min, max };
}

export function boundsDiagonal(bounds: Bounds): number {
  return Math.hypot(bounds.max[0] - bounds.min[0], bounds.max[1] - bounds.min[1], bounds.max[2] - bounds.min[2]);
}

/** The same surface moved by (dx, dy, dz): for tests of the metrics. */
export function translateSoup(soup: TriangleSoup, dx: number, dy: number, dz: number): TriangleSoup {
  const positions = new Float32Array(soup.positions);
  for (let i = 0; i < positions.length; i += 3) {
    positions[i] = positions[i]! + dx;
    positions[i + 1] = positions[i + 1]! + dy;
    positions[i + 2] = positions[i + 2]! + dz;
  }
  return { positions };
}
