import { Box3, Sphere, Vector3, type Object3D } from 'three';

export interface Framing {
  /** Point the camera looks at: the centre of the artefact's bounds. */
  target: Vector3;
  /** Camera position: in front, a little above, far enough to see it all. */
  position: Vector3;
  /** Radius of the bounding sphere, to scale near/far planes and zoom limits. */
  radius: number;
}

/** Where to put a perspective camera of `fovDegrees` so the whole object is in view. */
export function frameBounds(object: Object3D, fovDegrees: number, aspect: number): Framing {
  const sphere = new Box3().setFromObject(object).getBoundingSphere(new Sphere());
  const radius = Math.max(sphere.radius, 1e-4);
  const verticalHalf = (fovDegrees * Math.PI) / 360;
  const horizontalHalf = Math.atan(Math.tan(verticalHalf) * aspect);
  const distance = (radius / Math.sin(Math.min(verticalHalf, horizontalHalf))) * 1.05;
  const direction = new Vector3(0, 0.25, 1).normalize();
  return {
    target: sphere.center.clone(),
    position: sphere.center.clone().addScaledVector(direction, distance),
    radius,
  };
}
