// The one space every output of the large benchmark is compared in: the space `vitrine
// ingest` puts a scan in (normalize.ts: metres, Y up, centred on X and Z, standing on y = 0).
// Our outputs are already there; gltfpack reads the OBJ as it is (millimetres, Z up), so its
// outputs and the source's own triangles are carried over by the same transform ingest applies.
import type { Bounds } from '../metrics/triangle-soup.js';

/** Column-major 4 × 4 matrix, as glTF and gltf-transform write them. */
export type Matrix4 = readonly number[];

/**
 * The ingest's transform of a Z-up scan in `unitsPerMetre` units whose raw bounds are
 * `bounds`: (x, y, z) → (x, z, −y) (make-y-up.ts), scaled to metres (rescale.ts), then
 * moved so that the bounds are centred on X and Z with their bottom at y = 0 (place-on-ground.ts).
 */
export function ingestFrame(bounds: Bounds, metresPerUnit: number): Matrix4 {
  const s = metresPerUnit;
  const [minX, minY, minZ] = bounds.min;
  const [maxX, maxY] = bounds.max;
  const tx = (-(minX + maxX) / 2) * s;
  const ty = -minZ * s;
  const tz = ((minY + maxY) / 2) * s;
  return [s, 0, 0, 0, 0, 0, -s, 0, 0, s, 0, 0, tx, ty, tz, 1];
}

/** Applies `m` in place to x y z triples. */
export function transformPoints(m: Matrix4, points: Float32Array): void {
  for (let i = 0; i < points.length; i += 3) {
    const x = points[i]!;
    const y = points[i + 1]!;
    const z = points[i + 2]!;
    points[i] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    points[i + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    points[i + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
  }
}

/** The bounds after the transform (exact for the axis-swapping transforms used here). */
export function transformBounds(m: Matrix4, bounds: Bounds): Bounds {
  const corners = new Float32Array(24);
  for (let corner = 0; corner < 8; corner++) {
    for (let axis = 0; axis < 3; axis++) {
      corners[corner * 3 + axis] = (corner >> axis) & 1 ? bounds.max[axis]! : bounds.min[axis]!;
    }
  }
  transformPoints(m, corners);
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < 24; i++) {
    min[i % 3] = Math.min(min[i % 3]!, corners[i]!);
    max[i % 3] = Math.max(max[i % 3]!, corners[i]!);
  }
  return { min, max };
}
