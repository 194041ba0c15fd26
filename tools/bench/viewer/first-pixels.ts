import sharp from 'sharp';
import { coveredFraction } from '../../../tests/browser/browser.js';
import type { ScreencastFrame } from './screencast.js';

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

type Rgb = readonly [number, number, number];

/** Summed RGB difference above which a pixel is not the stage (JPEG noise stays well below). */
const STAGE_DISTANCE = 30;
/** Share of an empty stage allowed to differ from its colour (JPEG noise, a shadow's edge). */
export const STAGE_NOISE = 0.05;
/** Share of the viewer's centre the artefact must cover, once shown, for the run to end. */
export const SHOWN_COVERAGE = 0.1;
/** Share of the artefact's final pixels in the centre a frame must already show to count as its first. */
export const FIRST_FRAME_MATCH = 0.5;

/**
 * Whether a frame shows the stage with something on it: the centre of the viewer differs
 * from the stage colour while the middle of its left edge is that colour. The second test
 * keeps out frames from before the stage is painted, when the whole region is still the
 * page's background. Used after the page's own signal, when loading overlays are gone.
 */
export async function showsArtefact(frame: ScreencastFrame, region: Region, stage: Rgb): Promise<boolean> {
  if (!(await stageVisible(frame, region, stage))) return false;
  return (await coveredFraction(frame.jpeg, region, [...stage])) > SHOWN_COVERAGE;
}

/**
 * The first frame, in swap order, that shows the artefact as the final frame does: at
 * least half of the final frame's artefact pixels in the centre of the viewer are already
 * drawn. Matching the final silhouette rather than counting changed pixels keeps a loading
 * message over the centre from counting, and lets a lighter derivative (the same shape)
 * count as the artefact's first appearance, as it does for a visitor.
 */
export async function firstArtefactFrame(
  frames: readonly ScreencastFrame[],
  final: ScreencastFrame,
  region: Region,
  stage: Rgb,
): Promise<ScreencastFrame | undefined> {
  const artefact = notStage(await centrePixels(final, region), stage);
  const ordered = [...frames].sort((a, b) => a.epochMs - b.epochMs);
  for (const frame of ordered) {
    if (!(await stageVisible(frame, region, stage))) continue;
    const drawn = notStage(await centrePixels(frame, region), stage);
    let shared = 0;
    let total = 0;
    for (let i = 0; i < artefact.length; i++) {
      if (!artefact[i]) continue;
      total++;
      if (drawn[i]) shared++;
    }
    if (total > 0 && shared / total >= FIRST_FRAME_MATCH) return frame;
  }
  return undefined;
}

function stageVisible(frame: ScreencastFrame, region: Region, stage: Rgb): Promise<boolean> {
  const leftEdge = { x: region.x, y: region.y + region.height / 3, width: region.width / 6, height: region.height / 3 };
  return coveredFraction(frame.jpeg, leftEdge, [...stage]).then((share) => share <= STAGE_NOISE);
}

/** The middle 30 % each way of the region, as RGB bytes: where coveredFraction looks too. */
async function centrePixels(frame: ScreencastFrame, region: Region): Promise<Buffer> {
  const centre = {
    left: Math.round(region.x + region.width * 0.35),
    top: Math.round(region.y + region.height * 0.35),
    width: Math.round(region.width * 0.3),
    height: Math.round(region.height * 0.3),
  };
  return sharp(frame.jpeg).extract(centre).removeAlpha().raw().toBuffer();
}

function notStage(rgb: Buffer, stage: Rgb): Uint8Array {
  const mask = new Uint8Array(rgb.length / 3);
  for (let i = 0; i < mask.length; i++) {
    const distance =
      Math.abs(rgb[i * 3]! - stage[0]) + Math.abs(rgb[i * 3 + 1]! - stage[1]) + Math.abs(rgb[i * 3 + 2]! - stage[2]);
    mask[i] = distance > STAGE_DISTANCE ? 1 : 0;
  }
  return mask;
}
