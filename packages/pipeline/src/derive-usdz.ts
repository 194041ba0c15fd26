import type { Document } from '@gltf-transform/core';
import { cloneDocument, dedup, weld } from '@gltf-transform/functions';
import type { DeviceProfile } from '@vitrine/core';
import sharp from 'sharp';
import { describeDerivedFile, type DerivedFile } from './derived-file.js';
import { fitTriangleBudget } from './transforms/fit-triangle-budget.js';
import { mergeAtlases } from './transforms/merge-atlases.js';
import { writeUsdz } from './write/usdz.js';
import { pruneUnused } from './transforms/prune-unused.js';

/**
 * The USDZ derivative for iOS AR Quick Look: simplified to the profile's budget, textures
 * no larger than it allows, written by writeUsdz. Textures already within the size are
 * left byte for byte (a scan's JPEG should not lose a second generation); larger ones
 * are resized in their own format.
 */
export async function deriveUsdz(source: Document, profile: DeviceProfile, name: string): Promise<DerivedFile> {
  const document = cloneDocument(source);
  await document.transform(
    dedup(),
    pruneUnused(),
    weld(),
    fitTriangleBudget({ maxTriangles: profile.maxTriangles }),
    ...(profile.mergeAtlases ? [mergeAtlases({ maxSize: profile.maxTextureSize })] : []),
  );
  await shrinkTexturesLargerThan(document, profile.maxTextureSize);
  const bytes = await writeUsdz(document, { name });
  return describeDerivedFile(document, bytes, profile, 'usdz');
}

async function shrinkTexturesLargerThan(document: Document, maxSize: number): Promise<void> {
  for (const texture of document.getRoot().listTextures()) {
    const image = texture.getImage();
    const [width, height] = texture.getSize() ?? [0, 0];
    if (!image || Math.max(width, height) <= maxSize) continue;
    const resized = sharp(image, { limitInputPixels: false }).resize(maxSize, maxSize, { fit: 'inside' });
    const png = texture.getMimeType() === 'image/png';
    const encoded = await (png ? resized.png() : resized.jpeg({ quality: 90 })).toBuffer();
    texture.setImage(new Uint8Array(encoded)).setMimeType(png ? 'image/png' : 'image/jpeg');
  }
}
