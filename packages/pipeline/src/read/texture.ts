import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document, Texture } from '@gltf-transform/core';
import sharp from 'sharp';
import type { Warn } from './reader.js';
import { resolveInsideFolder } from './safe-path.js';

/** Loads the texture `reference` names, as written inside `referencedFrom`; undefined when it cannot. */
export type TextureLoader = (reference: string, referencedFrom: string) => Promise<Texture | undefined>;

/** sharp's default guard (~268 megapixels) would refuse a 16k scan texture; 32k² is still refused. */
const MAX_TEXTURE_PIXELS = 16384 * 16384;

/**
 * Loads the textures a scan refers to (an MTL's map_Kd, a PLY's TextureFile) into the
 * document, once per file, only from inside the referring file's folder. A missing or
 * unreadable texture is a warning, not a failure: the mesh is still worth showing.
 */
export function createTextureLoader(document: Document, warn: Warn): TextureLoader {
  const loaded = new Map<string, Promise<Texture | undefined>>();
  return async (reference, referencedFrom) => {
    const file = await locateTexture(reference, referencedFrom, warn);
    if (!file) return undefined;
    let texture = loaded.get(file);
    if (!texture) {
      texture = loadTexture(document, file, referencedFrom, warn);
      loaded.set(file, texture);
    }
    return texture;
  };
}

/** The image's channel count, read from its header: 1 or 2 means greyscale. */
export async function channelCount(texture: Texture): Promise<number> {
  const image = texture.getImage();
  if (!image) return 0;
  const { channels } = await sharp(image, { limitInputPixels: MAX_TEXTURE_PIXELS }).metadata();
  return channels ?? 0;
}

async function locateTexture(reference: string, referencedFrom: string, warn: Warn): Promise<string | undefined> {
  const folder = path.dirname(referencedFrom);
  const from = path.basename(referencedFrom);
  let file: string;
  try {
    file = await resolveInsideFolder(folder, reference, referencedFrom);
  } catch (error) {
    // Some exporters write where the texture was on the maker's computer; the file of that
    // name beside the scan is what they meant. Anything else unsafe stays refused.
    if (!path.isAbsolute(reference) && !path.win32.isAbsolute(reference)) throw error;
    const besideScan = path.win32.basename(reference);
    file = await resolveInsideFolder(folder, besideScan, referencedFrom);
    if (await isFile(file)) {
      warn(`${from} refers to the texture by the absolute path "${reference}"; used ${besideScan} from its folder`);
    }
  }
  if (await isFile(file)) return file;
  warn(
    `${from} refers to the texture "${reference}", which is missing; the scan was read without it (put the texture beside ${from} to include it)`,
  );
  return undefined;
}

async function loadTexture(
  document: Document,
  file: string,
  referencedFrom: string,
  warn: Warn,
): Promise<Texture | undefined> {
  const name = path.basename(file);
  const image = await asGltfImage(new Uint8Array(await readFile(file))).catch(() => undefined);
  if (!image) {
    warn(
      `${path.basename(referencedFrom)}: the texture ${name} is not an image vitrine can read; the scan was read without it (save the texture as JPEG or PNG)`,
    );
    return undefined;
  }
  return document.createTexture(name).setImage(image.bytes).setMimeType(image.mimeType);
}

/** glTF carries JPEG and PNG as they are; other images (TIFF, WebP, ...) are converted to PNG. */
async function asGltfImage(bytes: Uint8Array): Promise<{ bytes: Uint8Array; mimeType: string }> {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { bytes, mimeType: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { bytes, mimeType: 'image/png' };
  const png = await sharp(bytes, { limitInputPixels: MAX_TEXTURE_PIXELS }).png().toBuffer();
  return { bytes: new Uint8Array(png), mimeType: 'image/png' };
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
