import type { Document, Transform } from '@gltf-transform/core';
import { createTransform } from '@gltf-transform/functions';
import sharp from 'sharp';
import { MAX_TEXTURE_PIXELS } from '../check/check-image-sizes.js';
import { ScanError } from '../errors.js';
import { TRANSCODE_RGBA32, loadBasisTranscoder } from '../read/basis-transcoder.js';

const NAME = 'decodeKtx2Textures';

/**
 * Turns KTX2 (Basis Universal) textures back into PNG pixels, so that a scan published
 * with KTX2 can be resized and re-encoded per profile like any other. PNG, being
 * lossless, adds no loss to what Basis already took. The size in the KTX2 header is
 * checked before anything is transcoded.
 */
export function decodeKtx2Textures(): Transform {
  return createTransform(NAME, async (document: Document) => {
    const textures = document
      .getRoot()
      .listTextures()
      .filter((texture) => texture.getMimeType() === 'image/ktx2');
    if (textures.length === 0) return;
    const basis = await loadBasisTranscoder();
    for (const texture of textures) {
      const name = texture.getURI() || texture.getName() || 'a KTX2 texture';
      const file = new basis.KTX2File(texture.getImage()!);
      try {
        const width = file.getWidth();
        const height = file.getHeight();
        if (!file.isValid() || width * height === 0) {
          throw new ScanError(
            `${name} is not a readable KTX2 texture; export the scan with JPEG or PNG textures`,
            'corrupt',
          );
        }
        if (width * height > MAX_TEXTURE_PIXELS) {
          throw new ScanError(
            `${name} is ${width}×${height} pixels, more than vitrine accepts; export smaller textures`,
            'too-large',
          );
        }
        const pixels = new Uint8Array(file.getImageTranscodedSizeInBytes(0, 0, 0, TRANSCODE_RGBA32));
        if (!file.startTranscoding() || !file.transcodeImage(pixels, 0, 0, 0, TRANSCODE_RGBA32, 0, -1, -1)) {
          throw new ScanError(`${name} could not be decoded; export the scan with JPEG or PNG textures`, 'corrupt');
        }
        const png = await sharp(pixels, { raw: { width, height, channels: 4 } })
          .png()
          .toBuffer();
        texture.setImage(new Uint8Array(png)).setMimeType('image/png');
        if (texture.getURI()) texture.setURI(texture.getURI().replace(/\.ktx2$/i, '.png'));
      } finally {
        file.close();
        file.delete();
      }
    }
    // Nothing needs Basis any more; leaving the extension would mark PNGs as KTX2.
    for (const extension of document.getRoot().listExtensionsUsed()) {
      if (extension.extensionName === 'KHR_texture_basisu') extension.dispose();
    }
  });
}
