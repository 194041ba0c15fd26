import { createHash } from 'node:crypto';
import type { Document } from '@gltf-transform/core';
import { cloneDocument, dedup, meshopt, prune, textureCompress, weld } from '@gltf-transform/functions';
import type { Derivative, DeviceProfile } from '@vitrine/core';
import { MeshoptEncoder } from 'meshoptimizer';
import sharp from 'sharp';
import { countTriangles, countVertices } from './check/count.js';
import { summarizeTextures } from './check/texture-summary.js';
import { fitTriangleBudget } from './transforms/fit-triangle-budget.js';
import { writeGlb } from './write/glb.js';

export interface DerivedFile {
  derivative: Derivative;
  bytes: Uint8Array;
}

/**
 * Makes one profile's derivative from the normalized source: cleaned, simplified to the
 * triangle budget, textures resized and re-encoded, geometry meshopt-compressed. The
 * source document is not touched, so several profiles can be derived from it.
 */
export async function deriveProfile(source: Document, profile: DeviceProfile): Promise<DerivedFile> {
  const document = cloneDocument(source);
  await document.transform(
    dedup(),
    prune(),
    weld(),
    fitTriangleBudget({ maxTriangles: profile.maxTriangles }),
    textureCompress({
      encoder: sharp,
      // KTX2 encoding for the vr profile arrives with the derivatives work; WebP until then.
      targetFormat: profile.textureFormat === 'ktx2' ? 'webp' : profile.textureFormat,
      resize: [profile.maxTextureSize, profile.maxTextureSize],
      // sharp's default limit is just under 16384², which refuses a 16k scan texture.
      // checkImageSizes has already held every image's header to MAX_TEXTURE_PIXELS.
      limitInputPixels: false,
    }),
    prune(),
    meshopt({ encoder: MeshoptEncoder, level: 'medium' }),
  );
  const url = `${profile.name}.glb`;
  const bytes = await writeGlb(document, url);
  return {
    bytes,
    derivative: {
      profile: profile.name,
      url,
      bytes: bytes.byteLength,
      triangles: countTriangles(document),
      vertices: countVertices(document),
      textures: summarizeTextures(document),
      sha256: sha256(bytes),
    },
  };
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
