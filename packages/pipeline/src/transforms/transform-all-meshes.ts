import type { Document, mat4 } from '@gltf-transform/core';
import { transformMesh } from '@gltf-transform/functions';

/**
 * Applies one matrix to every mesh of the document. Only meaningful once node transforms
 * are baked (see bakeNodeTransforms), when mesh space and world space are the same.
 */
export function transformAllMeshes(document: Document, matrix: mat4): void {
  for (const mesh of document.getRoot().listMeshes()) transformMesh(mesh, matrix);
}
