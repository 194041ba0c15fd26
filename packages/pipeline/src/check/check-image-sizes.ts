import type { Document, Texture } from '@gltf-transform/core';
import { ScanError } from '../errors.js';

/**
 * The largest texture we decode: 16384² (a 16k photogrammetry texture, ~1 GiB as RGBA).
 * Anything larger would exhaust a curator's laptop before it could be resized.
 */
export const MAX_TEXTURE_SIDE = 16_384;
export const MAX_TEXTURE_PIXELS = MAX_TEXTURE_SIDE * MAX_TEXTURE_SIDE;

/**
 * Reads each texture's dimensions from its header alone (no pixel is decoded) and refuses
 * an image too large to decode safely, or one whose header cannot be read at all. Runs
 * before any step that decodes images, so a header claiming 100000×100000 pixels costs
 * microseconds, not gigabytes.
 */
export function checkImageSizes(document: Document, file: string): void {
  for (const texture of document.getRoot().listTextures()) {
    const name = texture.getURI() || texture.getName() || 'an embedded image';
    if (!texture.getImage()) continue;
    const size = headerSize(texture);
    if (!size) {
      throw new ScanError(
        `${file}: the texture ${name} is not an image vitrine can read (${texture.getMimeType() || 'unknown type'}); save it as JPEG or PNG`,
        'corrupt',
      );
    }
    const [width, height] = size;
    if (width > MAX_TEXTURE_SIDE || height > MAX_TEXTURE_SIDE || width * height > MAX_TEXTURE_PIXELS) {
      throw new ScanError(
        `${file}: the texture ${name} is ${width}×${height} pixels, more than the ${MAX_TEXTURE_SIDE}×${MAX_TEXTURE_SIDE} vitrine accepts; resize it and export again`,
        'too-large',
      );
    }
  }
}

/** gltf-transform's header readers throw on some malformed headers instead of returning null. */
function headerSize(texture: Texture): [number, number] | null {
  try {
    return texture.getSize();
  } catch {
    return null;
  }
}
