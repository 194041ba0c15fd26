import {
  ImageUtils,
  PropertyType,
  TextureChannel,
  type Document,
  type Extension,
  type Texture,
  type Transform,
} from '@gltf-transform/core';
import { EXTTextureAVIF, EXTTextureWebP, KHRTextureBasisu } from '@gltf-transform/extensions';
import { createTransform, getTextureChannelMask } from '@gltf-transform/functions';
import sharp, { type Sharp } from 'sharp';
import { encodeKtx2 } from './encode-ktx2.js';

const NAME = 'encodeTextures';

export type TextureFormat = 'webp' | 'ktx2' | 'jpeg' | 'png';

export interface EncodeTexturesOptions {
  /** Format of the derivative's textures (colour textures; data may be stored losslessly, see below). */
  format: TextureFormat;
  /** Longest side in pixels. Textures are scaled down to fit, never up. */
  maxSize: number;
  /**
   * Longest side of data textures, when smaller than `maxSize`. Lossless data costs bytes: a
   * scan's 2048² normal map (USNM 1145291's, a 1.2 MB JPEG) is 6.2 MB as lossless WebP.
   */
  maxDataSize?: number;
  /**
   * Quality of lossy colour textures, 1–100: WebP's and JPEG's quality; for KTX2, scaled to ETC1S's
   * 1–255 quality level. Data textures ignore it: they are lossless (WebP, PNG) or UASTC (KTX2).
   */
  quality?: number;
  /**
   * WebP data textures: 100 stores them losslessly; lower applies libwebp's near-lossless
   * preprocessing at that level (60 moves values by at most 2 of 255, and took the normal map
   * above to 3.8 MB), still lossless VP8L underneath, never chroma-subsampled.
   */
  dataQuality?: number;
  /** sharp's guard against decompression bombs; turn off only after checking image headers. */
  limitInputPixels?: boolean;
  /** Told after each texture: how many are done of how many, for a progress display. */
  onEncoded?: (done: number, total: number) => void;
}

export const ENCODE_TEXTURES_DEFAULTS = Object.freeze({
  /** By format: sharp's default for WebP and JPEG; 50 gives ETC1S level 128, Basis's default. */
  quality: Object.freeze({ webp: 80, jpeg: 80, png: 100, ktx2: 50 } satisfies Record<TextureFormat, number>),
  dataQuality: 100,
  limitInputPixels: true,
});

interface Encoding {
  format: TextureFormat;
  quality: number;
  dataQuality: number;
}

/** How a texture is stored: a colour seen by eye, or numbers a shader reads. */
type Role = 'color' | 'data';

/** What sharp can decode; KTX2 (already GPU-compressed) is left as it is. */
const DECODABLE = ['image/png', 'image/jpeg', 'image/webp', 'image/avif'];

/**
 * Resizes and re-encodes every texture for a device profile, by the material slots it fills.
 * Colour (base colour, emissive: sRGB) is encoded lossily: WebP or JPEG, or ETC1S in KTX2. Data
 * (normal, occlusion, metallic-roughness: linear numbers) stays data: lossless WebP (lossy WebP is
 * always 4:2:0 chroma-subsampled, which bends normals), PNG where JPEG was asked, or UASTC in
 * KTX2 with linear mipmaps (renormalized for normal maps). A texture filling both kinds of slot is
 * treated as data. KTX2 textures are scaled to powers of two and KHR_texture_basisu is required;
 * WebP requires EXT_texture_webp. Texture infos (KHR_texture_transform, texCoord) are untouched:
 * only images change.
 */
export function encodeTextures(options: EncodeTexturesOptions): Transform {
  const { format, maxSize, maxDataSize = maxSize } = options;
  const encoding: Encoding = {
    format,
    quality: options.quality ?? ENCODE_TEXTURES_DEFAULTS.quality[format],
    dataQuality: options.dataQuality ?? ENCODE_TEXTURES_DEFAULTS.dataQuality,
  };
  const limitInputPixels = options.limitInputPixels ?? ENCODE_TEXTURES_DEFAULTS.limitInputPixels;
  return createTransform(NAME, async (document: Document) => {
    const logger = document.getLogger();
    // One at a time: a scan's textures are few and large, and Basis runs on one thread anyway.
    const textures = document.getRoot().listTextures();
    for (const [index, texture] of textures.entries()) {
      if (index > 0) options.onEncoded?.(index, textures.length);
      const image = texture.getImage();
      if (!image || !DECODABLE.includes(texture.getMimeType())) {
        logger.warn(`${NAME}: ${label(texture)} (${texture.getMimeType()}) left as it is`);
        continue;
      }
      const role = roleOf(texture);
      // A data texture's numbers are not colours: an embedded ICC profile must not convert them.
      const source = sharp(image, { limitInputPixels, ignoreIcc: role === 'data' });
      const { width = 0, height = 0 } = await source.metadata();
      const limit = role === 'data' ? Math.min(maxSize, maxDataSize) : maxSize;
      const [w, h] = targetSize(width, height, limit, format === 'ktx2');
      const resized = w === width && h === height ? source : source.resize(w, h, { fit: 'fill', kernel: 'lanczos3' });
      // An alpha channel no material reads (opaque base colour, normal maps) is bytes for nothing.
      const alpha = (getTextureChannelMask(texture) & TextureChannel.A) !== 0;
      const encoded = await encode(alpha ? resized : resized.removeAlpha(), texture, { role, alpha, ...encoding });
      const extension = ImageUtils.mimeTypeToExtension(encoded.mimeType);
      texture
        .setImage(encoded.bytes)
        .setMimeType(encoded.mimeType)
        .setURI(texture.getURI() ? texture.getURI().replace(/\.[^./]+$/, `.${extension}`) : '');
      logger.debug(`${NAME}: ${label(texture)} ${role} ${width}×${height} → ${w}×${h} ${encoded.mimeType}`);
    }
    if (textures.length > 0) options.onEncoded?.(textures.length, textures.length);
    requireExtensionsFor(document);
  });
}

