// Scanner-like noise for the subdivided benchmark source: a small offset of each new vertex
// along the surface normal, as a structured-light or photogrammetry scan measures depth.
import { hash3 } from '../../samples/random.js';
import type { IndexedMesh } from './subdivided-mesh.js';

/**
 * Moves vertices `firstVertex` onwards by up to ±`amplitude` along the normal, in place.
 *
 * Copies of one point (a UV or normal seam splits a vertex into several) must move
 * together, or the seam would open into a crack that no scanner makes and that simplifiers
 * then treat as a border. So the offset is a seeded hash of the point's exact position
 * rather than the next number of a sequence, and its direction is the copies' mean normal:
 * the Bali mask has seams whose copies' normals differ, some pointing opposite ways.
 */
export function addScannerNoise(mesh: IndexedMesh, firstVertex: number, amplitude: number, seed: number): void {
  const positions = mesh.attributes.POSITION!.values;
  const normals = mesh.attributes.NORMAL?.values;
  if (!normals) throw new Error('scanner noise moves vertices along NORMAL, which this mesh lacks');
  const count = positions.length / 3;

  // The float bits of a position, so that exactly equal points get equal keys and hashes.
  const point = new Float32Array(3);
  const bits = new Int32Array(point.buffer);
  const pointOf = (vertex: number) => {
    point.set(positions.subarray(3 * vertex, 3 * vertex + 3));
    return bits;
  };

  const groups = new Map<string, number>();
  const groupOf = new Int32Array(count - firstVertex);
  const normalSums: number[] = [];
  const firstNormalOf: number[] = [];
  for (let vertex = firstVertex; vertex < count; vertex++) {
    const key = pointOf(vertex).join(',');
    let group = groups.get(key);
    if (group === undefined) {
      group = groups.size;
      groups.set(key, group);
      normalSums.push(0, 0, 0);
      firstNormalOf.push(vertex);
    }
    groupOf[vertex - firstVertex] = group;
    for (let k = 0; k < 3; k++) normalSums[3 * group + k]! += normals[3 * vertex + k]!;
  }

  for (let vertex = firstVertex; vertex < count; vertex++) {
    const group = groupOf[vertex - firstVertex]!;
    let [x, y, z] = [normalSums[3 * group]!, normalSums[3 * group + 1]!, normalSums[3 * group + 2]!];
    let length = Math.hypot(x, y, z);
    if (length < 1e-6) {
      // Copies facing opposite ways cancel out: any one of them agreed on by all copies will do.
      const first = firstNormalOf[group]!;
      [x, y, z] = [normals[3 * first]!, normals[3 * first + 1]!, normals[3 * first + 2]!];
      length = Math.hypot(x, y, z) || 1;
    }
    const [bx, by, bz] = pointOf(vertex);
    const offset = (amplitude * (2 * hash3(bx!, by!, bz!, seed) - 1)) / length;
    positions[3 * vertex] = positions[3 * vertex]! + x * offset;
    positions[3 * vertex + 1] = positions[3 * vertex + 1]! + y * offset;
    positions[3 * vertex + 2] = positions[3 * vertex + 2]! + z * offset;
  }
}
