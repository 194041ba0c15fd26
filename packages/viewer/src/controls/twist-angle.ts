/** A touch point on the screen, in CSS pixels. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * The angle (radians) between the line through two fingers before and after they moved:
 * the two-finger twist that turns the artefact (in the browser view and in AR). Positive is clockwise on the
 * screen, which turns the artefact clockwise seen from above, as a hand on a turntable.
 * Wrapped to (−π, π] so that crossing the ±180° line does not spin it round.
 */
export function twistAngle(before: readonly [ScreenPoint, ScreenPoint], after: readonly [ScreenPoint, ScreenPoint]) {
  const angle = (pair: readonly [ScreenPoint, ScreenPoint]) => Math.atan2(pair[1].y - pair[0].y, pair[1].x - pair[0].x);
  let delta = angle(after) - angle(before);
  while (delta <= -Math.PI) delta += 2 * Math.PI;
  while (delta > Math.PI) delta -= 2 * Math.PI;
  return delta;
}
