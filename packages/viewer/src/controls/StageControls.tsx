import type { Dimensions } from '@vitrine/core';
import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, type ComponentRef, type Ref } from 'react';
import { MathUtils, PerspectiveCamera, Raycaster, Spherical, TOUCH, Vector2, Vector3, type Object3D } from 'three';
import { usePrefersReducedMotion } from './usePrefersReducedMotion.js';
import { frameDimensions, type Framing } from '../stage/frame-bounds.js';
import { startFlight, viewAt, zoomedView, type Flight, type View } from './camera-flight.js';
import { useTwoFingerTwist } from './useTwoFingerTwist.js';

/** What the viewer's buttons and gestures ask of the camera. */
export interface StageControlsHandle {
  /** Back to the framing the artefact opened with. */
  reset(): void;
  /** Fly towards a point on the surface (instant under prefers-reduced-motion). */
  zoomTo(point: Vector3): void;
  /** Where the camera is and what it looks at now, in the artefact's metres. */
  view(): { position: [number, number, number]; target: [number, number, number] } | undefined;
  /**
   * Turn around the artefact (positive: as a drag to the right would) and tilt the view
   * (positive: towards the horizon), in radians, within the same limits as a drag.
   */
  turn(azimuth: number, polar: number): void;
  /** Come closer (factor above 1) or go farther, within the zoom limits. */
  zoomBy(factor: number): void;
  /** Move the view right and up by shares of the artefact's radius, the centre kept on the artefact. */
  panBy(right: number, up: number): void;
  /** The artefact's surface under the centre of the view, with its outward normal; none when the centre misses it. */
  surfaceAtCentre(): { point: Vector3; normal?: Vector3 } | undefined;
}

export interface StageControlsProps {
  /** The artefact's size in metres, from its manifest: framing and limits come from it. */
  dimensions: Dimensions;
  ref?: Ref<StageControlsHandle>;
  /**
   * Where the view is kept while the controls are away (an immersive session): written
   * when they unmount, and taken up instead of the framing when they mount again, so the
   * visitor comes back from VR or AR to the view they left.
   */
  savedView?: { current: View | undefined };
  /** Turn slowly around the artefact (a gallery's idle screen); never under prefers-reduced-motion. */
  autoRotate?: boolean;
  /** The artefact, for what lies under the centre of the view. */
  artefact?: Object3D;
}

/** A full turn a minute: slow enough to read the object, fast enough to be seen moving. */
const AUTO_ROTATE_SPEED = 1;

/** Closest the camera may come to what it looks at, as a share of the artefact's radius. */
const MIN_DISTANCE = 0.15;
/** Farthest, as a multiple of the framing distance: the artefact never shrinks to a speck. */
const MAX_DISTANCE = 2.5;
/** Just above the horizon: the floor is never seen from below. */
const MAX_POLAR_ANGLE = Math.PI / 2 - 0.02;
/** The centre of the view in normalized device coordinates. */
const VIEW_CENTRE = new Vector2(0, 0);

/**
 * Orbit controls for an artefact on the floor: turn (one finger or the mouse), zoom
 * (wheel or pinch) and pan (two fingers, right button) within limits: never below the
 * floor, never inside or far away from the artefact, the orbit centre kept within its
 * bounds. The view is framed from the manifest's dimensions once per artefact, so a
 * richer derivative replacing the thumb leaves the visitor's camera where it was.
 */
