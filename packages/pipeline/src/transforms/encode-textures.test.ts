import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Document, Texture } from '@gltf-transform/core';
import { KHRTextureTransform, type Transform as TextureTransform } from '@gltf-transform/extensions';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { validateGlb } from '../check/validate.js';
import { getIO } from '../io.js';
import { makeBoxDocument } from '../testing/fixtures.js';
import { readKtx2Header } from './encode-ktx2.js';
import { encodeTextures, targetSize } from './encode-textures.js';

/** A noisy colour photo-like image, and a normal map of bumps, as PNGs. */
async function makeImages(): Promise<{ color: Uint8Array; normal: Uint8Array }> {
  const rgb = (width: number, height: number, pixel: (x: number, y: number) => number[]) => {
    const data = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
    return sharp(data, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer();
  };
  const color = await rgb(512, 384, (x, y) => [(x * 7) % 256, (y * 3) % 256, ((x ^ y) * 5) % 256]);
  const normal = await rgb(512, 512, (x, y) => {
    const [nx, ny] = [0.5 * Math.sin(x / 9), 0.5 * Math.cos(y / 7)];
    const nz = Math.sqrt(1 - nx * nx - ny * ny);
    return [nx, ny, nz].map((n) => Math.round((n * 0.5 + 0.5) * 255));
  });
  return { color: new Uint8Array(color), normal: new Uint8Array(normal) };
}

/**
 * A box whose material has a base colour (with a KHR_texture_transform), a normal map and an
 * occlusion map; a second material uses the colour image as occlusion too, which makes it data.
 */
async function makeTexturedDocument(options: { sharedColor?: boolean } = {}) {
  const { document } = makeBoxDocument({ segments: 2 });
  const { color, normal } = await makeImages();
  const colorTexture = document.createTexture('color').setImage(color).setMimeType('image/png').setURI('color.png');
  const normalTexture = document.createTexture('normal').setImage(normal).setMimeType('image/png');
  const material = document.getRoot().listMaterials()[0]!;
  material.setBaseColorTexture(colorTexture).setNormalTexture(normalTexture);
  const transform = document.createExtension(KHRTextureTransform).createTransform().setScale([2, 2]);
  material.getBaseColorTextureInfo()!.setExtension('KHR_texture_transform', transform);
  if (options.sharedColor) {
    const other = document.createMaterial('other').setOcclusionTexture(colorTexture);
    const mesh = document.getRoot().listMeshes()[0]!;
    mesh.addPrimitive(mesh.listPrimitives()[0]!.clone().setMaterial(other));
  }
  return { document, color, normal, colorTexture, normalTexture };
}

/** 'lossy' for a VP8 bitstream (always 4:2:0), 'lossless' for VP8L. */
function webpKind(bytes: Uint8Array): 'lossy' | 'lossless' | undefined {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (!text.startsWith('RIFF') || text.slice(8, 12) !== 'WEBP') return undefined;
  if (text.includes('VP8L')) return 'lossless';
  return text.includes('VP8 ') ? 'lossy' : undefined;
}

async function size(texture: Texture): Promise<[number, number]> {
  const { width = 0, height = 0 } = await sharp(texture.getImage()!).metadata();
  return [width, height];
}

/** The parts of three's Basis transcoder (what the viewer's KTX2Loader runs) that a test needs. */
interface BasisTranscoder {
  initializeBasis(): void;
  KTX2File: new (bytes: Uint8Array) => {
    isValid(): number;
    startTranscoding(): number;
    getImageTranscodedSizeInBytes(level: number, layer: number, face: number, format: number): number;
    transcodeImage(...args: [Uint8Array, number, number, number, number, number, number, number]): number;
    close(): void;
    delete(): void;
  };
}

/**
 * Decodes a KTX2 file's base level to RGBA as the viewer would, with three's transcoder. The
 * script is evaluated from its text, as three's KTX2Loader does in its workers: it is a classic
 * script inside a package that Node reads as ES modules.
 */
async function transcodeKtx2(bytes: Uint8Array): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const script = require.resolve('three/examples/jsm/libs/basis/basis_transcoder.js');
  const source = await readFile(script, 'utf8');
  const load = new Function('require', '__dirname', `${source}; return BASIS;`)(
    require,
    path.dirname(script),
  ) as (options: { wasmBinary: Uint8Array }) => Promise<BasisTranscoder>;
  const basis = await load({ wasmBinary: await readFile(path.join(path.dirname(script), 'basis_transcoder.wasm')) });
  basis.initializeBasis();
  const file = new basis.KTX2File(bytes);
  const RGBA32 = 13;
  try {
    expect(file.isValid() && file.startTranscoding()).toBeTruthy();
    const rgba = new Uint8Array(file.getImageTranscodedSizeInBytes(0, 0, 0, RGBA32));
    expect(file.transcodeImage(rgba, 0, 0, 0, RGBA32, 0, -1, -1)).toBeTruthy();
    return rgba;
  } finally {
    file.close();
    file.delete();
  }
}

