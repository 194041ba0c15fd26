import { ShapeUtils, Vector2 } from 'three';

/**
 * Splits a polygon face of n corners into triangles, returned as corner numbers (0..n-1) in
 * the face's own winding. `xyz` holds the corners' positions, three numbers each.
 *
 * Convex faces (nearly every quad) become a fan. A non-convex face would get triangles
 * outside its outline from a fan, so it goes through three's ShapeUtils (earcut) on the
 * face's plane instead; earcut returns its own winding, which is turned back to the face's.
 */
export function triangulatePolygon(xyz: ArrayLike<number>): number[] {
  const cornerCount = Math.floor(xyz.length / 3);
  if (cornerCount < 3) return [];
  if (cornerCount === 3) return [0, 1, 2];
  const outline = projectOntoFacePlane(xyz, cornerCount);
  const area = signedArea(outline);
  if (area === 0 || isConvex(outline, area)) return fan(cornerCount);
  const triangles: number[] = [];
  for (const [a, b, c] of ShapeUtils.triangulateShape(outline, []) as [number, number, number][]) {
    const sameWinding = Math.sign(triangleArea(outline[a]!, outline[b]!, outline[c]!)) === Math.sign(area);
    triangles.push(...(sameWinding ? [a, b, c] : [a, c, b]));
  }
  return triangles;
}

function fan(cornerCount: number): number[] {
  const triangles: number[] = [];
  for (let corner = 1; corner < cornerCount - 1; corner++) triangles.push(0, corner, corner + 1);
  return triangles;
}

/**
 * Drops the axis the face is most nearly perpendicular to (from its Newell normal). Vector2,
 * not {x, y}: ShapeUtils calls Vector2 methods, though its types ask only for {x, y}.
 */
function projectOntoFacePlane(xyz: ArrayLike<number>, cornerCount: number): Vector2[] {
  const normal = [0, 0, 0];
  for (let i = 0; i < cornerCount; i++) {
    const j = (i + 1) % cornerCount;
    const [xi, yi, zi] = [xyz[3 * i]!, xyz[3 * i + 1]!, xyz[3 * i + 2]!];
    const [xj, yj, zj] = [xyz[3 * j]!, xyz[3 * j + 1]!, xyz[3 * j + 2]!];
    normal[0]! += (yi - yj) * (zi + zj);
    normal[1]! += (zi - zj) * (xi + xj);
    normal[2]! += (xi - xj) * (yi + yj);
  }
  const magnitudes = normal.map(Math.abs);
  const dropped = magnitudes.indexOf(Math.max(...magnitudes));
  const [u, v] = [0, 1, 2].filter((axis) => axis !== dropped) as [number, number];
  return Array.from({ length: cornerCount }, (_, i) => new Vector2(xyz[3 * i + u]!, xyz[3 * i + v]!));
}

function signedArea(outline: Vector2[]): number {
  let twiceArea = 0;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    twiceArea += a.x * b.y - b.x * a.y;
  }
  return twiceArea / 2;
}

function triangleArea(a: Vector2, b: Vector2, c: Vector2): number {
  return ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
}

/** Every turn goes the same way as the whole outline (straight runs allowed). */
function isConvex(outline: Vector2[], area: number): boolean {
  const n = outline.length;
  return outline.every((point, i) => triangleArea(outline[(i + n - 1) % n]!, point, outline[(i + 1) % n]!) * area >= 0);
}
