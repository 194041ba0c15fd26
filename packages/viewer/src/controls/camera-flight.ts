import type { Vector3 } from 'three';

/** Where the camera is and what it looks at. */
export interface View {
  position: Vector3;
  target: Vector3;
}

/** A camera move from one view to another, started at `start` (ms, performance.now()). */
export interface Flight {
  from: View;
  to: View;
  start: number;
  /** Milliseconds; 0 jumps. */
  duration: number;
}

/** Long enough to see where you went, short enough not to wait: Material's "medium" motion. */
export const FLIGHT_MS = 450;

/** Whether the visitor asked for less motion; moves then jump. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

export function startFlight(from: View, to: View, now: number): Flight {
  return {
    from: { position: from.position.clone(), target: from.target.clone() },
    to: { position: to.position.clone(), target: to.target.clone() },
    start: now,
    duration: prefersReducedMotion() ? 0 : FLIGHT_MS,
  };
}

/** Writes the view at time `now` into `out`; returns true once the flight has arrived. */
export function viewAt(flight: Flight, now: number, out: View): boolean {
  const t = flight.duration > 0 ? Math.min(Math.max((now - flight.start) / flight.duration, 0), 1) : 1;
  // Ease in and out (cubic), so the move neither jolts at the start nor stops dead.
  const eased = t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
  out.position.lerpVectors(flight.from.position, flight.to.position, eased);
  out.target.lerpVectors(flight.from.target, flight.to.target, eased);
  return t >= 1;
}

/**
 * The view that brings `point` (on the surface) closer: the camera keeps its direction to
 * the point and halves its distance, within the orbit controls' limits.
 */
export function zoomedView(camera: Vector3, point: Vector3, minDistance: number, maxDistance: number): View {
  const offset = camera.clone().sub(point);
  const distance = Math.min(Math.max(offset.length() * 0.5, minDistance), maxDistance);
  return { position: point.clone().addScaledVector(offset.normalize(), distance), target: point.clone() };
}
