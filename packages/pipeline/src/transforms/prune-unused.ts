import type { Transform } from '@gltf-transform/core';
import { prune, type PruneOptions } from '@gltf-transform/functions';

/**
 * gltf-transform's prune, removing what nothing uses, without its search for single-colour
 * textures: that search decodes every texture in full (ndarray-pixels through sharp) each
 * time prune runs, and ingest pruned six to fourteen times. On the generated 3M-triangle
 * scan (two 8192² atlases) one prune with it took 0.8 GB more memory that stayed held
 * (`node --expose-gc`, RSS after gc), and eight 8K atlases were decoded twice a profile. A
 * scan's atlas is never one colour; a material factor would not be smaller anyway.
 */
export function pruneUnused(options: Omit<PruneOptions, 'keepSolidTextures'> = {}): Transform {
  return prune({ ...options, keepSolidTextures: true });
}
