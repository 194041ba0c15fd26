import { CornerIndex } from './corner-index.js';
import { Growable, uint32s } from './growable.js';
import { ABSENT, type ObjFaceGroup } from './obj-parse.js';
import { triangulatePolygon } from './polygon.js';
import type { PrimitiveData } from './scan-document.js';

/** The OBJ's vertex lists, ready for glTF: float32 positions, linear per-position colours. */
export interface ObjVertexLists {
  positions: Float32Array;
  colors?: Float32Array;
  uvs: Float32Array;
  normals: Float32Array;
}

export interface ObjPrimitive {
  data: PrimitiveData;
  faceCount: number;
  /** Faces left out because a corner's index was out of range. */
  brokenFaceCount: number;
}

/**
 * Makes one indexed, triangulated primitive from the faces of one material. Each distinct
 * v/vt/vn corner becomes one vertex, so a 100k-triangle scan keeps its ~60k vertices
 * instead of 300k; texture v is flipped, as OBJ's v = 0 is the image's bottom and glTF's its top.
 */
export function buildObjPrimitive(group: ObjFaceGroup, lists: ObjVertexLists): ObjPrimitive {
  const counts = {
    positions: lists.positions.length / 3,
    uvs: lists.uvs.length / 2,
    normals: lists.normals.length / 3,
  };
  const vertices = new CornerIndex(counts.positions);
  const indices = new Growable(uint32s, group.corners.length / 3);
  let brokenFaceCount = 0;
  let first = 0;
  for (const size of group.faceSizes) {
    const corners = group.corners.subarray(3 * first, 3 * (first + size));
    first += size;
    if (!cornersInRange(corners, counts)) {
      brokenFaceCount++;
      continue;
    }
    const faceVertices: number[] = [];
    for (let corner = 0; corner < size; corner++) {
      const [position, uv, normal] = corners.subarray(3 * corner, 3 * corner + 3);
      faceVertices.push(vertices.vertexFor(position!, uv!, normal!));
    }
    const triangles = size === 3 ? [0, 1, 2] : triangulatePolygon(cornerPositions(corners, lists.positions));
    for (const corner of triangles) indices.push(faceVertices[corner]!);
  }
  return {
    data: { ...gatherAttributes(vertices, lists), indices: indices.toArray() },
    faceCount: group.faceSizes.length,
    brokenFaceCount,
  };
}

function cornersInRange(corners: Int32Array, counts: { positions: number; uvs: number; normals: number }): boolean {
  for (let at = 0; at < corners.length; at += 3) {
    const [position, uv, normal] = [corners[at]!, corners[at + 1]!, corners[at + 2]!];
    if (position < 0 || position >= counts.positions) return false;
    if (uv !== ABSENT && (uv < 0 || uv >= counts.uvs)) return false;
    if (normal !== ABSENT && (normal < 0 || normal >= counts.normals)) return false;
  }
  return true;
}

function cornerPositions(corners: Int32Array, positions: Float32Array): Float64Array {
  const xyz = new Float64Array(corners.length);
  for (let corner = 0; corner < corners.length / 3; corner++) {
    const position = corners[3 * corner]!;
    xyz.set(positions.subarray(3 * position, 3 * position + 3), 3 * corner);
  }
  return xyz;
}

/**
 * Copies each vertex's attributes from the OBJ's lists. Corners without a uv get (0, 0);
 * normals are kept only when every corner has one, since later steps compute missing ones.
 */
function gatherAttributes(vertices: CornerIndex, lists: ObjVertexLists): Omit<PrimitiveData, 'indices'> {
  const count = vertices.vertexCount;
  const positions = new Float32Array(3 * count);
  const colors = lists.colors && new Float32Array(3 * count);
  let uvs: Float32Array | undefined;
  let normals: Float32Array | undefined = count > 0 ? new Float32Array(3 * count) : undefined;
  for (let vertex = 0; vertex < count; vertex++) {
    const position = vertices.sourcePosition.at(vertex);
    const uv = vertices.sourceA.at(vertex);
    const normal = vertices.sourceB.at(vertex);
    copy(lists.positions, position, positions, vertex, 3);
    if (colors) copy(lists.colors!, position, colors, vertex, 3);
    if (uv !== ABSENT) {
      uvs ??= new Float32Array(2 * count);
      uvs[2 * vertex] = lists.uvs[2 * uv]!;
      uvs[2 * vertex + 1] = 1 - lists.uvs[2 * uv + 1]!;
    }
    if (normal === ABSENT) normals = undefined;
    else if (normals) copy(lists.normals, normal, normals, vertex, 3);
  }
  return { positions, normals, uvs, colors: colors && { values: colors, components: 3 } };
}

function copy(from: Float32Array, fromIndex: number, to: Float32Array, toIndex: number, size: number): void {
  for (let k = 0; k < size; k++) to[size * toIndex + k] = from[size * fromIndex + k]!;
}
