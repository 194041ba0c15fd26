import { Primitive, type Document } from '@gltf-transform/core';

/** Triangles a renderer would draw for the document, whatever the primitive modes. */
export function countTriangles(document: Document): number {
  let triangles = 0;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) triangles += primitiveTriangles(primitive);
  }
  return triangles;
}

export function primitiveTriangles(primitive: Primitive): number {
  const count = primitive.getIndices()?.getCount() ?? primitive.getAttribute('POSITION')?.getCount() ?? 0;
  switch (primitive.getMode()) {
    case Primitive.Mode.TRIANGLES:
      return Math.floor(count / 3);
    case Primitive.Mode.TRIANGLE_STRIP:
    case Primitive.Mode.TRIANGLE_FAN:
      return Math.max(0, count - 2);
    default:
      return 0;
  }
}

/** Vertices stored in the document (each accessor counted once). */
export function countVertices(document: Document): number {
  const seen = new Set<unknown>();
  let vertices = 0;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute('POSITION');
      if (position && !seen.has(position)) {
        seen.add(position);
        vertices += position.getCount();
      }
    }
  }
  return vertices;
}
