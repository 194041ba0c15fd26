import type { Document, Transform } from '@gltf-transform/core';
import { createTransform } from '@gltf-transform/functions';
import { transformAllMeshes } from './transform-all-meshes.js';

const NAME = 'rescale';

export interface RescaleOptions {
  /** Multiplier from the scan's units to metres, e.g. 0.001 for a scan in millimetres. */
  factor: number;
}

/** Scales all geometry so one unit is one metre, as glTF and WebXR expect. Needs baked nodes. */
export function rescale(options: RescaleOptions): Transform {
  const { factor } = options;
  return createTransform(NAME, (document: Document) => {
    if (factor === 1) return;
    transformAllMeshes(document, [factor, 0, 0, 0, 0, factor, 0, 0, 0, 0, factor, 0, 0, 0, 0, 1]);
  });
}
