import { useFrame, useThree } from '@react-three/fiber';
import type { Annotation } from '@vitrine/core';
import { useEffect, useRef } from 'react';
import { Spherical, Vector3, type Camera } from 'three';

export interface AnnotationCameraFlightProps {
  /** The open annotation; the camera goes to its view when it changes. */
  annotation: Annotation | undefined;
  /** Which hotspots the artefact hides, as last measured. */
  occlusion: ReadonlyMap<string, boolean>;
  /** Jump instead of flying: the visitor prefers reduced motion. */
  instant: boolean;
  /** Length of a flight in milliseconds. */
  duration?: number;
}

/** The part of drei's (three-stdlib's) OrbitControls this needs, checked at run time. */
interface OrbitLike {
  target: Vector3;
  update(): void;
  addEventListener(type: 'start', listener: () => void): void;
  removeEventListener(type: 'start', listener: () => void): void;
}

interface Flight {
  start: number;
  fromTarget: Vector3;
  toTarget: Vector3;
  from: Spherical;
  to: Spherical;
}

/**
 * Takes the camera to an annotation when it opens: to the curator's `view` when there is
 * one; when there is none and the artefact hides the point, round to the side the point
 * faces; otherwise nowhere. The flight orbits about the target rather than cutting
 * straight through the artefact, renders only while it lasts (the frame loop stays on
 * demand), gives way to the visitor as soon as they drag, and is a jump when they prefer
 * reduced motion.
 */
export function AnnotationCameraFlight({
  annotation,
  occlusion,
  instant,
  duration = 900,
}: AnnotationCameraFlightProps) {
  const camera = useThree((state) => state.camera);
  const controls = useThree((state) => state.controls);
  const invalidate = useThree((state) => state.invalidate);
  const size = useThree((state) => state.size);
  const flight = useRef<Flight | null>(null);
  // Read when an annotation opens, not a reason to fly again when they change. Declared
  // before the flight's effect, so it is up to date when that runs.
  const settings = useRef({ instant, duration, occlusion, size });
  useEffect(() => {
    settings.current = { instant, duration, occlusion, size };
  });

  useEffect(() => {
    if (!annotation || !isOrbitLike(controls)) return;
    const { instant: jump, occlusion: hidden, size: stage } = settings.current;
    const destination = destinationFor(annotation, camera, controls, hidden.get(annotation.id) === true, stage);
    if (!destination) return;
    if (jump) {
      place(camera, controls, destination.target, new Spherical().setFromVector3(destination.offset));
      invalidate();
      return;
    }
    flight.current = {
      start: performance.now(),
      fromTarget: controls.target.clone(),
      toTarget: destination.target,
      from: new Spherical().setFromVector3(camera.position.clone().sub(controls.target)),
      to: new Spherical().setFromVector3(destination.offset),
    };
    invalidate();
    const yieldToVisitor = () => (flight.current = null);
    controls.addEventListener('start', yieldToVisitor);
    return () => {
      controls.removeEventListener('start', yieldToVisitor);
      flight.current = null;
    };
  }, [annotation, camera, controls, invalidate]);

  useFrame(() => {
    const current = flight.current;
    if (!current || !isOrbitLike(controls)) return;
    const t = Math.min(1, (performance.now() - current.start) / settings.current.duration);
    const eased = t < 0.5 ? 4 * t ** 3 : 1 - (-2 * t + 2) ** 3 / 2;
    const target = current.fromTarget.clone().lerp(current.toTarget, eased);
    // The shorter way round: from 350° to 10° is 20°, not 340°.
    const turn = Math.atan2(
      Math.sin(current.to.theta - current.from.theta),
      Math.cos(current.to.theta - current.from.theta),
    );
    const offset = new Spherical(
      current.from.radius + (current.to.radius - current.from.radius) * eased,
      current.from.phi + (current.to.phi - current.from.phi) * eased,
      current.from.theta + turn * eased,
    );
    place(camera, controls, target, offset);
    if (t < 1) invalidate();
    else flight.current = null;
  });

  return null;
}

function destinationFor(
  annotation: Annotation,
  camera: Camera,
  controls: OrbitLike,
  occluded: boolean,
  stage: { width: number; height: number },
): { target: Vector3; offset: Vector3 } | undefined {
  const { view, normal } = annotation.target;
  if (view) {
    const target = new Vector3(...view.target);
    const offset = new Vector3(...view.position).sub(target);
    // Views are framed for a landscape stage; on a portrait one step back to keep the width in view.
    offset.multiplyScalar(Math.max(1, stage.height / Math.max(stage.width, 1)) ** 0.75);
    return { target, offset };
  }
  if (!occluded) return undefined;
  const distance = camera.position.distanceTo(controls.target);
  return { target: controls.target.clone(), offset: new Vector3(...normal).normalize().multiplyScalar(distance) };
}

function place(camera: Camera, controls: OrbitLike, target: Vector3, offset: Spherical): void {
  controls.target.copy(target);
  camera.position.setFromSpherical(offset).add(target);
  // Applies the controls' limits (zoom range, never below the floor) and looks at the target.
  controls.update();
}

function isOrbitLike(controls: unknown): controls is OrbitLike {
  return (
    typeof controls === 'object' &&
    controls !== null &&
    (controls as { target?: unknown }).target instanceof Vector3 &&
    typeof (controls as { update?: unknown }).update === 'function'
  );
}
