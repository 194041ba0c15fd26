import { SeededRandom } from '../../samples/random.js';
import type { TriangleSoup } from './triangle-soup.js';

/**
 * `count` points spread uniformly by area over the surface, as x y z triples. Stratified:
 * the i-th point falls in the i-th equal slice of the cumulative area, so even a modest
 * count reaches every part of the surface, and consecutive points lie on nearby triangles
 * (which keeps the BVH's last-nearest shortcut warm). Seeded: two runs draw the same points.
 */
export function sampleSurface(soup: TriangleSoup, count: number, seed = 1): Float32Array {
  const { positions } = soup;
  const triangles = positions.length / 9;
  const cumulative = new Float64Array(triangles);
  let total = 0;
  for (let t = 0; t < triangles; t++) {
    total += triangleArea(positions, t * 9);
    cumulative[t] = total;
  }
  const points = new Float32Array(count * 3);
  if (total === 0 || count === 0) return points.subarray(0, 0);
  const random = new SeededRandom(seed);
  let t = 0;
  for (let i = 0; i < count; i++) {
    const target = ((i + random.next()) / count) * total;
    while (t < triangles - 1 && cumulative[t]! < target) t++;
    // Uniform barycentric coordinates: the square root keeps points from crowding corner a.
    const s = Math.sqrt(random.next());
    const r = random.next();
    const a = 1 - s;
    const b = s * (1 - r);
    const c = s * r;
    const base = t * 9;
    for (let axis = 0; axis < 3; axis++) {
      points[i * 3 + axis] =
        a * positions[base + axis]! + b * positions[base + 3 + axis]! + c * positions[base + 6 + axis]!;
    }
  }
  return points;
}

/** Area of the triangle whose nine coordinates start at `i` in a triangle soup. */
export function triangleArea(p: Float32Array, i: number): number {
  const abx = p[i + 3]! - p[i]!;
  const aby = p[i + 4]! - p[i + 1]!;
  const abz = p[i + 5]! - p[i + 2]!;
  const acx = p[i + 6]! - p[i]!;
  const acy = p[i + 7]! - p[i + 1]!;
  const acz = p[i + 8]! - p[i + 2]!;
  const cx = aby * acz - abz * acy;
  const cy = abz * acx - abx * acz;
  const cz = abx * acy - aby * acx;
  return 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
}
