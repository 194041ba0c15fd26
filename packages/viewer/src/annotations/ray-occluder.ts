import { Mesh, type Object3D, type Vector3 } from 'three';

/** Triangles per leaf: small enough to prune well, large enough to keep the tree shallow. */
const LEAF_SIZE = 8;

/**
 * Answers one question fast: does the artefact hide this point from the camera? A
 * bounding-volume hierarchy over the artefact's triangles in world space, built once per
 * derivative (median splits on the longest axis of the centroids, flat typed arrays),
 * queried with "any hit before the point" rather than "nearest hit", which stops at the
 * first triangle in the way.
 *
 * Why not three's raycaster: on a 150k-triangle scan it tests every triangle, ~8 ms a ray,
 * and the hotspots need one ray each on every frame the camera moves. Why not
 * three-mesh-bvh (through drei's `useBVH`): it added ~110 kB gzipped to the app for what
 * is here one kind of query.
 */
export class RayOccluder {
  /** Node boxes: minX minY minZ maxX maxY maxZ per node. */
  private readonly boxes: Float32Array;
  /** An inner node's second child (its first is the next node); a leaf's first triangle. */
  private readonly offsets: Uint32Array;
  /** A leaf's triangle count; 0 for an inner node. */
  private readonly counts: Uint32Array;
  /** Triangle corners in leaf order, 9 numbers a triangle. */
  private readonly corners: Float32Array;
  private readonly stack = new Uint32Array(64);

  /** The triangles of every mesh under `root`, in world space. */
  static fromObject(root: Object3D): RayOccluder {
    root.updateWorldMatrix(true, true);
    const meshes: Mesh[] = [];
    root.traverse((object) => {
      if (object instanceof Mesh && object.geometry.getAttribute('position')) meshes.push(object);
    });
    const cornersOf = (mesh: Mesh) => mesh.geometry.getIndex()?.count ?? mesh.geometry.getAttribute('position').count;
    const soup = new Float32Array(meshes.reduce((sum, mesh) => sum + cornersOf(mesh) * 3, 0));
    let written = 0;
    for (const mesh of meshes) {
      const position = mesh.geometry.getAttribute('position');
      const index = mesh.geometry.getIndex();
      const m = mesh.matrixWorld.elements;
      // getX/Y/Z undo the quantization of meshopt-compressed derivatives (normalized integers).
      for (let i = 0; i < cornersOf(mesh); i++) {
        const vertex = index ? index.getX(i) : i;
        const x = position.getX(vertex);
        const y = position.getY(vertex);
        const z = position.getZ(vertex);
        soup[written++] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
        soup[written++] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
        soup[written++] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
      }
    }
    return new RayOccluder(soup);
  }

  /** `positions`: three corners of three numbers per triangle. */
  constructor(positions: Float32Array) {
    const triangles = Math.floor(positions.length / 9);
    const order = new Uint32Array(triangles);
    const centroids = new Float32Array(triangles * 3);
    for (let t = 0; t < triangles; t++) {
      order[t] = t;
      for (let axis = 0; axis < 3; axis++) {
        const base = t * 9 + axis;
        centroids[t * 3 + axis] = (positions[base]! + positions[base + 3]! + positions[base + 6]!) / 3;
      }
    }
    // Halving a node of more than LEAF_SIZE triangles leaves at least LEAF_SIZE / 2 in each
    // leaf, so there are at most n / (LEAF_SIZE / 2) leaves and twice as many nodes.
    const maxNodes = Math.max(1, 2 * Math.ceil(triangles / (LEAF_SIZE / 2)));
    this.boxes = new Float32Array(maxNodes * 6);
    this.offsets = new Uint32Array(maxNodes);
    this.counts = new Uint32Array(maxNodes);
    let nodes = 0;
    const build = (start: number, end: number): void => {
      const node = nodes++;
      boundsOf(positions, order, start, end, this.boxes, node);
      if (end - start <= LEAF_SIZE) {
        this.offsets[node] = start;
        this.counts[node] = end - start;
        return;
      }
      const axis = longestAxis(this.boxes, node);
      const middle = (start + end) >>> 1;
      selectMedian(order, centroids, axis, start, end, middle);
      build(start, middle);
      this.offsets[node] = nodes;
      build(middle, end);
    };
    if (triangles > 0) build(0, triangles);
    this.corners = new Float32Array(triangles * 9);
    for (let i = 0; i < triangles; i++) this.corners.set(positions.subarray(order[i]! * 9, order[i]! * 9 + 9), i * 9);
  }

