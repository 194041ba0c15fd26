import type { Document } from '@gltf-transform/core';
import { cloneDocument, dedup, draco, meshopt, weld } from '@gltf-transform/functions';
import type { DeviceProfile } from '@vitrine/core';
import { MeshoptEncoder } from 'meshoptimizer';
import { describeDerivedFile, type DerivedFile } from './derived-file.js';
import { deriveUsdz } from './derive-usdz.js';
import { ScanError } from './errors.js';
import { encodeTextures } from './transforms/encode-textures.js';
import { fitTriangleBudget } from './transforms/fit-triangle-budget.js';
import { mergeAtlases } from './transforms/merge-atlases.js';
import { writeGlb } from './write/glb.js';
import { pruneUnused } from './transforms/prune-unused.js';

export type GeometryCompression = 'meshopt' | 'draco';

export interface DeriveOptions {
  /** meshopt (default: fastest to decode, smallest after gzip) or Draco (smallest raw). */
  compression?: GeometryCompression;
  /** The artefact's name, for formats that carry one (USDZ's root prim). */
  name?: string;
  /**
   * Prove the GLB with the Khronos validator (default). deriveWithinBudget turns it off for
   * its attempts and validates the one file it keeps: the validator reads every byte.
   */
  validate?: boolean;
  /** Told as each texture is encoded: how many are done of how many. */
  onTextureEncoded?: (done: number, total: number) => void;
}

export type { DerivedFile } from './derived-file.js';

/**
 * Makes one GLB derivative from the normalized source: cleaned, simplified to the
 * profile's triangle budget, textures resized and re-encoded, geometry compressed. The
 * source document is not touched, so every profile is derived from the full source.
 */
export async function deriveProfile(
  source: Document,
  profile: DeviceProfile,
  options: DeriveOptions = {},
): Promise<DerivedFile> {
  if (profile.container === 'usdz') return deriveUsdz(source, profile, options.name ?? 'artefact');
  const document = cloneDocument(source);
  // A profile whose readers need one kind (Scene Viewer: Draco) overrides the collection's choice.
  const compression = profile.geometry ?? options.compression ?? 'meshopt';
  dropOtherGeometryCompression(document, compression);
  await decodingImages(() =>
    document.transform(
      dedup(),
      pruneUnused(),
      weld(),
      fitTriangleBudget({ maxTriangles: profile.maxTriangles }),
      ...(profile.mergeAtlases ? [mergeAtlases({ maxSize: profile.maxTextureSize })] : []),
      encodeTextures({
        format: profile.textureFormat,
        maxSize: profile.maxTextureSize,
        // Lossless normal and occlusion maps cost several times their colour map: where a
        // profile has a byte budget, data textures go at half size and near-lossless.
        ...(profile.maxBytes ? { maxDataSize: Math.max(128, profile.maxTextureSize / 2), dataQuality: 60 } : {}),
        // checkImageSizes has already held every image's header to MAX_TEXTURE_PIXELS,
        // and sharp's own default limit would refuse a 16k scan texture.
        limitInputPixels: false,
        onEncoded: options.onTextureEncoded,
      }),
      pruneUnused(),
      compression === 'draco'
        ? draco({ method: 'edgebreaker' })
        : // 'high' adds meshopt's filters (octahedral 8-bit normals and the like): about a quarter
          // smaller than 'medium' in bench:pipeline, decoded by three's MeshoptDecoder as is.
          meshopt({ encoder: MeshoptEncoder, level: 'high' }),
    ),
  );
  const bytes = await writeGlb(document, `${profile.name}.glb`, options.validate ?? true);
  return describeDerivedFile(document, bytes, profile, 'glb');
}

/**
 * A source that arrived Draco- or meshopt-compressed still has that extension registered,
 * and gltf-transform would apply it again on write, on top of ours. Keep only the one
 * asked for.
 */
function dropOtherGeometryCompression(document: Document, keep: GeometryCompression): void {
  const other = keep === 'draco' ? 'EXT_meshopt_compression' : 'KHR_draco_mesh_compression';
  for (const extension of document.getRoot().listExtensionsUsed()) {
    if (extension.extensionName === other) extension.dispose();
  }
}

/**
 * Textures are first decoded when they are resized; an image whose header was fine but
 * whose data is cut short or corrupt fails there, inside sharp. Say so in the curator's
 * words instead of reporting an internal error.
 */
async function decodingImages<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/vips|jpeg|png|webp|image|Input buffer/i.test(message)) {
      throw new ScanError(
        `a texture of the scan could not be decoded (${message.split('\n')[0]}); open and save its images again as JPEG or PNG`,
        'corrupt',
        { cause: error },
      );
    }
    throw error;
  }
}
