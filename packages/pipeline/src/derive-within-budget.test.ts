import { DEFAULT_PROFILES, type DeviceProfile } from '@vitrine/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { deriveProfile } from './derive.js';
import { deriveWithinBudget } from './derive-within-budget.js';
import { makeBoxDocument } from './testing/fixtures.js';

/** A box with a noisy 1024² colour texture: incompressible enough to weigh something. */
async function texturedBox() {
  const { document } = makeBoxDocument({ segments: 40 });
  const noise = Buffer.alloc(1024 * 1024 * 3);
  let seed = 7;
  for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 23;
  const jpeg = await sharp(noise, { raw: { width: 1024, height: 1024, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
  const texture = document.createTexture('colour').setMimeType('image/jpeg').setImage(new Uint8Array(jpeg));
  document.getRoot().listMaterials()[0]!.setBaseColorTexture(texture);
  return document;
}

const profile: DeviceProfile = {
  ...DEFAULT_PROFILES.thumb!,
  name: 'small',
  maxTriangles: 20_000,
  maxTextureSize: 1024,
};

describe('deriveWithinBudget', () => {
  it('shrinks until the file is within the byte budget, and says so', async () => {
    const source = await texturedBox();
    const unconstrained = await deriveProfile(source, profile);
    const maxBytes = Math.floor(unconstrained.bytes.byteLength / 3);
    const derived = await deriveWithinBudget(source, { ...profile, maxBytes });
    expect(derived.bytes.byteLength).toBeLessThanOrEqual(maxBytes);
    expect(derived.derivative.budget).toEqual({ maxTriangles: 20_000, maxTextureSize: 1024, maxBytes, met: true });
    expect(derived.derivative.textures[0]!.width).toBeLessThan(1024);
  });

  it('reports a budget it cannot meet instead of hiding it', async () => {
    const derived = await deriveWithinBudget(await texturedBox(), { ...profile, maxBytes: 100 });
    expect(derived.derivative.budget?.met).toBe(false);
  });

  it('does not degrade a source already within budget', async () => {
    const source = await texturedBox();
    const derived = await deriveWithinBudget(source, { ...profile, maxBytes: 50_000_000 });
    expect(derived.derivative.triangles).toBe(40 * 40 * 2 * 6);
    expect(derived.derivative.textures[0]!.width).toBe(1024);
  });

  it('compresses geometry with Draco when asked, and only with Draco', async () => {
    const derived = await deriveWithinBudget(await texturedBox(), profile, { compression: 'draco' });
    const json = JSON.parse(
      new TextDecoder().decode(
        derived.bytes.subarray(
          20,
          20 + new DataView(derived.bytes.buffer, derived.bytes.byteOffset).getUint32(12, true),
        ),
      ),
    ) as { extensionsUsed: string[] };
    expect(json.extensionsUsed).toContain('KHR_draco_mesh_compression');
    expect(json.extensionsUsed).not.toContain('EXT_meshopt_compression');
  });
});
