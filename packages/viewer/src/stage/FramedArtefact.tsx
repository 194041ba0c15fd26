import { OrbitControls } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import { PerspectiveCamera, type Object3D } from 'three';
import { frameBounds } from './frame-bounds.js';

export interface FramedArtefactProps {
  /** The loaded artefact, already in metres, standing on y = 0. */
  scene: Object3D;
}

/**
 * Shows the artefact, frames the camera on its bounds and adds orbit controls limited so
 * the camera never goes below the floor and zoom stays within sensible distances.
 */
export function FramedArtefact({ scene }: FramedArtefactProps) {
  const camera = useThree((state) => state.camera);
  const size = useThree((state) => state.size);
  const invalidate = useThree((state) => state.invalidate);
  const fov = camera instanceof PerspectiveCamera ? camera.fov : 40;
  const framing = useMemo(() => frameBounds(scene, fov, size.width / Math.max(size.height, 1)), [scene, fov, size]);

  useLayoutEffect(() => {
    camera.position.copy(framing.position);
    camera.near = framing.radius / 100;
    camera.far = framing.radius * 100;
    camera.lookAt(framing.target);
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, framing, invalidate]);

  return (
    <>
      <primitive object={scene} />
      <OrbitControls
        makeDefault
        target={framing.target}
        enableDamping={false}
        minDistance={framing.radius * 0.3}
        maxDistance={framing.radius * 6}
        maxPolarAngle={Math.PI / 2 - 0.02}
      />
    </>
  );
}
