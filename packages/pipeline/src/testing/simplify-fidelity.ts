import type { Accessor, Primitive } from '@gltf-transform/core';
import { NearestSurfacePoint } from './nearest-surface-point.js';

/**
 * Measures what a simplification did to a mesh's look, for tests and benchmarks: which UV chart
 * (island) each triangle lies in, and how far the simplified surface's attributes are from the
 * source's. Works on one triangle primitive before and after, read into plain arrays.
 */
export interface MeshSnapshot {
  positions: Float32Array;
  indices: Uint32Array;
  /** Per-vertex attribute values, e.g. TEXCOORD_0 (2 a vertex) or COLOR_0 (3 or 4). */
  attributes: Record<string, { size: number; values: Float32Array }>;
}

export interface Stats {
  mean: number;
  p95: number;
  max: number;
}

export interface SurfaceError {
  /** Distance from each source vertex to the simplified surface, relative to the mesh's diagonal. */
  geometric: Stats;
  /** |attribute(source vertex) − attribute interpolated at its nearest point on the same island|. */
  attribute: Stats;
}

export function snapshotPrimitive(primitive: Primitive): MeshSnapshot {
  const position = primitive.getAttribute('POSITION');
  if (!position) throw new Error('primitive without POSITION');
  const attributes: MeshSnapshot['attributes'] = {};
  for (const semantic of primitive.listSemantics()) {
    const accessor = primitive.getAttribute(semantic)!;
    attributes[semantic] = { size: accessor.getElementSize(), values: floats(accessor) };
  }
  const indices = primitive.getIndices();
  const count = position.getCount();
  const indexArray = indices
    ? Uint32Array.from(indices.getArray() ?? [])
    : Uint32Array.from({ length: count }, (_, i) => i);
  return { positions: floats(position), indices: indexArray, attributes };
}

/**
 * UV islands of a mesh: triangles joined by edges whose both ends have the same position and the
 * same UV. A triangle joining two islands would smear the texture across the atlas.
 * Returns the island of each vertex key (`position|uv`, see vertexKey) and the number of islands.
 */
export function uvIslands(mesh: MeshSnapshot): { islandOf: Map<string, number>; count: number } {
  // Vertices equal in position and UV are one node of the chart graph.
  const nodeOf = new Map<string, number>();
  const nodes = Int32Array.from({ length: mesh.positions.length / 3 }, (_, v) => {
    const key = vertexKey(mesh, v);
    if (!nodeOf.has(key)) nodeOf.set(key, nodeOf.size);
    return nodeOf.get(key)!;
  });
  const parent = Int32Array.from({ length: nodeOf.size }, (_, i) => i);
  const find = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]!]!;
    return node;
  };
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const a = find(nodes[mesh.indices[t]!]!);
    for (let k = 1; k < 3; k++) parent[find(nodes[mesh.indices[t + k]!]!)] = a;
  }
  const numbers = new Map<number, number>();
  const islandOf = new Map<string, number>();
  const referenced = new Set(Array.from(mesh.indices, (v) => nodes[v]!));
  for (const [key, node] of nodeOf) {
    if (!referenced.has(node)) continue;
    const root = find(node);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    islandOf.set(key, numbers.get(root)!);
  }
  return { islandOf, count: numbers.size };
}

/** Triangles of `after` whose corners lie in different UV islands of `before`, or in none. */
export function trianglesAcrossIslands(before: MeshSnapshot, after: MeshSnapshot): number {
  const { islandOf } = uvIslands(before);
  let across = 0;
  for (let t = 0; t < after.indices.length; t += 3) {
    const islands = [0, 1, 2].map((k) => islandOf.get(vertexKey(after, after.indices[t + k]!)));
    if (islands[0] === undefined || islands.some((island) => island !== islands[0])) across++;
  }
  return across;
}

/**
 * For every source vertex, the nearest point of the simplified surface within the same UV island
 * (so a point is never compared with a neighbouring chart across a seam), and how far `semantic`
 * interpolated there is from the source's value (Euclidean, in the attribute's units).
 */
