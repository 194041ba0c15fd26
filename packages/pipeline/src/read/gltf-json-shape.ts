import type { GLTF } from '@gltf-transform/core';
import { ScanError } from '../errors.js';

/** The top-level lists of glTF 2.0: each must be a list of objects, or absent. */
const LISTS = [
  'accessors',
  'animations',
  'buffers',
  'bufferViews',
  'cameras',
  'images',
  'materials',
  'meshes',
  'nodes',
  'samplers',
  'scenes',
  'skins',
  'textures',
] as const;

/**
 * Checks the few things our own code relies on before the validator and gltf-transform
 * see the file (loading external buffers and images walks `buffers` and `images`), so
 * that a hand-edited or damaged file is refused in words rather than failing as a
 * TypeError of ours. Everything finer is the validator's job.
 */
export function refuseMalformedGltfJson(json: object, name: string): asserts json is GLTF.IGLTF {
  const record = json as Record<string, unknown>;
  for (const key of LISTS) {
    const value = record[key];
    if (value === undefined) continue;
    if (
      !Array.isArray(value) ||
      value.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))
    ) {
      throw new ScanError(
        `${name} is not valid glTF: "${key}" is not a list of objects; export it again from your scanning software`,
        'corrupt',
      );
    }
  }
}
