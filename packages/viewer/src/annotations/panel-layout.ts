/**
 * Where the panel sits, shared by the stylesheet and the camera flight: the flight puts the
 * open annotation where the panel does not cover it.
 */

/** Stages this wide or narrower show the panel as a sheet over their lower half. */
export const COMPACT_MAX_WIDTH_PX = 576;
/** On wider stages the panel stands at the right, this wide at most... */
export const PANEL_MAX_WIDTH_PX = 384;
/** ...and never wider than this share of the stage. */
export const PANEL_MAX_SHARE = 0.45;

/**
 * Where the open annotation's point should appear, in pixels from the stage's centre
 * (right and up): centred in the space the panel leaves free.
 */
export function clearOfPanel(stage: { width: number; height: number }): { right: number; up: number } {
  if (stage.width <= COMPACT_MAX_WIDTH_PX) return { right: 0, up: stage.height * 0.22 };
  const panel = Math.min(PANEL_MAX_WIDTH_PX, stage.width * PANEL_MAX_SHARE);
  return { right: -panel / 2, up: 0 };
}
