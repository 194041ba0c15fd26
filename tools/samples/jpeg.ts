import sharp from 'sharp';

/** Encodes an RGB image (3 bytes a texel) as a baseline JPEG, as scan tools export textures. */
export async function encodeJpeg(rgb: Uint8Array, size: number, quality = 88): Promise<Uint8Array> {
  const buffer = await sharp(rgb, { raw: { width: size, height: size, channels: 3 } })
    .jpeg({ quality, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