  /** Whether any triangle crosses the segment from `from` to `to` (both ends excluded). */
  blocks(from: Vector3, to: Vector3): boolean {
    const { boxes, offsets, counts, corners, stack } = this;
    if (corners.length === 0) return false;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const dz = to.z - from.z;
    const length = Math.hypot(dx, dy, dz);
    if (length === 0) return false;
    // Direction of unit length, so that t is a distance; the segment ends just short of `to`.
    const ux = dx / length;
    const uy = dy / length;
    const uz = dz / length;
    const far = length * (1 - 1e-6);
    const ix = 1 / ux;
    const iy = 1 / uy;
    const iz = 1 / uz;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top]!;
      const b = node * 6;
      // Slab test of the segment against the node's box, one axis at a time.
      const x0 = (boxes[b]! - from.x) * ix;
      const x1 = (boxes[b + 3]! - from.x) * ix;
      const y0 = (boxes[b + 1]! - from.y) * iy;
      const y1 = (boxes[b + 4]! - from.y) * iy;
      const z0 = (boxes[b + 2]! - from.z) * iz;
      const z1 = (boxes[b + 5]! - from.z) * iz;
      const near = Math.max(0, Math.min(x0, x1), Math.min(y0, y1), Math.min(z0, z1));
      const exit = Math.min(far, Math.max(x0, x1), Math.max(y0, y1), Math.max(z0, z1));
      if (near > exit) continue;
      const count = counts[node]!;
      if (count === 0) {
        stack[top++] = offsets[node]!;
        stack[top++] = node + 1;
        continue;
      }
      const first = offsets[node]!;
      for (let t = first; t < first + count; t++) {
        if (segmentHits(corners, t * 9, from, ux, uy, uz, far)) return true;
      }
    }
    return false;
  }
}

/** Möller–Trumbore, both faces: a hit at distance in (0, far) along the unit direction. */
function segmentHits(c: Float32Array, o: number, from: Vector3, ux: number, uy: number, uz: number, far: number) {
  const e1x = c[o + 3]! - c[o]!;
  const e1y = c[o + 4]! - c[o + 1]!;
  const e1z = c[o + 5]! - c[o + 2]!;
  const e2x = c[o + 6]! - c[o]!;
  const e2y = c[o + 7]! - c[o + 1]!;
  const e2z = c[o + 8]! - c[o + 2]!;
  const px = uy * e2z - uz * e2y;
  const py = uz * e2x - ux * e2z;
  const pz = ux * e2y - uy * e2x;
  const det = e1x * px + e1y * py + e1z * pz;
  if (Math.abs(det) < 1e-12) return false;
  const inv = 1 / det;
  const sx = from.x - c[o]!;
  const sy = from.y - c[o + 1]!;
  const sz = from.z - c[o + 2]!;
  const u = (sx * px + sy * py + sz * pz) * inv;
  if (u < 0 || u > 1) return false;
  const qx = sy * e1z - sz * e1y;
  const qy = sz * e1x - sx * e1z;
  const qz = sx * e1y - sy * e1x;
  const v = (ux * qx + uy * qy + uz * qz) * inv;
  if (v < 0 || u + v > 1) return false;
  const t = (e2x * qx + e2y * qy + e2z * qz) * inv;
  return t > 0 && t < far;
}

function boundsOf(
  positions: Float32Array,
  order: Uint32Array,
  start: number,
  end: number,
  boxes: Float32Array,
  node: number,
) {
  const b = node * 6;
  boxes.fill(Infinity, b, b + 3);
  boxes.fill(-Infinity, b + 3, b + 6);
  for (let i = start; i < end; i++) {
    const base = order[i]! * 9;
    for (let corner = 0; corner < 9; corner += 3) {
      for (let axis = 0; axis < 3; axis++) {
        const value = positions[base + corner + axis]!;
        if (value < boxes[b + axis]!) boxes[b + axis] = value;
        if (value > boxes[b + 3 + axis]!) boxes[b + 3 + axis] = value;
      }
    }
  }
}

function longestAxis(boxes: Float32Array, node: number): number {
  const b = node * 6;
  const x = boxes[b + 3]! - boxes[b]!;
  const y = boxes[b + 4]! - boxes[b + 1]!;
  const z = boxes[b + 5]! - boxes[b + 2]!;
  return x >= y && x >= z ? 0 : y >= z ? 1 : 2;
}

/** Reorders order[start, end) so that order[k] has the k-th smallest centroid on `axis` (quickselect). */
function selectMedian(
  order: Uint32Array,
  centroids: Float32Array,
  axis: number,
  start: number,
  end: number,
  k: number,
) {
  let low = start;
  let high = end - 1;
  while (high > low) {
    const pivot = centroids[order[(low + high) >>> 1]! * 3 + axis]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (centroids[order[i]! * 3 + axis]! < pivot) i++;
      while (centroids[order[j]! * 3 + axis]! > pivot) j--;
      if (i <= j) {
        const swap = order[i]!;
        order[i++] = order[j]!;
        order[j--] = swap;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return;
  }
}
