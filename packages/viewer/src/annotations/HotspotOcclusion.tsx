import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import { Matrix4, Vector3, type Object3D } from 'three';
import { RayOccluder } from './ray-occluder.js';

export interface HotspotAnchor {
  id: string;
  /** Where the hotspot is, in world space (lifted a little off the surface). */
  point: Vector3;
}

export interface HotspotOcclusionProps {
  /** The artefact: what can hide a hotspot. */
  scene: Object3D;
  anchors: readonly HotspotAnchor[];
  /** Called with the ids of the hidden hotspots whenever that set changes. */
  onChange: (hidden: ReadonlySet<string>) => void;
}

/**
 * Decides which hotspots the artefact hides, by a depth test: a segment from the camera to
 * each hotspot, tested against the artefact's triangles (see RayOccluder). Re-tested in
 * `useFrame` whenever the camera's pose or projection differs from the last test, so it
 * follows every drag, zoom and flight, and costs nothing while the view is still: with
 * the viewer's on-demand frame loop no frame is drawn for it, except one when the
 * occluder is ready. Mounted after the camera flight and before the hotspots, so that it
 * sees each frame's final camera.
 */
export function HotspotOcclusion({ scene, anchors, onChange }: HotspotOcclusionProps) {
  const invalidate = useThree((state) => state.invalidate);
  const [occluder, setOccluder] = useState<RayOccluder | undefined>(undefined);
  const tested = useRef({ pose: new Matrix4(), projection: new Matrix4(), stale: true, hidden: '' });
  const eye = useRef(new Vector3());

  useEffect(() => {
    // Built when the browser is idle after the artefact's first frames, not during them: it
    // takes 0.1–0.4 s for 150k triangles on a slow machine. Until then nothing is dimmed.
    const build = () => setOccluder(RayOccluder.fromObject(scene));
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(build, { timeout: 1000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(build, 0);
    return () => clearTimeout(timer);
  }, [scene]);

  useEffect(() => {
    tested.current.stale = true;
    invalidate();
  }, [occluder, anchors, invalidate]);

  useFrame(({ camera }) => {
    const last = tested.current;
    if (!occluder) return;
    camera.updateMatrixWorld();
    if (!last.stale && last.pose.equals(camera.matrixWorld) && last.projection.equals(camera.projectionMatrix)) return;
    last.stale = false;
    last.pose.copy(camera.matrixWorld);
    last.projection.copy(camera.projectionMatrix);
    const from = eye.current.setFromMatrixPosition(camera.matrixWorld);
    const hidden = anchors.filter((anchor) => occluder.blocks(from, anchor.point)).map((anchor) => anchor.id);
    const key = hidden.join(' ');
    if (key === last.hidden) return;
    last.hidden = key;
    onChange(new Set(hidden));
  });

  return null;
}
