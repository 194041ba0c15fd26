import type { Document } from '@gltf-transform/core';
import { contentHashedName, type Derivative, type DeviceProfile } from '@vitrine/core';
import { countTriangles, countVertices } from './check/count.js';
import { summarizeTextures } from './check/texture-summary.js';
import { sha256 } from './sha256.js';

export interface DerivedFile {
  derivative: Derivative;
  bytes: Uint8Array;
  /** Bytes of the textures inside, to decide what to shrink when over a byte budget. */
  textureBytes: number;
}

/** The manifest entry of a derivative, measured from the document and the bytes written. */
export function describeDerivedFile(
  document: Document,
  bytes: Uint8Array,
  profile: DeviceProfile,
  container: Derivative['container'],
): DerivedFile {
  const textureBytes = document
    .getRoot()
    .listTextures()
    .reduce((sum, texture) => sum + (texture.getImage()?.byteLength ?? 0), 0);
  const hash = sha256(bytes);
  return {
    bytes,
    textureBytes,
    derivative: {
      profile: profile.name,
      // Named by content, so a manifest never pairs with another version's file in a cache.
      url: contentHashedName(profile.name, hash, container),
      container,
      bytes: bytes.byteLength,
      triangles: countTriangles(document),
      vertices: countVertices(document),
      textures: summarizeTextures(document),
      sha256: hash,
    },
  };
}
