import type { Document, Transform } from '@gltf-transform/core';
import { createTransform, getBounds } from '@gltf-transform/functions';
import { transformAllMeshes } from './transform-all-meshes.js';

const NAME = 'placeOnGround';

/**
 * Centres the artefact on X and Z and stands its lowest point on y = 0, so that viewers
 * can put it on a floor, a plinth or a real table in AR without knowing where the scanner
 * put its origin. Needs baked nodes.
 */
export function placeOnGround(): Transform {
  return createTransform(NAME, (document: Document) => {
    const scene = document.getRoot().getDefaultScene() ?? document.getRoot().listScenes()[0];
    if (!scene) return;
    const { min, max } = getBounds(scene);
    if (!min.every(Number.isFinite) || !max.every(Number.isFinite)) return;
    const dx = -(min[0] + max[0]) / 2;
    const dy = -min[1];
    const dz = -(min[2] + max[2]) / 2;
    if (dx === 0 && dy === 0 && dz === 0) return;
    transformAllMeshes(document, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, dx, dy, dz, 1]);
  });
}
