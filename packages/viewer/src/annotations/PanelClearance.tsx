import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { PerspectiveCamera } from 'three';
import { clearOfPanel } from './panel-layout.js';

export interface PanelClearanceProps {
  /** A panel is open over the stage. */
  active: boolean;
  /** Move at once instead of easing: the visitor prefers reduced motion. */
  instant: boolean;
}

/**
 * While a panel is open, shifts the picture (not the camera) so that what the camera
 * looks at appears in the part of the stage the panel leaves free: left of the panel on a
 * wide stage, above the sheet on a phone. A view offset rather than a move of the camera:
 * the orbit centre stays on the annotation, so turning the artefact keeps it in view, and
 * no point is pushed below the floor to make room. Eased over a few frames, rendered
 * only while it moves.
 */
export function PanelClearance({ active, instant }: PanelClearanceProps) {
  const camera = useThree((state) => state.camera);
  const size = useThree((state) => state.size);
  const invalidate = useThree((state) => state.invalidate);
  const shift = useRef({ x: 0, y: 0 });
  const goal = useRef({ x: 0, y: 0 });

  useEffect(() => {
    const { right, up } = active ? clearOfPanel(size) : { right: 0, up: 0 };
    goal.current = { x: -right, y: up };
    if (instant) shift.current = { ...goal.current };
    apply(camera, size, shift.current);
    invalidate();
  }, [active, instant, camera, size, invalidate]);

  useEffect(
    () => () => {
      if (camera instanceof PerspectiveCamera) camera.clearViewOffset();
    },
    [camera],
  );

  useFrame(() => {
    const { x, y } = shift.current;
    const { x: gx, y: gy } = goal.current;
    if (x === gx && y === gy) return;
    // A fifth of the way each frame; within half a pixel counts as arrived.
    const next = { x: x + (gx - x) * 0.2, y: y + (gy - y) * 0.2 };
    if (Math.abs(gx - next.x) < 0.5 && Math.abs(gy - next.y) < 0.5) Object.assign(next, goal.current);
    shift.current = next;
    apply(camera, size, next);
    invalidate();
  });

  return null;
}

function apply(camera: unknown, size: { width: number; height: number }, shift: { x: number; y: number }): void {
  if (!(camera instanceof PerspectiveCamera)) return;
  if (shift.x === 0 && shift.y === 0) camera.clearViewOffset();
  else camera.setViewOffset(size.width, size.height, shift.x, shift.y, size.width, size.height);
}
