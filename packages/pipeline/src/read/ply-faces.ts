import { CornerIndex } from './corner-index.js';
import { Growable, uint32s } from './growable.js';
import type { PlyList } from './ply-body.js';
import { flipV, type VertexAttributes } from './ply-attributes.js';
import { triangulatePolygon } from './polygon.js';
import type { PrimitiveData } from './scan-document.js';

export interface PlyTriangles {
  data: PrimitiveData;
  faceCount: number;
  /** Faces left out because a corner's index was out of range (only counted here when corners are split). */
  brokenFaceCount: number;
}

/**
 * Triangulates the faces of a PLY, whatever their corner count. Indices stay as written;
 * out-of-range ones are left for repairGeometry to count and drop.
 */
export function plyTriangles(faces: PlyList, vertices: VertexAttributes): PlyTriangles {
  const indices = new Growable(uint32s, faces.values.length);
  forEachFace(faces, (corners) => {
    for (const corner of triangulate(corners, vertices.positions)) indices.push(corners[corner]!);
  });
  return { data: { ...vertices, indices: indices.toArray() }, faceCount: faces.offsets.length - 1, brokenFaceCount: 0 };
}

/**
 * Triangulates faces that carry their own texture coordinates per corner (`property list
 * uchar float texcoord`, as MeshLab writes textured meshes): each distinct position and uv
 * pair becomes one vertex, as glTF has one uv per vertex.
 */
export function plyTrianglesWithCornerUvs(faces: PlyList, texcoords: PlyList, vertices: VertexAttributes) {
  const vertexCount = vertices.positions.length / 3;
  const split = new CornerIndex(vertexCount);
  const indices = new Growable(uint32s, faces.values.length);
  let brokenFaceCount = 0;
  forEachFace(faces, (corners, face) => {
    const uvStart = texcoords.offsets[face]!;
    const hasUvs = texcoords.offsets[face + 1]! - uvStart === 2 * corners.length;
    if (corners.some((vertex) => vertex >= vertexCount)) {
      brokenFaceCount++;
      return;
    }
    const made = Array.from(corners, (vertex, corner) =>
      hasUvs
        ? split.vertexFor(vertex, texcoords.values[uvStart + 2 * corner]!, texcoords.values[uvStart + 2 * corner + 1]!)
        : split.vertexFor(vertex, 0, 0),
    );
    for (const corner of triangulate(corners, vertices.positions)) indices.push(made[corner]!);
  });
  const data = { ...gatherSplitVertices(split, vertices), indices: indices.toArray() };
  return { data, faceCount: faces.offsets.length - 1, brokenFaceCount } satisfies PlyTriangles;
}

function forEachFace(faces: PlyList, visit: (corners: Uint32Array | Float32Array, face: number) => void): void {
  for (let face = 0; face + 1 < faces.offsets.length; face++) {
    const corners = faces.values.subarray(faces.offsets[face]!, faces.offsets[face + 1]!);
    // Fewer than three corners is an edge or a point, not part of a surface.
    if (corners.length >= 3) visit(corners, face);
  }
}

function triangulate(corners: Uint32Array | Float32Array, positions: Float32Array): number[] {
  if (corners.length === 3) return [0, 1, 2];
  const xyz = new Float64Array(3 * corners.length);
  corners.forEach((vertex, corner) => xyz.set(positions.subarray(3 * vertex, 3 * vertex + 3), 3 * corner));
  return triangulatePolygon(xyz);
}

function gatherSplitVertices(split: CornerIndex, vertices: VertexAttributes): VertexAttributes {
  const count = split.vertexCount;
  const gather = (values: Float32Array | undefined, size: number) => {
    if (!values) return undefined;
    const out = new Float32Array(size * count);
    for (let vertex = 0; vertex < count; vertex++) {
      const source = split.sourcePosition.at(vertex);
      for (let k = 0; k < size; k++) out[size * vertex + k] = values[size * source + k]!;
    }
    return out;
  };
  const uvs = new Float32Array(2 * count);
  for (let vertex = 0; vertex < count; vertex++) {
    uvs[2 * vertex] = split.sourceA.at(vertex);
    uvs[2 * vertex + 1] = split.sourceB.at(vertex);
  }
  const colors = vertices.colors;
  return {
    positions: gather(vertices.positions, 3)!,
    normals: gather(vertices.normals, 3),
    uvs: flipV(uvs),
    colors: colors && { values: gather(colors.values, colors.components)!, components: colors.components },
  };
}
