/**
 * Squared distance from point p to the triangle (a, b, c), by the Voronoi-region walk of
 * Ericson, "Real-Time Collision Detection" §5.1.5. Written on plain numbers rather than
 * vector objects: it runs tens of millions of times per benchmark, and allocation would
 * dominate it.
 */
export function pointTriangleDistanceSquared(
  px: number,
  py: number,
  pz: number,
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  cx: number,
  cy: number,
  cz: number,
): number {
  const abx = bx - ax;
  const aby = by - ay;
  const abz = bz - az;
  const acx = cx - ax;
  const acy = cy - ay;
  const acz = cz - az;
  const apx = px - ax;
  const apy = py - ay;
  const apz = pz - az;
  const d1 = abx * apx + aby * apy + abz * apz;
  const d2 = acx * apx + acy * apy + acz * apz;
  if (d1 <= 0 && d2 <= 0) return squared(apx, apy, apz); // vertex a

  const bpx = px - bx;
  const bpy = py - by;
  const bpz = pz - bz;
  const d3 = abx * bpx + aby * bpy + abz * bpz;
  const d4 = acx * bpx + acy * bpy + acz * bpz;
  if (d3 >= 0 && d4 <= d3) return squared(bpx, bpy, bpz); // vertex b

  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const v = d1 / (d1 - d3); // edge ab
    return squared(apx - v * abx, apy - v * aby, apz - v * abz);
  }

  const cpx = px - cx;
  const cpy = py - cy;
  const cpz = pz - cz;
  const d5 = abx * cpx + aby * cpy + abz * cpz;
  const d6 = acx * cpx + acy * cpy + acz * cpz;
  if (d6 >= 0 && d5 <= d6) return squared(cpx, cpy, cpz); // vertex c

  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const w = d2 / (d2 - d6); // edge ac
    return squared(apx - w * acx, apy - w * acy, apz - w * acz);
  }

  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6)); // edge bc
    return squared(bpx - w * (cx - bx), bpy - w * (cy - by), bpz - w * (cz - bz));
  }

  const denominator = va + vb + vc;
  if (denominator === 0) {
    // A degenerate (zero-area) triangle that is not caught above: fall back to its corners.
    return Math.min(squared(apx, apy, apz), squared(bpx, bpy, bpz), squared(cpx, cpy, cpz));
  }
  const v = vb / denominator; // inside the face
  const w = vc / denominator;
  return squared(apx - abx * v - acx * w, apy - aby * v - acy * w, apz - abz * v - acz * w);
}

function squared(x: number, y: number, z: number): number {
  return x * x + y * y + z * z;
}
