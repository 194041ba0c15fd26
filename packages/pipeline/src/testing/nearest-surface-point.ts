/** The point of a triangle mesh nearest a query point, as a triangle and barycentric weights. */
export interface SurfacePoint {
  /** Index of the triangle, or −1 when no triangle was accepted. */
  triangle: number;
  distanceSquared: number;
  /** Weights of the triangle's three corners at the point. */
  weights: [number, number, number];
}

/**
 * Nearest-point queries against a triangle mesh, for measuring simplification: a uniform grid of
 * triangles searched in growing shells of cells around the query point, so a query touches a few
 * dozen triangles instead of all of them.
 */
export class NearestSurfacePoint {
  private readonly cells = new Map<number, number[]>();
  private readonly min: number[];
  private readonly size: number;
  private readonly n: number;
  private readonly stamp: Int32Array;
  private query = 0;

  constructor(
    private readonly positions: Float32Array,
    private readonly indices: Uint32Array,
  ) {
    const triangles = indices.length / 3;
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < positions.length; i++) {
      min[i % 3] = Math.min(min[i % 3]!, positions[i]!);
      max[i % 3] = Math.max(max[i % 3]!, positions[i]!);
    }
    this.min = min;
    // About two triangles a cell.
    this.n = Math.max(1, Math.round(Math.cbrt(triangles / 2)));
    this.size = Math.max(...max.map((value, i) => value - min[i]!)) / this.n || 1;
    this.stamp = new Int32Array(triangles);
    for (let t = 0; t < triangles; t++) {
      const lo = [Infinity, Infinity, Infinity];
      const hi = [-Infinity, -Infinity, -Infinity];
      for (let k = 0; k < 3; k++) {
        const v = indices[t * 3 + k]!;
        for (let i = 0; i < 3; i++) {
          const cell = this.cell(positions[v * 3 + i]!, i);
          lo[i] = Math.min(lo[i]!, cell);
          hi[i] = Math.max(hi[i]!, cell);
        }
      }
      for (let x = lo[0]!; x <= hi[0]!; x++)
        for (let y = lo[1]!; y <= hi[1]!; y++)
          for (let z = lo[2]!; z <= hi[2]!; z++) {
            const key = (x * this.n + y) * this.n + z;
            const list = this.cells.get(key);
            if (list) list.push(t);
            else this.cells.set(key, [t]);
          }
    }
  }

  /** Nearest point of the triangles that `accept` lets through (all, when omitted). */
  nearest(p: readonly number[], accept?: (triangle: number) => boolean): SurfacePoint {
    const best: SurfacePoint = { triangle: -1, distanceSquared: Infinity, weights: [1, 0, 0] };
    const center = [0, 1, 2].map((i) => this.cell(p[i]!, i));
    const query = ++this.query;
    for (let r = 0; r <= this.n; r++) {
      const lo = center.map((c) => Math.max(0, c - r));
      const hi = center.map((c) => Math.min(this.n - 1, c + r));
      for (let x = lo[0]!; x <= hi[0]!; x++)
        for (let y = lo[1]!; y <= hi[1]!; y++)
          for (let z = lo[2]!; z <= hi[2]!; z++) {
            // Only the shell at distance r: the inside was searched already.
            if (Math.max(Math.abs(x - center[0]!), Math.abs(y - center[1]!), Math.abs(z - center[2]!)) !== r) continue;
            for (const t of this.cells.get((x * this.n + y) * this.n + z) ?? []) {
              if (this.stamp[t] === query || (accept && !accept(t))) continue;
              this.stamp[t] = query;
              this.test(p, t, best);
            }
          }
      // Anything not seen yet lies outside the searched block of cells.
      let reach = Infinity;
      for (let i = 0; i < 3; i++) {
        reach = Math.min(reach, p[i]! - (this.min[i]! + (center[i]! - r) * this.size));
        reach = Math.min(reach, this.min[i]! + (center[i]! + r + 1) * this.size - p[i]!);
      }
      if (best.triangle >= 0 && reach > 0 && best.distanceSquared <= reach * reach) break;
    }
    return best;
  }

  private cell(value: number, axis: number): number {
    return Math.min(this.n - 1, Math.max(0, Math.floor((value - this.min[axis]!) / this.size)));
  }

  /**
   * Closest point of triangle t to p (Ericson, Real-Time Collision Detection, 5.1.5), kept in
   * `best` when nearer. Scalar code: a measurement runs it millions of times.
   */
  private test(p: readonly number[], t: number, best: SurfacePoint): void {
    const { positions, indices } = this;
    const [ia, ib, ic] = [indices[t * 3]! * 3, indices[t * 3 + 1]! * 3, indices[t * 3 + 2]! * 3];
    const [px, py, pz] = [p[0]!, p[1]!, p[2]!];
    const [ax, ay, az] = [positions[ia]!, positions[ia + 1]!, positions[ia + 2]!];
    const [abx, aby, abz] = [positions[ib]! - ax, positions[ib + 1]! - ay, positions[ib + 2]! - az];
    const [acx, acy, acz] = [positions[ic]! - ax, positions[ic + 1]! - ay, positions[ic + 2]! - az];
    const [apx, apy, apz] = [px - ax, py - ay, pz - az];
    const d1 = abx * apx + aby * apy + abz * apz;
    const d2 = acx * apx + acy * apy + acz * apz;
    const d3 = d1 - (abx * abx + aby * aby + abz * abz);
    const d4 = d2 - (acx * abx + acy * aby + acz * abz);
    const d5 = d1 - (abx * acx + aby * acy + abz * acz);
    const d6 = d2 - (acx * acx + acy * acy + acz * acz);
    const va = d3 * d6 - d5 * d4;
    const vb = d5 * d2 - d1 * d6;
    const vc = d1 * d4 - d3 * d2;
    let v = 0; // weight of b
    let w = 0; // weight of c
    if (d1 <= 0 && d2 <= 0) {
      // nearest to a: v = w = 0
    } else if (d3 >= 0 && d4 <= d3) [v, w] = [1, 0];
    else if (d6 >= 0 && d5 <= d6) [v, w] = [0, 1];
    else if (vc <= 0 && d1 >= 0 && d3 <= 0) [v, w] = [d1 / (d1 - d3), 0];
    else if (vb <= 0 && d2 >= 0 && d6 <= 0) [v, w] = [0, d2 / (d2 - d6)];
    else if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
      w = (d4 - d3) / (d4 - d3 + (d5 - d6));
      v = 1 - w;
    } else [v, w] = [vb / (va + vb + vc), vc / (va + vb + vc)];
    const dx = abx * v + acx * w - apx;
    const dy = aby * v + acy * w - apy;
    const dz = abz * v + acz * w - apz;
    const distanceSquared = dx * dx + dy * dy + dz * dz;
    if (distanceSquared >= best.distanceSquared) return;
    best.triangle = t;
    best.distanceSquared = distanceSquared;
    best.weights = [1 - v - w, v, w];
  }
}
