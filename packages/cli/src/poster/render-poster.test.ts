import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIO, ingest } from '@vitrine/pipeline';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBoxDocument } from '@vitrine/pipeline/testing';
import { findChromium } from '../browser/find-chromium.js';
import { renderPoster } from './render-poster.js';

async function boxScan(): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), 'vitrine-poster-'));
  const file = path.join(folder, 'box.glb');
  writeFileSync(file, await (await getIO()).writeBinary(makeBoxDocument({ size: 0.1 }).document));
  return file;
}

const savedPath = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (savedPath === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = savedPath;
});

describe.skipIf(!findChromium())('the poster (needs Chromium; npm test installs it)', () => {
  it('is rendered from the thumb derivative by the viewer and listed in the manifest', async () => {
    const file = await boxScan();
    const collection = path.join(path.dirname(file), 'collection');
    const { artefact } = await ingest({ file, collection, id: 'box', renderPoster });
    // Named by its content, so a cached gallery never shows another version's poster.
    expect(artefact.poster).toMatch(/^poster\.[0-9a-f]{12}\.webp$/);
    const bytes = readFileSync(path.join(collection, 'box', artefact.poster!));
    expect(artefact.poster).toBe(`poster.${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.webp`);
    const image = sharp(bytes);
    expect(await image.metadata()).toMatchObject({ format: 'webp', width: 1024, height: 1024 });
    // The box is drawn: the centre is not the stage colour (#ebe7e0), the corner is.
    const { data } = await image
      .clone()
      .extract({ left: 462, top: 462, width: 100, height: 100 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { data: corner } = await image
      .clone()
      .extract({ left: 0, top: 0, width: 40, height: 40 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const distance = (pixels: Buffer) =>
      Math.abs(pixels[0]! - 0xeb) + Math.abs(pixels[1]! - 0xe7) + Math.abs(pixels[2]! - 0xe0);
    expect(distance(data)).toBeGreaterThan(30);
    expect(distance(corner)).toBeLessThan(10);
  }, 180_000);
});

describe('without Chromium', () => {
  it('skips the poster, says why, and the ingest still succeeds', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const file = await boxScan();
    const { artefact } = await ingest({
      file,
      collection: path.join(path.dirname(file), 'c'),
      id: 'box',
      renderPoster,
    });
    expect(artefact.poster).toBeUndefined();
    expect(artefact.warnings).toEqual([
      expect.stringMatching(/the poster was skipped: CHROMIUM_PATH is \/nonexistent\/chromium/),
    ]);
  });
});
