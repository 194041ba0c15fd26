import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { firstArtefactFrame, showsArtefact } from './first-pixels.js';
import type { ScreencastFrame } from './screencast.js';

const STAGE: [number, number, number] = [0xeb, 0xe7, 0xe0];
const REGION = { x: 0, y: 0, width: 300, height: 200 };

/** A 300×200 frame of one colour with, optionally, a rectangle of another in the middle. */
async function frame(
  epochMs: number,
  background: string,
  box?: { width: number; height: number; colour: string },
): Promise<ScreencastFrame> {
  const base = sharp({ create: { width: 300, height: 200, channels: 3, background } });
  const composed = box
    ? base.composite([
        {
          input: { create: { width: box.width, height: box.height, channels: 3, background: box.colour } },
          left: Math.round((300 - box.width) / 2),
          top: Math.round((200 - box.height) / 2),
        },
      ])
    : base;
  return { epochMs, jpeg: await composed.jpeg({ quality: 80 }).toBuffer() };
}

describe('the first frame with the artefact', () => {
  it('skips the page before the stage is painted and a loading message, and finds the first drawing', async () => {
    const blank = await frame(100, '#ffffff');
    const loading = await frame(200, '#ebe7e0', { width: 70, height: 24, colour: '#ffffff' });
    const thumb = await frame(300, '#ebe7e0', { width: 120, height: 150, colour: '#3a2a20' });
    const final = await frame(400, '#ebe7e0', { width: 124, height: 154, colour: '#8a4a30' });
    // Out of order on purpose: frames are searched in swap order.
    const first = await firstArtefactFrame([final, thumb, loading, blank], final, REGION, STAGE);
    expect(first?.epochMs).toBe(300);
  });

  it('says a frame shows the artefact only when the stage around it is visible', async () => {
    const blank = await frame(0, '#ffffff');
    const shown = await frame(0, '#ebe7e0', { width: 120, height: 150, colour: '#3a2a20' });
    await expect(showsArtefact(blank, REGION, STAGE)).resolves.toBe(false);
    await expect(showsArtefact(shown, REGION, STAGE)).resolves.toBe(true);
  });

  it('finds nothing when no frame shows the final silhouette', async () => {
    const final = await frame(400, '#ebe7e0', { width: 120, height: 150, colour: '#3a2a20' });
    const empty = await frame(100, '#ebe7e0');
    await expect(firstArtefactFrame([empty], final, REGION, STAGE)).resolves.toBeUndefined();
  });
});
