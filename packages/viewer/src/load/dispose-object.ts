import type { Object3D, Texture } from 'three';
import { Mesh } from 'three';
import { loadedMaterials } from './material-stash.js';

/**
 * Frees the GPU memory of everything under `root`: geometries, materials and their
 * textures. Materials are the loaded ones even while a render mode shows a substitute
 * (the substitute belongs to the render mode, which disposes it).
 */
export function disposeObject(root: Object3D): void {
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    object.geometry.dispose();
    for (const material of loadedMaterials(object)) {
      for (const value of Object.values(material)) {
        if (value && typeof value === 'object' && (value as Texture).isTexture) (value as Texture).dispose();
      }
      material.dispose();
    }
  });
}
