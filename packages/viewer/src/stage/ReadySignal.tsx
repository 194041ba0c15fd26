import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';

export interface ReadySignalProps {
  /** Called once, after the first frame that contains the artefact has been drawn. */
  onDrawn: () => void;
}

/**
 * Tells the viewer when the artefact is really on screen, not merely loaded: "ready" means
 * a visitor (or a test) can see pixels. useFrame runs just before the frame is rendered,
 * so we wait one more animation frame for it to be presented.
 */
export function ReadySignal({ onDrawn }: ReadySignalProps) {
  const signalled = useRef(false);
  useFrame(() => {
    if (signalled.current) return;
    signalled.current = true;
    requestAnimationFrame(() => onDrawn());
  });
  return null;
}
