// Midpoint subdivision of an indexed triangle mesh, on plain arrays so that it can be tested
// without a glTF document (subdivided-source.ts moves a scan's primitives in and out).
import { addScannerNoise } from './subdivided-noise.js';

export interface MeshAttribute {
  /** `itemSize` floats a vertex. */
  readonly values: Float32Array;
  readonly itemSize: number;
}

export interface IndexedMesh {
  /** By glTF semantic (POSITION, NORMAL, TEXCOORD_0, ...); POSITION is required. */
  readonly attributes: Readonly<Record<string, MeshAttribute>>;
  /** Three a triangle, counter-clockwise as glTF winds them. */
  readonly indices: Uint32Array;
}

export interface SubdivideOptions {
  /** Each level splits every triangle into four. */
  readonly levels: number;
  /** Largest offset of a new vertex along its normal, in the mesh's units; 0: no noise. */
  readonly noiseAmplitude: number;
  readonly seed: number;
}

/**
 * `levels` rounds of midpoint subdivision, each followed by scanner-like noise on the
 * vertices that round made: the scan's own vertices stay exactly where they were, as the
 * new ones stand for detail a finer scanner would have measured, noise included.
 */
export function subdivideWithNoise(mesh: IndexedMesh, options: SubdivideOptions): IndexedMesh {
  let current = mesh;
  for (let level = 0; level < options.levels; level++) {
    const firstNewVertex = vertexCount(current);
    current = subdivideMidpoints(current);
    if (options.noiseAmplitude > 0) addScannerNoise(current, firstNewVertex, options.noiseAmplitude, options.seed);
  }
  return current;
}

/**
 * One level: every triangle into four by its edge midpoints. The new vertices follow the
 * old ones (so the first `vertexCount(mesh)` are unchanged) and every attribute is
 * interpolated linearly, NORMAL renormalized. A midpoint is keyed by its edge's sorted
 * pair of vertex indices, so the two triangles along an edge share it and the mesh stays
 * welded; copies of a vertex along a UV seam keep their own midpoints, as they keep their
 * own vertices.
 */
export function subdivideMidpoints(mesh: IndexedMesh): IndexedMesh {
  const oldCount = vertexCount(mesh);
  const triangleCount = mesh.indices.length / 3;
  // At most one new vertex an edge, and at most three edges a triangle: sized once, trimmed at the end.
  const capacity = oldCount + mesh.indices.length;
  const semantics = Object.keys(mesh.attributes);
  const grown = semantics.map((semantic) => {
    const { values, itemSize } = mesh.attributes[semantic]!;
    const next = new Float32Array(capacity * itemSize);
    next.set(values);
    return { semantic, old: values, next, itemSize, renormalize: semantic === 'NORMAL' };
  });

  let count = oldCount;
  const midpoints = new Map<number, number>();
  const midpoint = (a: number, b: number): number => {
    const key = a < b ? a * oldCount + b : b * oldCount + a;
    const known = midpoints.get(key);
    if (known !== undefined) return known;
    const made = count++;
    for (const { old, next, itemSize, renormalize } of grown) {
      let lengthSquared = 0;
      for (let k = 0; k < itemSize; k++) {
        const value = (old[a * itemSize + k]! + old[b * itemSize + k]!) * 0.5;
        next[made * itemSize + k] = value;
        lengthSquared += value * value;
      }
      if (renormalize && lengthSquared > 0) {
        const scale = 1 / Math.sqrt(lengthSquared);
        for (let k = 0; k < itemSize; k++) next[made * itemSize + k]! *= scale;
      }
    }
    midpoints.set(key, made);
    return made;
  };

  const indices = new Uint32Array(triangleCount * 12);
  for (let t = 0; t < triangleCount; t++) {
    const a = mesh.indices[3 * t]!;
    const b = mesh.indices[3 * t + 1]!;
    const c = mesh.indices[3 * t + 2]!;
    const ab = midpoint(a, b);
    const bc = midpoint(b, c);
    const ca = midpoint(c, a);
    // Three corners and the middle, each wound as its parent.
    indices.set([a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca], 12 * t);
  }

  const attributes: Record<string, MeshAttribute> = {};
  for (const { semantic, next, itemSize } of grown) {
    attributes[semantic] = { values: next.slice(0, count * itemSize), itemSize };
  }
  return { attributes, indices };
}

export function vertexCount(mesh: IndexedMesh): number {
  const position = mesh.attributes.POSITION;
  if (!position) throw new Error('a mesh to subdivide needs POSITION');
  return position.values.length / position.itemSize;
}