/** Mean angle in degrees between the normals two RGBA (or RGB) rasters encode. */
function meanNormalAngle(a: Uint8Array, aChannels: number, b: Uint8Array, bChannels: number): number {
  let sum = 0;
  const count = a.length / aChannels;
  for (let i = 0; i < count; i++) {
    const u = [0, 1, 2].map((c) => a[i * aChannels + c]! / 127.5 - 1);
    const v = [0, 1, 2].map((c) => b[i * bChannels + c]! / 127.5 - 1);
    const cos = (u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!) / Math.hypot(...u) / Math.hypot(...v);
    sum += (Math.acos(Math.min(1, cos)) * 180) / Math.PI;
  }
  return sum / count;
}

async function writeAndValidate(document: Document): Promise<Document> {
  const io = await getIO();
  const glb = await io.writeBinary(document);
  const { errors } = await validateGlb(glb, 'textured.glb');
  expect(errors).toEqual([]);
  return io.readBinary(glb);
}

describe('encodeTextures', () => {
  it('encodes colour as lossy WebP and normal maps as lossless WebP, resized', async () => {
    const { document, normal, colorTexture, normalTexture } = await makeTexturedDocument();
    const progress: [number, number][] = [];
    await document.transform(
      encodeTextures({ format: 'webp', maxSize: 256, onEncoded: (done, total) => progress.push([done, total]) }),
    );
    // One report a texture encoded, for a display that shows the work is alive.
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);

    expect(colorTexture.getMimeType()).toBe('image/webp');
    expect(colorTexture.getURI()).toBe('color.webp');
    expect(webpKind(colorTexture.getImage()!)).toBe('lossy');
    expect(await size(colorTexture)).toEqual([256, 192]);

    expect(webpKind(normalTexture.getImage()!)).toBe('lossless');
    expect(await size(normalTexture)).toEqual([256, 256]);
    const expected = await sharp(normal).resize(256, 256, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
    const actual = await sharp(normalTexture.getImage()!).removeAlpha().raw().toBuffer();
    expect(actual.length).toBe(expected.length);
    const worst = actual.reduce((most, value, i) => Math.max(most, Math.abs(value - expected[i]!)), 0);
    expect(worst).toBeLessThanOrEqual(1);

    const webp = document
      .getRoot()
      .listExtensionsUsed()
      .find((e) => e.extensionName === 'EXT_texture_webp');
    expect(webp?.isRequired()).toBe(true);
    const read = await writeAndValidate(document);
    const info = read.getRoot().listMaterials()[0]!.getBaseColorTextureInfo()!;
    expect(info.getExtension<TextureTransform>('KHR_texture_transform')?.getScale()).toEqual([2, 2]);
  });

  it('encodes colour as ETC1S and data as UASTC in KTX2, powers of two, basisu required', async () => {
    const { document, normal, colorTexture, normalTexture } = await makeTexturedDocument();
    await document.transform(encodeTextures({ format: 'ktx2', maxSize: 256 }));

    expect(colorTexture.getMimeType()).toBe('image/ktx2');
    expect(readKtx2Header(colorTexture.getImage()!)).toEqual({
      width: 256, // 512 × 384 fits as 256 × 192, then down to powers of two
      height: 128,
      levels: 9, // a full mip chain down to 1 × 1
      supercompressionScheme: 1, // BasisLZ: ETC1S
      colorModel: 163, // KHR_DF_MODEL_ETC1S
      colorPrimaries: 1, // BT.709
      transferFunction: 2, // sRGB
    });
    expect(readKtx2Header(normalTexture.getImage()!)).toEqual({
      width: 256,
      height: 256,
      levels: 9,
      supercompressionScheme: 2, // Zstandard
      colorModel: 166, // KHR_DF_MODEL_UASTC
      colorPrimaries: 0, // unspecified: data
      transferFunction: 1, // linear
    });
    const basisu = document
      .getRoot()
      .listExtensionsUsed()
      .find((e) => e.extensionName === 'KHR_texture_basisu');
    expect(basisu?.isRequired()).toBe(true);
    const read = await writeAndValidate(document);
    expect(
      read
        .getRoot()
        .listTextures()
        .map((texture) => texture.getMimeType()),
    ).toEqual(['image/ktx2', 'image/ktx2']);

    // What the viewer decodes: normals within a degree of the resized source on average.
    const expected = await sharp(normal).resize(256, 256, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
    const decoded = await transcodeKtx2(normalTexture.getImage()!);
    expect(meanNormalAngle(decoded, 4, expected, 3)).toBeLessThan(1);
    expect((await transcodeKtx2(colorTexture.getImage()!)).length).toBe(256 * 128 * 4);
  });

  it('treats a texture used as colour and as data as data', async () => {
    const { document, colorTexture } = await makeTexturedDocument({ sharedColor: true });
    await document.transform(encodeTextures({ format: 'webp', maxSize: 128 }));
    expect(webpKind(colorTexture.getImage()!)).toBe('lossless');
  });

  it('can store data near-losslessly and smaller than colour, never chroma-subsampled', async () => {
    const { document, normal, colorTexture, normalTexture } = await makeTexturedDocument();
    await document.transform(encodeTextures({ format: 'webp', maxSize: 256, maxDataSize: 128, dataQuality: 60 }));
    expect(await size(colorTexture)).toEqual([256, 192]);
    expect(await size(normalTexture)).toEqual([128, 128]);
    expect(webpKind(normalTexture.getImage()!)).toBe('lossless');
    const expected = await sharp(normal).resize(128, 128, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
    const actual = await sharp(normalTexture.getImage()!).removeAlpha().raw().toBuffer();
    const worst = actual.reduce((most, value, i) => Math.max(most, Math.abs(value - expected[i]!)), 0);
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('keeps data out of JPEG', async () => {
    const { document, colorTexture, normalTexture } = await makeTexturedDocument();
    await document.transform(encodeTextures({ format: 'jpeg', maxSize: 128 }));
    expect(colorTexture.getMimeType()).toBe('image/jpeg');
    expect(normalTexture.getMimeType()).toBe('image/png');
    expect(await size(normalTexture)).toEqual([128, 128]);
    await writeAndValidate(document);
  });

  it('never upscales, except to the 4 × 4 that KTX2 needs', async () => {
    const { document, colorTexture } = await makeTexturedDocument();
    await document.transform(encodeTextures({ format: 'png', maxSize: 4096 }));
    expect(await size(colorTexture)).toEqual([512, 384]);
    expect(targetSize(3000, 1000, 2048, false)).toEqual([2048, 682]);
    expect(targetSize(3000, 1000, 2048, true)).toEqual([2048, 512]);
    expect(targetSize(2, 1, 2048, true)).toEqual([4, 4]);
  });
});
