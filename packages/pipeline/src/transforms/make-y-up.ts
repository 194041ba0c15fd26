import type { Document, Transform } from '@gltf-transform/core';
import { createTransform } from '@gltf-transform/functions';
import { transformAllMeshes } from './transform-all-meshes.js';

const NAME = 'makeYUp';

export interface MakeYUpOptions {
  /** Which axis points up in the source. glTF is Y-up; many scanners and CAD tools are Z-up. */
  up: 'y' | 'z';
}

/** Rotates a Z-up scan so that its up is glTF's +Y (and its front, -Y, becomes +Z). Needs baked nodes. */
export function makeYUp(options: MakeYUpOptions): Transform {
  return createTransform(NAME, (document: Document) => {
    if (options.up === 'y') return;
    // Column-major rotation of -90° about X: (x, y, z) -> (x, z, -y).
    transformAllMeshes(document, [1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
  });
}
