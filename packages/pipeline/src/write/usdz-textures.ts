import { ImageUtils, type Texture } from '@gltf-transform/core';
import sharp from 'sharp';
import type { UsdzFile } from './usdz-zip.js';

/**
 * What a texture is used for decides how it may be encoded: colour may go lossy (JPEG),
 * colour whose alpha is read (BLEND/MASK) needs PNG, and data (normal, occlusion,
 * metallic-roughness) is never re-encoded lossily: JPEG's chroma subsampling and
 * colour-tuned quantization bend normals and mix packed channels.
 */
export type TextureUse = 'color' | 'color-alpha' | 'data';

/** AR Quick Look's published budget is one set of 2048² textures; larger ones may not load. */
export const USDZ_MAX_TEXTURE_SIZE = 2048;
const JPEG_QUALITY = 90;

/**
 * The package's texture files, one per texture and encoding, named by first use. Quick
 * Look reads only PNG and JPEG, so WebP/AVIF go through sharp; PNG and JPEG that fit the
 * size budget are kept byte for byte (no generation loss, no time spent). A JPEG normal
 * map stays JPEG: its loss already happened, and PNG of it would be 3-4× larger for
 * nothing.
 */
export class UsdzTextures {
  private readonly files = new Map<string, Promise<UsdzFile>>();
  private readonly keys = new Map<Texture, Map<string, string>>();

  /** The package path of `texture` encoded for `use`, encoding it on first request. */
  async add(texture: Texture, use: TextureUse, role: string): Promise<string> {
    const encoding = chooseEncoding(texture, use);
    const byEncoding = this.keys.get(texture) ?? new Map<string, string>();
    this.keys.set(texture, byEncoding);
    let path = byEncoding.get(encoding.key);
    if (path === undefined) {
      path = `textures/${role}_${this.files.size}.${encoding.extension}`;
      byEncoding.set(encoding.key, path);
      this.files.set(path, encodeTexture(texture, encoding, path));
    }
    return (await this.files.get(path)!).path;
  }

  /** Every file requested so far, in request order. */
  async list(): Promise<UsdzFile[]> {
    return Promise.all(this.files.values());
  }
}

interface Encoding {
  key: string;
  extension: 'png' | 'jpg';
  /** Keep the bytes as they are. */
  passThrough: boolean;
  resize: boolean;
  dropAlpha: boolean;
}

function chooseEncoding(texture: Texture, use: TextureUse): Encoding {
  const image = texture.getImage();
  if (!image) throw new Error(`texture "${texture.getName()}" has no image data to put in the usdz`);
  // The bytes, not the declared mimeType, say what a reader will meet.
  const format = ImageUtils.getMimeType(image) ?? texture.getMimeType();
  const size = format === 'image/png' || format === 'image/jpeg' ? ImageUtils.getSize(image, format) : null;
  const fits = size !== null && Math.max(size[0], size[1]) <= USDZ_MAX_TEXTURE_SIZE;
  const resize = size === null || !fits;
  if (format === 'image/ktx2') {
    throw new Error(
      `texture "${texture.getName()}" is KTX2, which we cannot decode for the usdz; pass JPEG, PNG or WebP`,
    );
  }
  if (fits && format === 'image/jpeg')
    return { key: 'jpg', extension: 'jpg', passThrough: true, resize, dropAlpha: false };
  // An opaque colour PNG goes to JPEG: a phone downloads the package before showing anything.
  if (fits && format === 'image/png' && use !== 'color') {
    return { key: 'png', extension: 'png', passThrough: true, resize, dropAlpha: false };
  }
  if (use === 'color') return { key: 'jpg', extension: 'jpg', passThrough: false, resize, dropAlpha: true };
  return { key: 'png', extension: 'png', passThrough: false, resize, dropAlpha: false };
}

async function encodeTexture(texture: Texture, encoding: Encoding, path: string): Promise<UsdzFile> {
  const image = texture.getImage()!;
  if (encoding.passThrough) return { path, bytes: image };
  try {
    let pipeline = sharp(image, { limitInputPixels: false });
    if (encoding.resize) {
      pipeline = pipeline.resize(USDZ_MAX_TEXTURE_SIZE, USDZ_MAX_TEXTURE_SIZE, {
        fit: 'inside',
        withoutEnlargement: true,
      });
    }
    // An opaque material never reads alpha, and JPEG cannot hold it: drop it, don't blend it.
    if (encoding.dropAlpha) pipeline = pipeline.removeAlpha();
    const output = encoding.extension === 'jpg' ? pipeline.jpeg({ quality: JPEG_QUALITY }) : pipeline.png();
    return { path, bytes: new Uint8Array(await output.toBuffer()) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`texture "${texture.getName()}" could not be re-encoded for the usdz: ${message}`, {
      cause: error,
    });
  }
}
