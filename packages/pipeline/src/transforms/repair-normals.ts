import { Primitive, type Accessor, type Document, type Transform } from '@gltf-transform/core';
import { createTransform } from '@gltf-transform/functions';

const NAME = 'repairNormals';

export interface RepairNormalsOptions {
  /**
   * How far from 1 a normal's length may be before it is repaired. The default is a
   * little inside the Khronos validator's own limit, so what we write passes it.
   */
  tolerance?: number;
  /** Receives how many normals were rescaled and how many recomputed, for the scan report. */
  onRepaired?: (repaired: { rescaled: number; recomputed: number }) => void;
}

export const REPAIR_NORMALS_DEFAULTS: Readonly<Required<Omit<RepairNormalsOptions, 'onRepaired'>>> = Object.freeze({
  tolerance: 0.005,
});

/** Normals shorter than this point nowhere that can be trusted, so they are recomputed. */
const TOO_SHORT = 1e-6;

/**
 * Makes every NORMAL of a triangle mesh unit length, as glTF requires and shading
 * assumes (a long normal over-brightens, a short one darkens, a zero or NaN one draws
 * black). A normal with a direction is rescaled; one without (zero, NaN, infinite) is
 * recomputed from the faces around its vertex, weighted by their area. That keeps the
 * mesh as it is, where gltf-transform's normals() would unweld it into flat facets.
 * Points and lines are left alone: they have no faces to take a normal from.
 */
export function repairNormals(options: RepairNormalsOptions = {}): Transform {
  const { tolerance } = { ...REPAIR_NORMALS_DEFAULTS, ...options };
  return createTransform(NAME, (document: Document) => {
    let rescaled = 0;
    let recomputed = 0;
    for (const [normal, users] of trianglePrimitivesByNormal(document)) {
      const values = readVectors(normal);
      const lost: number[] = [];
      let changed = false;
      for (let vertex = 0; vertex < normal.getCount(); vertex++) {
        const at = vertex * 3;
        const length = Math.hypot(values[at]!, values[at + 1]!, values[at + 2]!);
        if (!Number.isFinite(length) || length < TOO_SHORT) {
          lost.push(vertex);
        } else if (Math.abs(length - 1) > tolerance) {
          values.set([values[at]! / length, values[at + 1]! / length, values[at + 2]! / length], at);
          rescaled++;
          changed = true;
        }
      }
      if (lost.length > 0) {
        recompute(values, lost, users);
        recomputed += lost.length;
        changed = true;
      }
      if (changed && values !== normal.getArray()) normal.setNormalized(false).setArray(values);
    }
    options.onRepaired?.({ rescaled, recomputed });
  });
}

/**
 * Triangle primitives grouped by the NORMAL accessor they read, so a normal shared by
 * several primitives is repaired once, from the faces of all of them.
 */
function trianglePrimitivesByNormal(document: Document): Map<Accessor, Primitive[]> {
  const groups = new Map<Accessor, Primitive[]>();
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const normal = primitive.getAttribute('NORMAL');
      if (!normal || !primitive.getAttribute('POSITION') || primitive.getMode() !== Primitive.Mode.TRIANGLES) continue;
      groups.set(normal, [...(groups.get(normal) ?? []), primitive]);
    }
  }
  return groups;
}

/**
 * The normals as floats to repair in place: the accessor's own array when it is already
 * Float32, else a float copy (quantized normals cannot hold a repaired value exactly, and
 * are written back as floats).
 */
function readVectors(normal: Accessor): Float32Array {
  const array = normal.getArray()!;
  if (array instanceof Float32Array && !normal.getNormalized()) return array;
  const values = new Float32Array(normal.getCount() * 3);
  const element: number[] = [];
  for (let vertex = 0; vertex < normal.getCount(); vertex++) values.set(normal.getElement(vertex, element), vertex * 3);
  return values;
}

/** Sets each lost normal to the area-weighted mean of the faces that use its vertex. */
function recompute(values: Float32Array, lost: number[], users: Primitive[]): void {
  const sums = new Map(lost.map((vertex) => [vertex, [0, 0, 0]]));
  // A scan has millions of faces and few lost normals: most faces are passed over on this test.
  const isLost = new Uint8Array(values.length / 3);
  for (const vertex of lost) isLost[vertex] = 1;
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  for (const primitive of users) {
    const position = primitive.getAttribute('POSITION')!;
    const indices = primitive.getIndices()?.getArray();
    const corners = indices ? indices.length : position.getCount();
    for (let corner = 0; corner + 2 < corners; corner += 3) {
      const face = indices
        ? [indices[corner]!, indices[corner + 1]!, indices[corner + 2]!]
        : [corner, corner + 1, corner + 2];
      if (!isLost[face[0]!] && !isLost[face[1]!] && !isLost[face[2]!]) continue;
      position.getElement(face[0]!, a);
      position.getElement(face[1]!, b);
      position.getElement(face[2]!, c);
      // The cross product's length is twice the face's area: larger faces weigh more.
      const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
      const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
      const cross = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
      for (const vertex of face) {
        const sum = sums.get(vertex);
        if (sum) for (let axis = 0; axis < 3; axis++) sum[axis]! += cross[axis]!;
      }
    }
  }
  for (const [vertex, sum] of sums) {
    const length = Math.hypot(sum[0]!, sum[1]!, sum[2]!);
    // A vertex on no face with an area is never drawn; any unit normal keeps the file valid.
    const unit = length > 0 && Number.isFinite(length) ? sum.map((value) => value / length) : [0, 0, 1];
    values.set(unit, vertex * 3);
  }
}
