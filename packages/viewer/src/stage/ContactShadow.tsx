import type { Dimensions } from '@vitrine/core';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { ContactShadowRig } from './contact-shadow-rig.js';

export interface ContactShadowProps {
  /** The artefact's size in metres, from its manifest: sets the shadow's reach. */
  dimensions: Dimensions;
  /** Anything that changes when the artefact's shape does (the loaded scene): the shadow is drawn again. */
  bakeKey: unknown;
  /** Darkness where the artefact touches the floor, 0–1. */
  opacity?: number;
  /** Softness, in drei ContactShadows' units. */
  blur?: number;
  /** Pixels on a side of the shadow texture. */
  resolution?: number;
}

/**
 * A soft shadow under the artefact, drawn once per artefact rather than every frame: the
 * stage renders on demand, and a shadow that redraws itself would keep it rendering.
 */
export function ContactShadow({
  dimensions,
  bakeKey,
  opacity = 0.5,
  blur = 2.5,
  resolution = 512,
}: ContactShadowProps) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  const { width, height, depth } = dimensions;
  const rig = useMemo(
    () =>
      new ContactShadowRig({
        // Room around the footprint for the blur to fade out before the texture's edge.
        size: Math.max(width, depth) * 1.5 + height * 0.5,
        far: height * 0.6,
        resolution,
        blur,
        opacity,
      }),
    [width, height, depth, resolution, blur, opacity],
  );
  useEffect(() => () => rig.dispose(), [rig]);

  const pending = useRef(true);
  useLayoutEffect(() => {
    pending.current = true;
    invalidate();
  }, [rig, bakeKey, invalidate]);
  useFrame(() => {
    if (!pending.current) return;
    pending.current = false;
    rig.bake(gl, scene);
  });

  return <primitive object={rig.group} />;
}
