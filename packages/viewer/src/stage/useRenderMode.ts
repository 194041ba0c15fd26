import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { Mesh, MeshStandardMaterial, type Material, type Object3D } from 'three';
import { restoreLoaded, showSubstitute } from '../load/material-stash.js';

/** How the artefact's surface is shown: as scanned, as bare shape, or as its mesh. */
export type RenderMode = 'textured' | 'clay' | 'wireframe';
export const RENDER_MODES: readonly RenderMode[] = ['textured', 'clay', 'wireframe'];

/** Unglazed clay under the studio lights: shape without colour, for reading relief and tool marks. */
const CLAY_COLOUR = 0xcfc8bb;
/** Mid-tone lines: a dense scan's mesh reads as shading, not a dark mass. */
const WIRE_COLOUR = 0x7d7366;

function substituteFor(mode: Exclude<RenderMode, 'textured'>): Material {
  return mode === 'clay'
    ? new MeshStandardMaterial({ color: CLAY_COLOUR, roughness: 0.9, metalness: 0 })
    : new MeshStandardMaterial({ color: WIRE_COLOUR, roughness: 1, metalness: 0, wireframe: true });
}

/**
 * Shows every mesh of `scene` in `mode`. One substitute material is shared by all meshes
 * and disposed when the mode or scene changes; the loaded materials are kept aside (see
 * material-stash) and put back for 'textured', so switching back costs no reload.
 */
export function useRenderMode(scene: Object3D, mode: RenderMode): void {
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    if (mode === 'textured') return;
    const substitute = substituteFor(mode);
    const meshes: Mesh[] = [];
    scene.traverse((object) => {
      if (object instanceof Mesh) meshes.push(object);
    });
    for (const mesh of meshes) showSubstitute(mesh, substitute);
    invalidate();
    return () => {
      for (const mesh of meshes) restoreLoaded(mesh);
      substitute.dispose();
      invalidate();
    };
  }, [scene, mode, invalidate]);
}
