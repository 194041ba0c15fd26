import type { Dimensions } from '@vitrine/core';

/** Where the artefact stands in VR, from its true size: all in metres, the visitor at the origin facing −Z. */
export interface VrLayout {
  /** Height of the plinth's top, on which the artefact's base rests (0: it stands on the floor). */
  plinthHeight: number;
  /** Side of the plinth's square top. */
  plinthWidth: number;
  /** From the visitor to the artefact's centre, on the floor. */
  distance: number;
}

/**
 * Eye heights are about 1.2 m seated and 1.6 m standing: an artefact whose middle is at
 * 1.1 m can be looked at from both, slightly from above as in a showcase. Anything taller
 * than 2.2 m stands on the floor, as a statue would in a gallery.
 */
const MIDDLE_HEIGHT = 1.1;
/** Close enough to see detail, far enough that the whole piece is in view and out of reach of a step. */
const NEAREST = 0.6;

export function vrLayout({ width, height, depth }: Dimensions): VrLayout {
  const footprint = Math.max(width, depth);
  return {
    plinthHeight: Math.min(1, Math.max(0, MIDDLE_HEIGHT - height / 2)),
    plinthWidth: footprint * 1.15 + 0.08,
    distance: Math.max(NEAREST, footprint / 2 + 0.45 + height * 0.25),
  };
}

/** The scale that makes an artefact's largest side `side` metres: the AR "fit on a table" size. */
export function fitScale({ width, height, depth }: Dimensions, side = 0.4): number {
  return side / Math.max(width, height, depth, 1e-6);
}
