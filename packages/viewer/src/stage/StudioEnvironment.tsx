import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { PMREMGenerator } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';

/**
 * Neutral studio lighting built on the visitor's GPU from three's RoomEnvironment: no HDR
 * is downloaded (drei's presets fetch theirs from a CDN), and it lights PBR materials the
 * way a photographer's softbox room would.
 */
export function StudioEnvironment() {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);

  useEffect(() => {
    const generator = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    const target = generator.fromScene(room, 0.04);
    // Only the prefiltered map is needed from here on: the room and the generator's
    // shaders and render targets are freed at once rather than held for the mount.
    room.dispose();
    generator.dispose();
    scene.environment = target.texture;
    scene.environmentIntensity = 0.9;
    invalidate();
    return () => {
      scene.environment = null;
      target.dispose();
    };
  }, [gl, scene, invalidate]);

  return null;
}
