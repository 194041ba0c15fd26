import { Primitive, type Document, type Transform } from '@gltf-transform/core';
import { createTransform } from '@gltf-transform/functions';

const NAME = 'removeDegenerateFaces';

export interface RemoveDegenerateFacesOptions {
  /** Receives the number of faces removed of each kind, for the scan report. */
  onRemoved?: (removed: { degenerate: number; duplicate: number }) => void;
}

/**
 * Removes triangles that cannot be seen (two corners on the same vertex, or all three on
 * one line: zero area) and triangles that repeat another one exactly (the same three
 * vertices, in any order). Scanners and mesh repair tools leave both behind; they cost
 * bytes, break simplification quality and make z-fighting. Works on indexed triangle
 * lists, after welding, so "the same vertex" means the same index.
 */
export function removeDegenerateFaces(options: RemoveDegenerateFacesOptions = {}): Transform {
  return createTransform(NAME, (document: Document) => {
    let degenerate = 0;
    let duplicate = 0;
    for (const mesh of document.getRoot().listMeshes()) {
      for (const primitive of mesh.listPrimitives()) {
        const indices = primitive.getIndices();
        const position = primitive.getAttribute('POSITION');
        if (primitive.getMode() !== Primitive.Mode.TRIANGLES || !indices || !position) continue;
        const source = indices.getArray()!;
        const kept: number[] = [];
        const seen = new Set<string>();
        const a = [0, 0, 0];
        const b = [0, 0, 0];
        const c = [0, 0, 0];
        for (let i = 0; i + 2 < source.length; i += 3) {
          const i0 = source[i]!;
          const i1 = source[i + 1]!;
          const i2 = source[i + 2]!;
          position.getElement(i0, a);
          position.getElement(i1, b);
          position.getElement(i2, c);
          if (i0 === i1 || i1 === i2 || i0 === i2 || zeroArea(a, b, c)) {
            degenerate++;
            continue;
          }
          const key = [i0, i1, i2].sort((x, y) => x - y).join(',');
          if (seen.has(key)) {
            duplicate++;
            continue;
          }
          seen.add(key);
          kept.push(i0, i1, i2);
        }
        if (kept.length === source.length) continue;
        if (kept.length === 0) {
          // Nothing visible is left; an empty accessor would be invalid glTF.
          primitive.dispose();
          if (mesh.listPrimitives().length === 0) mesh.dispose();
          continue;
        }
        const ArrayType = source.constructor as new (values: number[]) => typeof source;
        // A shared index accessor must not change under another primitive: give this one its own.
        primitive.setIndices(indices.clone().setArray(new ArrayType(kept)));
      }
    }
    options.onRemoved?.({ degenerate, duplicate });
  });
}

function zeroArea(a: number[], b: number[], c: number[]): boolean {
  const ux = b[0]! - a[0]!;
  const uy = b[1]! - a[1]!;
  const uz = b[2]! - a[2]!;
  const vx = c[0]! - a[0]!;
  const vy = c[1]! - a[1]!;
  const vz = c[2]! - a[2]!;
  const cx = uy * vz - uz * vy;
  const cy = uz * vx - ux * vz;
  const cz = ux * vy - uy * vx;
  return cx === 0 && cy === 0 && cz === 0;
}
