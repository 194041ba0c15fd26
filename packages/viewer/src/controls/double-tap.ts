/** A click or tap: where (CSS pixels in the canvas) and when (ms). */
export interface Tap {
  x: number;
  y: number;
  time: number;
}

/** Two taps this close in time and space make a double tap (close to the platforms' own figures). */
export const DOUBLE_TAP_MS = 350;
export const DOUBLE_TAP_PX = 24;

/**
 * Whether `tap` completes a double tap begun by `previous`. We detect it from clicks
 * rather than the `dblclick` event because mobile browsers do not all send that for a
 * double tap on a canvas whose touch gestures are taken by the orbit controls.
 */
export function isDoubleTap(previous: Tap | undefined, tap: Tap): boolean {
  return (
    previous !== undefined &&
    tap.time - previous.time <= DOUBLE_TAP_MS &&
    Math.hypot(tap.x - previous.x, tap.y - previous.y) <= DOUBLE_TAP_PX
  );
}