export function surfaceError(before: MeshSnapshot, after: MeshSnapshot, semantic: string): SurfaceError {
  const { islandOf } = uvIslands(before);
  const source = before.attributes[semantic];
  const target = after.attributes[semantic];
  if (!source || !target) throw new Error(`both meshes need ${semantic}`);
  const triangleIsland = Int32Array.from(
    { length: after.indices.length / 3 },
    (_, t) => islandOf.get(vertexKey(after, after.indices[t * 3]!)) ?? -1,
  );
  const present = new Set(triangleIsland);
  const surface = new NearestSurfacePoint(after.positions, after.indices);
  const extent = diagonal(before.positions);
  const geometric: number[] = [];
  const attribute: number[] = [];
  for (const v of new Set(before.indices)) {
    const p = [before.positions[v * 3]!, before.positions[v * 3 + 1]!, before.positions[v * 3 + 2]!];
    const anywhere = surface.nearest(p);
    geometric.push(Math.sqrt(anywhere.distanceSquared) / extent);
    const island = islandOf.get(vertexKey(before, v));
    // A sliver of a chart may collapse entirely, its neighbours taking its place: nothing to compare.
    if (island === undefined || !present.has(island)) continue;
    const same =
      triangleIsland[anywhere.triangle] === island ? anywhere : surface.nearest(p, (t) => triangleIsland[t] === island);
    let squared = 0;
    for (let c = 0; c < source.size; c++) {
      const value = interpolate(after, target, same.triangle, same.weights, c);
      squared += (value - source.values[v * source.size + c]!) ** 2;
    }
    attribute.push(Math.sqrt(squared));
  }
  return { geometric: stats(geometric), attribute: stats(attribute) };
}

/**
 * What the visitor sees of a textured mesh: for every source vertex, the texture colour at its own
 * UV against the colour at the UV interpolated at its nearest point on the simplified surface, on
 * whichever chart that point lies. Blind to seams and to charts that collapsed away; `sample`
 * returns the texel (e.g. RGB 0–255) at a UV.
 */
export function textureError(
  before: MeshSnapshot,
  after: MeshSnapshot,
  sample: (u: number, v: number) => number[],
): Stats {
  const source = before.attributes['TEXCOORD_0'];
  const target = after.attributes['TEXCOORD_0'];
  if (!source || !target) throw new Error('both meshes need TEXCOORD_0');
  const surface = new NearestSurfacePoint(after.positions, after.indices);
  const errors: number[] = [];
  for (const v of new Set(before.indices)) {
    const found = surface.nearest([
      before.positions[v * 3]!,
      before.positions[v * 3 + 1]!,
      before.positions[v * 3 + 2]!,
    ]);
    const expected = sample(source.values[v * 2]!, source.values[v * 2 + 1]!);
    const seen = sample(
      interpolate(after, target, found.triangle, found.weights, 0),
      interpolate(after, target, found.triangle, found.weights, 1),
    );
    errors.push(Math.hypot(...expected.map((value, c) => value - seen[c]!)));
  }
  return stats(errors);
}

function interpolate(
  mesh: MeshSnapshot,
  attribute: { size: number; values: Float32Array },
  triangle: number,
  weights: readonly number[],
  component: number,
): number {
  let value = 0;
  for (let k = 0; k < 3; k++) {
    value += weights[k]! * attribute.values[mesh.indices[triangle * 3 + k]! * attribute.size + component]!;
  }
  return value;
}

/** Position and UV of a vertex as a string: equal keys are the same point of the same chart. */
function vertexKey(mesh: MeshSnapshot, v: number): string {
  const { positions } = mesh;
  const uv = mesh.attributes['TEXCOORD_0'];
  const position = `${positions[v * 3]},${positions[v * 3 + 1]},${positions[v * 3 + 2]}`;
  return uv ? `${position}|${uv.values[v * 2]},${uv.values[v * 2 + 1]}` : position;
}

function stats(values: number[]): Stats {
  if (values.length === 0) return { mean: 0, p95: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return { mean, p95: sorted[Math.floor(sorted.length * 0.95)]!, max: sorted[sorted.length - 1]! };
}

function diagonal(positions: Float32Array): number {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i++) {
    min[i % 3] = Math.min(min[i % 3]!, positions[i]!);
    max[i % 3] = Math.max(max[i % 3]!, positions[i]!);
  }
  return Math.hypot(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!) || 1;
}

/** An accessor's elements as floats, normalized integers as a renderer reads them. */
function floats(accessor: Accessor): Float32Array {
  const size = accessor.getElementSize();
  const out = new Float32Array(accessor.getCount() * size);
  const element: number[] = [];
  for (let i = 0; i < accessor.getCount(); i++) {
    accessor.getElement(i, element);
    for (let c = 0; c < size; c++) out[i * size + c] = element[c]!;
  }
  return out;
}
