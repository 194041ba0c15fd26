import { pointTriangleDistanceSquared } from './closest-point.js';
import type { TriangleSoup } from './triangle-soup.js';

/** Triangles per leaf: small leaves prune well; four keeps the tree shallow enough. */
const LEAF_SIZE = 4;

/**
 * A bounding-volume hierarchy over a triangle soup, answering "how far is this point from
 * the surface". Built by median splits on the longest axis of the centroids (no SAH: the
 * queries are points on or near the surface, where a balanced tree is already tight), with
 * the triangles copied into leaf order so that a leaf's corners are contiguous in memory.
 * Flat typed arrays throughout: a 300k-triangle mesh builds in well under a second.
 */
export class TriangleBvh {
  /** Node boxes: minX minY minZ maxX maxY maxZ per node. */
  private readonly boxes: Float32Array;
  /** For an inner node, its left child (the right one is the next node); for a leaf, its first triangle. */
  private readonly offsets: Uint32Array;
  /** Triangles in a leaf; 0 for an inner node. */
  private readonly counts: Uint32Array;
  /** Triangle corners in leaf order. */
  private readonly corners: Float32Array;
  private readonly stack = new Uint32Array(128);
  /** The triangle nearest the previous query: consecutive queries are usually close. */
  private lastNearest = 0;

  constructor(soup: TriangleSoup) {
    const triangles = soup.positions.length / 9;
    if (triangles === 0) throw new Error('cannot build a BVH over no triangles');
    const order = new Uint32Array(triangles);
    for (let i = 0; i < triangles; i++) order[i] = i;
    const centroids = computeCentroids(soup.positions, triangles);
    // Every leaf holds at least one triangle, so a binary tree has fewer than 2n nodes.
    const maxNodes = 2 * triangles;
    this.boxes = new Float32Array(maxNodes * 6);
    this.offsets = new Uint32Array(maxNodes);
    this.counts = new Uint32Array(maxNodes);
    buildNodes(soup.positions, centroids, order, this.boxes, this.offsets, this.counts);
    this.corners = new Float32Array(triangles * 9);
    for (let i = 0; i < triangles; i++)
      this.corners.set(soup.positions.subarray(order[i]! * 9, order[i]! * 9 + 9), i * 9);
  }

  /** Distance from (x, y, z) to the nearest point of any triangle. */
  distanceTo(x: number, y: number, z: number): number {
    const { boxes, offsets, counts, stack } = this;
    let best = this.triangleDistanceSquared(this.lastNearest, x, y, z);
    let bestTriangle = this.lastNearest;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top]!;
      if (boxDistanceSquared(boxes, node, x, y, z) >= best) continue;
      const count = counts[node]!;
      if (count > 0) {
        const first = offsets[node]!;
        for (let t = first; t < first + count; t++) {
          const d = this.triangleDistanceSquared(t, x, y, z);
          if (d < best) {
            best = d;
            bestTriangle = t;
          }
        }
        continue;
      }
      const left = offsets[node]!;
      const right = left + 1;
      const leftDistance = boxDistanceSquared(boxes, left, x, y, z);
      const rightDistance = boxDistanceSquared(boxes, right, x, y, z);
      // Visit the nearer child first (pushed last), so `best` shrinks early and prunes more.
      if (leftDistance < rightDistance) {
        if (rightDistance < best) stack[top++] = right;
        if (leftDistance < best) stack[top++] = left;
      } else {
        if (leftDistance < best) stack[top++] = left;
        if (rightDistance < best) stack[top++] = right;
      }
    }
    this.lastNearest = bestTriangle;
    return Math.sqrt(best);
  }

  private triangleDistanceSquared(t: number, x: number, y: number, z: number): number {
    const c = this.corners;
    const i = t * 9;
    return pointTriangleDistanceSquared(
      x,
      y,
      z,
      c[i]!,
      c[i + 1]!,
      c[i + 2]!,
      c[i + 3]!,
      c[i + 4]!,
      c[i + 5]!,
      c[i + 6]!,
      c[i + 7]!,
      c[i + 8]!,
    );
  }
}

