import type { Dimensions } from '@vitrine/core';
import { Box3, Vector3 } from 'three';

export interface Framing {
  /** Point the camera looks at: the centre of the artefact's bounds. */
  target: Vector3;
  /** Camera position: in front, a little above, far enough to see it all. */
  position: Vector3;
  /** Radius of the bounding sphere, to scale near/far planes, zoom limits and markers. */
  radius: number;
  /** The artefact's bounding box, where the orbit target may go. */
  bounds: Box3;
}

/** Looking from the front and a little above, as a visitor stands before a plinth. */
const VIEW_DIRECTION = new Vector3(0, 0.3, 1).normalize();
/**
 * Share of the frame's height and width the artefact may fill: less of the height, which
 * the toolbar at the bottom shares, than of the width, which a phone has little of.
 */
const FILL_HEIGHT = 0.72;
const FILL_WIDTH = 0.86;

/**
 * Where to put a perspective camera of `fovDegrees` so the whole artefact is in view,
 * from the manifest's dimensions rather than a loaded scene: every derivative is in
 * metres, centred on x and z and standing on y = 0, so the thumb and the full model get
 * the same framing and swapping one for the other does not move the camera.
 */
export function frameDimensions(dimensions: Dimensions, fovDegrees: number, aspect: number): Framing {
  const { width, height, depth } = dimensions;
  const bounds = new Box3(new Vector3(-width / 2, 0, -depth / 2), new Vector3(width / 2, height, depth / 2));
  const target = bounds.getCenter(new Vector3());
  const radius = Math.max(bounds.getSize(new Vector3()).length() / 2, 1e-4);
  const tanHalfFov = Math.tan((fovDegrees * Math.PI) / 360);
  const tanVertical = tanHalfFov * FILL_HEIGHT;
  const tanHorizontal = tanHalfFov * Math.max(aspect, 1e-3) * FILL_WIDTH;
  // The camera's axes when it looks along -VIEW_DIRECTION.
  const right = new Vector3(0, 1, 0).cross(VIEW_DIRECTION).normalize();
  const up = VIEW_DIRECTION.clone().cross(right);
  // Each corner of the box must sit inside the frustum: its depth along the view must be
  // at least its sideways offset over the tangent of the half-angle.
  let distance = radius * 0.5;
  const corner = new Vector3();
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? width / 2 : -width / 2, i & 2 ? height / 2 : -height / 2, i & 4 ? depth / 2 : -depth / 2);
    const towardsCamera = corner.dot(VIEW_DIRECTION);
    distance = Math.max(
      distance,
      towardsCamera + Math.abs(corner.dot(up)) / tanVertical,
      towardsCamera + Math.abs(corner.dot(right)) / tanHorizontal,
    );
  }
  return { target, position: target.clone().addScaledVector(VIEW_DIRECTION, distance), radius, bounds };
}
