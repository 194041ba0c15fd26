import { useThree } from '@react-three/fiber';
import { useXR, useXRHitTest } from '@react-three/xr';
import type { Dimensions } from '@vitrine/core';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Matrix4, Quaternion, Vector3, type Group } from 'three';
import { fitScale } from './vr-layout.js';

export interface ArExhibitProps {
  exhibit: Group;
  artefact: Group;
  dimensions: Dimensions;
  placed: boolean;
  /** Shown at table size instead of true size (the visitor's choice). */
  fit: boolean;
  onPlaced: () => void;
}

/**
 * The artefact in the visitor's room (immersive-ar): a ring on the floor or table the
 * device looks at (WebXR hit-test from the centre of the view), and a tap or select puts
 * the artefact there, at true size (1:1, the scene is in metres), turned to face the
 * visitor, its contact shadow under it. (XrExhibit keeps it hidden until placed.)
 */
export function ArExhibit({ exhibit, artefact, dimensions, placed, fit, onPlaced }: ArExhibitProps) {
  const reticle = useRef<Group>(null);
  const hit = useRef<Matrix4 | undefined>(undefined);
  const camera = useThree((state) => state.camera);

  useXRHitTest((results, getWorldMatrix) => {
    const ring = reticle.current;
    const first = results[0];
    const matrix = hit.current ?? new Matrix4();
    const found = !placed && first !== undefined && getWorldMatrix(matrix, first);
    hit.current = found ? matrix : undefined;
    if (!ring) return;
    ring.visible = found;
    if (found) matrix.decompose(ring.position, ring.quaternion, ring.scale);
  }, 'viewer');

  // The latest placing step, for a listener bound once per session: rebinding on every
  // render could drop a select that arrives in between.
  const place = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    place.current = () => {
      if (placed || !hit.current) return;
      const position = new Vector3().setFromMatrixPosition(hit.current);
      const eye = camera.getWorldPosition(new Vector3());
      exhibit.position.copy(position);
      exhibit.quaternion.setFromAxisAngle(UP, Math.atan2(eye.x - position.x, eye.z - position.z));
      onPlaced();
    };
  });
  const session = useXR((state) => state.session);
  useEffect(() => {
    if (!session) return;
    const onSelect = () => place.current();
    session.addEventListener('select', onSelect);
    return () => session.removeEventListener('select', onSelect);
  }, [session]);

  useLayoutEffect(() => {
    artefact.scale.setScalar(fit ? fitScale(dimensions) : 1);
  }, [artefact, fit, dimensions]);

  useLayoutEffect(
    () => () => {
      // Back in the browser: where and as large as the browser's camera expects it.
      exhibit.position.set(0, 0, 0);
      exhibit.quaternion.copy(IDENTITY);
      artefact.scale.setScalar(1);
      artefact.quaternion.copy(IDENTITY);
    },
    [exhibit, artefact],
  );

  return (
    <>
      <group ref={reticle} visible={false} name="ar-reticle">
        <mesh rotation={[-Math.PI / 2, 0, 0]}>
          <ringGeometry args={[0.07, 0.09, 48]} />
          <meshBasicMaterial color="#ffffff" toneMapped={false} />
        </mesh>
      </group>
    </>
  );
}

const UP = new Vector3(0, 1, 0);
const IDENTITY = new Quaternion();