function computeCentroids(positions: Float32Array, triangles: number): Float32Array {
  const centroids = new Float32Array(triangles * 3);
  for (let t = 0; t < triangles; t++) {
    for (let axis = 0; axis < 3; axis++) {
      centroids[t * 3 + axis] =
        (positions[t * 9 + axis]! + positions[t * 9 + 3 + axis]! + positions[t * 9 + 6 + axis]!) / 3;
    }
  }
  return centroids;
}

/** Builds with an explicit stack (a deep recursion could overflow); siblings get adjacent indices. */
function buildNodes(
  positions: Float32Array,
  centroids: Float32Array,
  order: Uint32Array,
  boxes: Float32Array,
  offsets: Uint32Array,
  counts: Uint32Array,
): void {
  let nodeCount = 1;
  // Pending nodes as flat triples: node, first triangle, end.
  const pending: number[] = [0, 0, order.length];
  while (pending.length > 0) {
    const end = pending.pop()!;
    const start = pending.pop()!;
    const node = pending.pop()!;
    fitBox(positions, order, start, end, boxes, node);
    if (end - start <= LEAF_SIZE) {
      offsets[node] = start;
      counts[node] = end - start;
      continue;
    }
    const axis = longestCentroidAxis(centroids, order, start, end);
    const middle = (start + end) >>> 1;
    selectNth(order, centroids, axis, start, end - 1, middle);
    const left = nodeCount;
    nodeCount += 2;
    offsets[node] = left;
    counts[node] = 0;
    pending.push(left + 1, middle, end, left, start, middle);
  }
}

function fitBox(
  positions: Float32Array,
  order: Uint32Array,
  start: number,
  end: number,
  boxes: Float32Array,
  node: number,
): void {
  let minX = Infinity;
  let minY = Infinity;
  let minZ = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxZ = -Infinity;
  for (let i = start; i < end; i++) {
    const base = order[i]! * 9;
    for (let corner = base; corner < base + 9; corner += 3) {
      const x = positions[corner]!;
      const y = positions[corner + 1]!;
      const z = positions[corner + 2]!;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (z < minZ) minZ = z;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
      if (z > maxZ) maxZ = z;
    }
  }
  boxes.set([minX, minY, minZ, maxX, maxY, maxZ], node * 6);
}

function longestCentroidAxis(centroids: Float32Array, order: Uint32Array, start: number, end: number): number {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = start; i < end; i++) {
    for (let axis = 0; axis < 3; axis++) {
      const value = centroids[order[i]! * 3 + axis]!;
      if (value < min[axis]!) min[axis] = value;
      if (value > max[axis]!) max[axis] = value;
    }
  }
  const extent = [max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!];
  return extent[0]! >= extent[1]! && extent[0]! >= extent[2]! ? 0 : extent[1]! >= extent[2]! ? 1 : 2;
}

/**
 * Reorders order[low..high] so that the element at `nth` is the one a sort by centroid on
 * `axis` would put there, with no larger one before it and no smaller one after (Hoare's
 * quickselect): O(n) per level instead of a full sort.
 */
function selectNth(order: Uint32Array, centroids: Float32Array, axis: number, low: number, high: number, nth: number) {
  const key = (i: number) => centroids[order[i]! * 3 + axis]!;
  while (high > low) {
    const pivot = key((low + high) >>> 1);
    let i = low;
    let j = high;
    while (i <= j) {
      while (key(i) < pivot) i++;
      while (key(j) > pivot) j--;
      if (i <= j) {
        const swap = order[i]!;
        order[i] = order[j]!;
        order[j] = swap;
        i++;
        j--;
      }
    }
    if (nth <= j) high = j;
    else if (nth >= i) low = i;
    else return;
  }
}

function boxDistanceSquared(boxes: Float32Array, node: number, x: number, y: number, z: number): number {
  const b = node * 6;
  const dx = Math.max(boxes[b]! - x, 0, x - boxes[b + 3]!);
  const dy = Math.max(boxes[b + 1]! - y, 0, y - boxes[b + 4]!);
  const dz = Math.max(boxes[b + 2]! - z, 0, z - boxes[b + 5]!);
  return dx * dx + dy * dy + dz * dz;
}