/** Data if any slot reads numbers: a colour read as data looks slightly off, data read as colour is wrong. */
function roleOf(texture: Texture): Role {
  const slots = texture
    .getGraph()
    .listParentEdges(texture)
    .filter((edge) => edge.getParent().propertyType !== PropertyType.ROOT);
  // gltf-transform marks colour slots with `isColor`; names as getTextureColorSpace reads them.
  const isColor = (edge: (typeof slots)[number]) =>
    edge.getAttributes()['isColor'] === true || /color|emissive|diffuse/i.test(edge.getName());
  return slots.length > 0 && slots.every(isColor) ? 'color' : 'data';
}

/**
 * Fits within maxSize × maxSize keeping the aspect ratio, never upscaling. For KTX2 each side is
 * then rounded down to a power of two (at least 4): KHR_texture_basisu requires multiples of 4 and
 * asks for a full mip chain, and recommends powers of two for the widest support: every mip level
 * down to 4×4 stays whole 4×4 blocks, PVRTC1 (older iPhones) can be transcoded to at all, WebGL1
 * can mipmap and repeat it. Rounding down keeps within the profile's memory budget, where rounding
 * up would add texels the source never had.
 */
export function targetSize(width: number, height: number, maxSize: number, powerOfTwo: boolean): [number, number] {
  const scale = Math.min(1, maxSize / Math.max(width, height));
  const fitted = [width, height].map((side) => Math.max(1, Math.floor(side * scale)));
  if (!powerOfTwo) return [fitted[0]!, fitted[1]!];
  const [w, h] = fitted.map((side) => Math.max(4, 2 ** Math.floor(Math.log2(side))));
  return [w!, h!];
}

async function encode(
  image: Sharp,
  texture: Texture,
  { role, alpha, format, quality, dataQuality }: Encoding & { role: Role; alpha: boolean },
): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const out = (bytes: Buffer, mimeType: string) => ({ bytes: new Uint8Array(bytes), mimeType });
  switch (format) {
    case 'webp':
      // Lossy WebP (VP8) always halves chroma resolution; lossless (VP8L) keeps every value.
      return out(
        await image
          .webp(
            role === 'color'
              ? { quality, effort: 4 }
              : dataQuality >= 100
                ? { lossless: true, effort: 4 }
                : { nearLossless: true, quality: dataQuality, effort: 4 },
          )
          .toBuffer(),
        'image/webp',
      );
    case 'jpeg':
      // JPEG has neither alpha nor a lossless mode: textures that need either are stored as PNG.
      if (role === 'data' || alpha) {
        return out(await image.png({ compressionLevel: 9 }).toBuffer(), 'image/png');
      }
      return out(await image.jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer(), 'image/jpeg');
    case 'png':
      return out(await image.png({ compressionLevel: 9 }).toBuffer(), 'image/png');
    case 'ktx2': {
      const { data, info } = await image
        .toColourspace('srgb') // grey or 16-bit sources become 8-bit RGB
        .ensureAlpha()
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const normalMap = role === 'data' && /normal/i.test(listSlots(texture).join(' '));
      const ktx2 = await encodeKtx2(
        { pixels, width: info.width, height: info.height },
        { kind: role, normalMap, etc1sQuality: Math.max(1, Math.round(quality * 2.55)) },
      );
      return { bytes: ktx2, mimeType: 'image/ktx2' };
    }
  }
}

/** Declares the extensions the new images need, required (no fallback image), and drops unused ones. */
function requireExtensionsFor(document: Document): void {
  const mimeTypes = new Set(
    document
      .getRoot()
      .listTextures()
      .map((texture) => texture.getMimeType()),
  );
  const requireIfUsed = (ExtensionClass: new (document: Document) => Extension, mimeType: string) => {
    if (mimeTypes.has(mimeType)) document.createExtension(ExtensionClass).setRequired(true);
    else
      document
        .getRoot()
        .listExtensionsUsed()
        .find((used) => used instanceof ExtensionClass)
        ?.dispose();
  };
  requireIfUsed(EXTTextureWebP, 'image/webp');
  requireIfUsed(EXTTextureAVIF, 'image/avif');
  requireIfUsed(KHRTextureBasisu, 'image/ktx2');
}

function listSlots(texture: Texture): string[] {
  return texture
    .getGraph()
    .listParentEdges(texture)
    .map((edge) => edge.getName());
}

function label(texture: Texture): string {
  return texture.getName() || texture.getURI() || 'a texture';
}
