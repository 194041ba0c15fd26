import path from 'node:path';
import { ScanError } from '../errors.js';
import type { Warn } from './reader.js';
import type { PrimitiveData } from './scan-document.js';

/**
 * Faces that point at vertices a file does not have are left out while they are a few (an
 * exporter's slip); beyond this share the file is damaged and the result would not be right.
 */
const MAX_BROKEN_FACE_SHARE = 0.01;

/** Applies the broken-face policy: warns about a few, refuses many. */
export function reportBrokenFaces(file: string, broken: number, total: number, warn: Warn): void {
  if (broken === 0) return;
  const name = path.basename(file);
  if (broken > MAX_BROKEN_FACE_SHARE * total) {
    throw new ScanError(
      `${name} is damaged: ${broken} of its ${total} faces refer to vertices it does not have; export or copy it again`,
      'corrupt',
    );
  }
  warn(`${name}: ${broken} of ${total} faces refer to vertices the file does not have and were left out`);
}

/**
 * Leaves out what cannot be drawn rightly: vertices with NaN or infinite coordinates and the
 * faces that use them, and faces whose indices are out of range. Normals are scaled to unit
 * length, or dropped as a whole if some are unusable, since later steps compute missing ones.
 */
export function repairGeometry(data: PrimitiveData, file: string, warn: Warn): PrimitiveData {
  const name = path.basename(file);
  const vertexCount = data.positions.length / 3;
  const finite = new Uint8Array(vertexCount);
  let invalidVertices = 0;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const at = 3 * vertex;
    const ok = isFinite(data.positions[at]!) && isFinite(data.positions[at + 1]!) && isFinite(data.positions[at + 2]!);
    finite[vertex] = ok ? 1 : 0;
    if (!ok) invalidVertices++;
  }
  let repaired = data;
  if (repaired.indices) {
    const { indices, outOfRange, touchingInvalid } = keptTriangles(repaired.indices, finite);
    reportBrokenFaces(file, outOfRange, repaired.indices.length / 3, warn);
    if (touchingInvalid > 0) {
      warn(`${name}: ${touchingInvalid} faces use points with invalid coordinates (NaN or infinity) and were left out`);
    }
    repaired = { ...repaired, indices };
  } else if (invalidVertices > 0) {
    warn(`${name}: ${invalidVertices} points have invalid coordinates (NaN or infinity) and were left out`);
  }
  return unitNormals(invalidVertices > 0 ? keepVertices(repaired, finite) : repaired, name, warn);
}

/** glTF requires unit normals; some writers store them scaled (MeshLab's area-weighted ones). */
function unitNormals(data: PrimitiveData, name: string, warn: Warn): PrimitiveData {
  if (!data.normals) return data;
  const normals = data.normals.slice();
  for (let at = 0; at < normals.length; at += 3) {
    const length = Math.hypot(normals[at]!, normals[at + 1]!, normals[at + 2]!);
    if (!(length > 0 && isFinite(length))) {
      warn(`${name}: some normals are invalid (zero, NaN or infinite); all normals will be recomputed`);
      return { ...data, normals: undefined };
    }
    for (let axis = 0; axis < 3; axis++) normals[at + axis]! /= length;
  }
  return { ...data, normals };
}

function keptTriangles(indices: Uint32Array, finite: Uint8Array) {
  const kept = new Uint32Array(indices.length);
  let keptLength = 0;
  let outOfRange = 0;
  let touchingInvalid = 0;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const [a, b, c] = [indices[corner]!, indices[corner + 1]!, indices[corner + 2]!];
    if (a >= finite.length || b >= finite.length || c >= finite.length) outOfRange++;
    else if (!finite[a] || !finite[b] || !finite[c]) touchingInvalid++;
    else {
      kept[keptLength++] = a;
      kept[keptLength++] = b;
      kept[keptLength++] = c;
    }
  }
  const indicesOut = keptLength === indices.length ? indices : kept.slice(0, keptLength);
  return { indices: indicesOut, outOfRange, touchingInvalid };
}

/** Removes the vertices not marked in `keep`, renumbering the faces' indices to match. */
function keepVertices(data: PrimitiveData, keep: Uint8Array): PrimitiveData {
  const newIndexOf = new Uint32Array(keep.length);
  let kept = 0;
  for (let vertex = 0; vertex < keep.length; vertex++) if (keep[vertex]) newIndexOf[vertex] = kept++;
  const gather = (values: Float32Array, size: number): Float32Array => {
    const out = new Float32Array(kept * size);
    for (let vertex = 0; vertex < keep.length; vertex++) {
      if (!keep[vertex]) continue;
      const to = newIndexOf[vertex]! * size;
      for (let k = 0; k < size; k++) out[to + k] = values[vertex * size + k]!;
    }
    return out;
  };
  return {
    positions: gather(data.positions, 3),
    normals: data.normals && gather(data.normals, 3),
    uvs: data.uvs && gather(data.uvs, 2),
    colors: data.colors && { ...data.colors, values: gather(data.colors.values, data.colors.components) },
    indices: data.indices?.map((vertex) => newIndexOf[vertex]!),
  };
}
