/**
 * Area-weighted vertex normals of a triangle mesh. Computed on the welded mesh, before
 * it is cut into UV charts, so both copies of a seam vertex share one smooth normal.
 */
export function vertexNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const normals = new Float32Array(positions.length);
  const sums = new Float64Array(positions.length);
  for (let i = 0; i < indices.length; i += 3) {
    const a = indices[i]! * 3;
    const b = indices[i + 1]! * 3;
    const c = indices[i + 2]! * 3;
    const abx = positions[b]! - positions[a]!;
    const aby = positions[b + 1]! - positions[a + 1]!;
    const abz = positions[b + 2]! - positions[a + 2]!;
    const acx = positions[c]! - positions[a]!;
    const acy = positions[c + 1]! - positions[a + 1]!;
    const acz = positions[c + 2]! - positions[a + 2]!;
    // The cross product's length is twice the area: the weighting comes for free.
    const nx = aby * acz - abz * acy;
    const ny = abz * acx - abx * acz;
    const nz = abx * acy - aby * acx;
    accumulate(sums, a, nx, ny, nz);
    accumulate(sums, b, nx, ny, nz);
    accumulate(sums, c, nx, ny, nz);
  }
  for (let v = 0; v < positions.length; v += 3) {
    const length = Math.hypot(sums[v]!, sums[v + 1]!, sums[v + 2]!) || 1;
    normals[v] = sums[v]! / length;
    normals[v + 1] = sums[v + 1]! / length;
    normals[v + 2] = sums[v + 2]! / length;
  }
  return normals;
}

function accumulate(sums: Float64Array, v: number, x: number, y: number, z: number): void {
  sums[v] = sums[v]! + x;
  sums[v + 1] = sums[v + 1]! + y;
  sums[v + 2] = sums[v + 2]! + z;
}