export function StageControls({ dimensions, ref, savedView, autoRotate = false, artefact }: StageControlsProps) {
  const reducedMotion = usePrefersReducedMotion();
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  const xr = useThree((state) => state.gl.xr);
  const getState = useThree((state) => state.get);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const flight = useRef<Flight | null>(null);
  const { width, height, depth } = dimensions;

  // Framing for the canvas's shape when asked, not on every resize: a resize must not
  // take the view away from the visitor.
  const frame = useCallback((): Framing => {
    const { size } = getState();
    const fov = camera instanceof PerspectiveCamera ? camera.fov : 35;
    return frameDimensions({ width, height, depth }, fov, size.width / Math.max(size.height, 1));
  }, [camera, getState, width, height, depth]);
  const framing = useMemo(() => frame(), [frame]);
  // A tall window frames a wide artefact from farther than its size alone suggests.
  const minDistance = framing.radius * MIN_DISTANCE;
  const maxDistance = framing.position.distanceTo(framing.target) * MAX_DISTANCE;

  useLayoutEffect(() => {
    const orbit = controls.current;
    if (!orbit) return;
    flight.current = null;
    const saved = savedView?.current;
    camera.position.copy(saved?.position ?? framing.position);
    camera.near = framing.radius / 100;
    camera.far = framing.radius * 100;
    camera.updateProjectionMatrix();
    orbit.target.copy(saved?.target ?? framing.target);
    if (savedView) savedView.current = undefined;
    orbit.update();
    invalidate();
    // Back from VR or AR before the renderer has ended its session: until it has, each of
    // its frames writes the headset's pose into this camera (seen in xr.test.ts), so the
    // visitor's view is put back once more when the session is really over.
    const restored = saved && { position: saved.position.clone(), target: saved.target.clone() };
    const putBack = () => {
      if (!restored) return;
      camera.position.copy(restored.position);
      orbit.target.copy(restored.target);
      orbit.update();
      invalidate();
    };
    if (restored && xr.isPresenting) xr.addEventListener('sessionend', putBack);
    // Kept as the session starts, before its first frame: by the time this unmounts for VR
    // or AR, the headset's frames may already have moved the camera.
    const keep = () => {
      if (savedView) savedView.current = { position: camera.position.clone(), target: orbit.target.clone() };
    };
    xr.addEventListener('sessionstart', keep);
    return () => {
      xr.removeEventListener('sessionend', putBack);
      xr.removeEventListener('sessionstart', keep);
      if (!xr.isPresenting) keep();
    };
  }, [camera, framing, invalidate, savedView, xr]);

  const fly = useCallback(
    (to: View) => {
      const orbit = controls.current;
      if (!orbit) return;
      flight.current = startFlight({ position: camera.position, target: orbit.target }, to, performance.now());
      invalidate();
    },
    [camera, invalidate],
  );

  const moveCamera = useMemo(() => {
    const offset = new Vector3();
    const spherical = new Spherical();
    const raycaster = new Raycaster();
    return {
      turn(azimuth: number, polar: number) {
        const orbit = controls.current;
        if (!orbit) return;
        flight.current = null;
        spherical.setFromVector3(offset.copy(camera.position).sub(orbit.target));
        spherical.theta -= azimuth;
        spherical.phi = MathUtils.clamp(spherical.phi + polar, 0.05, MAX_POLAR_ANGLE);
        camera.position.copy(orbit.target).add(offset.setFromSpherical(spherical));
        orbit.update();
        invalidate();
      },
      zoomBy(factor: number) {
        const orbit = controls.current;
        if (!orbit) return;
        flight.current = null;
        offset.copy(camera.position).sub(orbit.target);
        offset.setLength(MathUtils.clamp(offset.length() / factor, minDistance, maxDistance));
        camera.position.copy(orbit.target).add(offset);
        orbit.update();
        invalidate();
      },
      panBy(right: number, up: number) {
        const orbit = controls.current;
        if (!orbit) return;
        flight.current = null;
        camera.updateMatrixWorld();
        offset.setFromMatrixColumn(camera.matrixWorld, 0).multiplyScalar(right * framing.radius);
        camera.position.add(offset);
        orbit.target.add(offset);
        offset.setFromMatrixColumn(camera.matrixWorld, 1).multiplyScalar(up * framing.radius);
        camera.position.add(offset);
        orbit.target.add(offset);
        orbit.update(); // its change event keeps the centre within the artefact's bounds
        invalidate();
      },
      surfaceAtCentre() {
        if (!artefact) return undefined;
        camera.updateMatrixWorld(); // a key may have moved it since the last frame
        raycaster.setFromCamera(VIEW_CENTRE, camera);
        const hit = raycaster.intersectObject(artefact, true)[0];
        if (!hit) return undefined;
        return { point: hit.point, normal: hit.face?.normal.clone().transformDirection(hit.object.matrixWorld) };
      },
    };
  }, [artefact, camera, framing, invalidate, minDistance, maxDistance]);

  // OrbitControls has no twist: two fingers turning about each other turn the artefact
  // with them, as on a turntable (and as in AR), while the same fingers pinch and pan.
  const canvas = useThree((state) => state.gl.domElement);
  const twist = useCallback((angle: number) => moveCamera.turn(-angle, 0), [moveCamera]);
  useTwoFingerTwist(canvas, twist);

  useImperativeHandle(
    ref,
    () => ({
      ...moveCamera,
      reset: () => fly(frame()),
      zoomTo: (point) => {
        const to = zoomedView(camera.position, point, minDistance, maxDistance);
        to.target.clamp(framing.bounds.min, framing.bounds.max);
        fly(to);
      },
      view: () =>
        controls.current
          ? { position: camera.position.toArray(), target: controls.current.target.toArray() }
          : undefined,
    }),
    [camera, fly, frame, framing, minDistance, maxDistance, moveCamera],
  );

  const view = useMemo<View>(() => ({ position: new Vector3(), target: new Vector3() }), []);
  // Before the orbit controls' own update (priority -1), so they see where the flight is.
  useFrame(() => {
    const orbit = controls.current;
    if (!flight.current || !orbit) return;
    const arrived = viewAt(flight.current, performance.now(), view);
    camera.position.copy(view.position);
    orbit.target.copy(view.target);
    if (arrived) flight.current = null;
    else invalidate();
  }, -2);

  // Panning moves camera and centre together; keep the centre on the artefact by moving both back.
  const correction = useMemo(() => new Vector3(), []);
  const keepCentreOnArtefact = useCallback(() => {
    const orbit = controls.current;
    if (!orbit) return;
    correction.copy(orbit.target);
    orbit.target.clamp(framing.bounds.min, framing.bounds.max);
    correction.sub(orbit.target);
    if (correction.lengthSq() > 0) camera.position.sub(correction);
  }, [camera, correction, framing]);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      minDistance={minDistance}
      maxDistance={maxDistance}
      maxPolarAngle={MAX_POLAR_ANGLE}
      // One finger turns; two pinch to zoom, drag to pan and twist to turn, as in maps and photo apps.
      touches={{ ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN }}
      autoRotate={autoRotate && !reducedMotion}
      autoRotateSpeed={AUTO_ROTATE_SPEED}
      onStart={() => (flight.current = null)}
      onChange={keepCentreOnArtefact}
    />
  );
}
