import type { Document } from '@gltf-transform/core';
import { dequantize, getBounds } from '@gltf-transform/functions';
import { METRES_PER_UNIT, toMetres, type Artefact, type Dimensions, type Length, type LengthUnit } from '@vitrine/core';
import { ScanError } from './errors.js';
import { bakeNodeTransforms } from './transforms/bake-node-transforms.js';
import { keepDefaultScene } from './transforms/keep-default-scene.js';
import { makeYUp } from './transforms/make-y-up.js';
import { placeOnGround } from './transforms/place-on-ground.js';
import { rescale } from './transforms/rescale.js';

/** How the curator told us the scan's true size: its unit, or one known length. */
export type SizeHint =
  { kind: 'units'; unit: LengthUnit } | { kind: 'known-length'; axis: 'width' | 'height' | 'depth'; length: Length };

export interface NormalizeOptions {
  size?: SizeHint;
  up?: 'y' | 'z';
}

export interface Normalized {
  dimensions: Dimensions;
  scale: Artefact['scale'];
}

const AXIS_INDEX = { width: 0, height: 1, depth: 2 } as const;

/**
 * Puts the scan in the space every viewer expects: metres, Y up, centred on X/Z, standing
 * on y = 0. Without a hint, glTF input is taken at its word (metres) and the manifest says
 * the size was assumed, so the app can warn before showing it at "true size" in AR.
 */
export async function normalize(document: Document, options: NormalizeOptions): Promise<Normalized> {
  // Quantized inputs (KHR_mesh_quantization, as meshopt-packed files often are) go back to
  // floats first: scaling, grounding and simplification need real coordinates.
  await document.transform(dequantize(), keepDefaultScene(), bakeNodeTransforms(), makeYUp({ up: options.up ?? 'y' }));
  const { size } = options;
  let scale: Artefact['scale'];
  if (!size) {
    scale = { factor: 1, basis: 'assumed-metres' };
  } else if (size.kind === 'units') {
    scale = { factor: METRES_PER_UNIT[size.unit], basis: 'units', sourceUnit: size.unit };
  } else {
    const measured = extent(document)[AXIS_INDEX[size.axis]];
    if (!(measured > 0)) {
      throw new ScanError(`the scan has no ${size.axis} to scale from; give another dimension`, 'invalid-options');
    }
    scale = { factor: toMetres(size.length) / measured, basis: 'known-length' };
  }
  await document.transform(rescale({ factor: scale.factor }), placeOnGround());
  const [width, height, depth] = extent(document);
  // A flat scan (a painting, a leaf, a textile as one surface) has no extent along one
  // axis, and is shown standing or lying as its up axis says; on a line or a point there
  // is no surface to show.
  const axesWithExtent = [width, height, depth].filter((length) => length > 0).length;
  if (axesWithExtent < 2) {
    throw new ScanError(
      `the scan has no surface (all its points are ${axesWithExtent === 1 ? 'on one line' : 'in one place'}); re-export it`,
      'no-geometry',
    );
  }
  return { dimensions: { width, height, depth }, scale };
}

function extent(document: Document): [number, number, number] {
  const scene = document.getRoot().getDefaultScene() ?? document.getRoot().listScenes()[0];
  if (!scene) return [0, 0, 0];
  const { min, max } = getBounds(scene);
  return [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
}
