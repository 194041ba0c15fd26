import sharp from 'sharp';
import { ssim } from 'ssim.js';

/** Decoded pixels, four bytes (RGBA) a pixel, rows top to bottom. */
export interface RgbaImage {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** A pixel counts as background when every channel is within this of the background colour. */
const BACKGROUND_TOLERANCE = 8;
/**
 * Pixels of background kept around the object, so its silhouette edge is compared too; at
 * least SSIM's 11-pixel window, so that even a tiny object leaves a crop that can be scored.
 */
const CROP_MARGIN = 12;

export async function decodePng(png: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), ...info };
}

/**
 * Structural similarity (SSIM, Wang et al. 2004; ssim.js's default "weber" variant on
 * luminance, no downsampling) of two renders of the same view, over the smallest rectangle
 * that holds the object in either image. On a white background most of a 512² frame is
 * empty and identical, which would pull every score towards 1 and hide differences on the
 * object; cropping to the object keeps the score about the object. 1 means identical.
 */
export function renderSimilarity(a: RgbaImage, b: RgbaImage, background: readonly number[] = [255, 255, 255]): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('renders to compare differ in size');
  const box = unionOfForeground([a, b], background);
  // Both empty: nothing drawn in either render, which is the same picture.
  if (!box) return 1;
  return ssim(crop(a, box), crop(b, box), { downsample: false }).mssim;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function unionOfForeground(images: readonly RgbaImage[], background: readonly number[]): Box | undefined {
  const { width, height } = images[0]!;
  let box: Box | undefined;
  for (const image of images) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!isForeground(image.data, (y * width + x) * 4, background)) continue;
        box ??= { left: x, top: y, right: x, bottom: y };
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x);
        box.top = Math.min(box.top, y);
        box.bottom = Math.max(box.bottom, y);
      }
    }
  }
  if (!box) return undefined;
  return {
    left: Math.max(0, box.left - CROP_MARGIN),
    top: Math.max(0, box.top - CROP_MARGIN),
    right: Math.min(width - 1, box.right + CROP_MARGIN),
    bottom: Math.min(height - 1, box.bottom + CROP_MARGIN),
  };
}

function isForeground(data: Uint8ClampedArray, i: number, background: readonly number[]): boolean {
  return (
    Math.abs(data[i]! - background[0]!) > BACKGROUND_TOLERANCE ||
    Math.abs(data[i + 1]! - background[1]!) > BACKGROUND_TOLERANCE ||
    Math.abs(data[i + 2]! - background[2]!) > BACKGROUND_TOLERANCE
  );
}

function crop(image: RgbaImage, box: Box): RgbaImage {
  const width = box.right - box.left + 1;
  const height = box.bottom - box.top + 1;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((box.top + y) * image.width + box.left) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height };
}
