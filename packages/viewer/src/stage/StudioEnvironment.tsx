import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import { PMREMGenerator, type WebGLRenderTarget } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { StudioLights } from './StudioLights.js';

export interface StudioEnvironmentProps {
  /**
   * Build the environment now: the viewer says so once the first frame with the artefact
   * is on screen. Until then the artefact is lit by plain lights (StudioLights).
   */
  build: boolean;
  /** Told when frames are drawn in the studio's light, and when they no longer are. */
  onLit?: (lit: boolean) => void;
}

/**
 * Neutral studio lighting built on the visitor's GPU from three's RoomEnvironment: no HDR
 * is downloaded (drei's presets fetch theirs from a CDN), and it lights PBR materials the
 * way a photographer's softbox room would.
 *
 * Prefiltering it (PMREM) compiles and runs large shaders: seconds of GPU time on a
 * software renderer, and more than a frame on a low-end phone. Done before the first frame,
 * it held the artefact back by all of that (5.3 s to the first frame in bench:viewer,
 * 1.9 s without it); so the first frames use two plain lights, and the studio replaces
 * them once the artefact is on screen. It is built once a canvas, whatever artefacts follow.
 */
export function StudioEnvironment({ build, onLit }: StudioEnvironmentProps) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  const [wanted, setWanted] = useState(false);
  const [built, setBuilt] = useState(false);
  if (build && !wanted) setWanted(true);

  useEffect(() => {
    if (!wanted) return;
    let target: WebGLRenderTarget | undefined;
    // Two frames on: the GPU runs one queue, and prefiltering queued while the first frame
    // is still on its way to the screen would hold that frame back with it.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const generator = new PMREMGenerator(gl);
        const room = new RoomEnvironment();
        target = generator.fromScene(room, 0.04);
        // Only the prefiltered map is needed from here on: the room and the generator's
        // shaders and render targets are freed at once rather than held for the mount.
        room.dispose();
        generator.dispose();
        scene.environment = target.texture;
        scene.environmentIntensity = 0.9;
        setBuilt(true);
        invalidate();
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      if (!target) return;
      scene.environment = null;
      target.dispose();
      setBuilt(false);
    };
  }, [wanted, gl, scene, invalidate]);

  // "Lit" once a frame with the environment has been presented (as ReadySignal does).
  const announced = useRef(false);
  useFrame(() => {
    if (announced.current === built) return;
    announced.current = built;
    const lit = built;
    requestAnimationFrame(() => onLit?.(lit));
  });
  useEffect(() => () => onLit?.(false), [onLit]);

  return built ? null : <StudioLights />;
}
