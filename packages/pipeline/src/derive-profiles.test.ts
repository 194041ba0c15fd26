import { deviceProfileSchema } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { countTriangles } from './check/count.js';
import { deriveProfiles } from './derive-profiles.js';
import { makeBoxDocument } from './testing/fixtures.js';

const profile = (name: string, maxTriangles: number) =>
  deviceProfileSchema.parse({ name, maxTriangles, maxTextureSize: 256, textureFormat: 'png' });
// In the order a collection lists them, not by size.
const PROFILES = [profile('small', 200), profile('large', 1500), profile('middle', 600)];

describe('deriveProfiles', () => {
  it('returns every profile in the order asked, each within its triangle budget, and leaves the source alone', async () => {
    const { document } = makeBoxDocument({ segments: 20 }); // 4,800 triangles
    const steps: string[] = [];
    const files = await deriveProfiles(document, PROFILES, {}, { onProfile: (p) => steps.push(p.name) });
    expect(files.map((file) => file.derivative.profile)).toEqual(['small', 'large', 'middle']);
    files.forEach((file, index) =>
      expect(file.derivative.triangles).toBeLessThanOrEqual(PROFILES[index]!.maxTriangles),
    );
    // Largest first: each smaller one starts from the geometry of the one before.
    expect(steps).toEqual(['large', 'middle', 'small']);
    expect(countTriangles(document)).toBe(4800);
  });

  it('simplifies the source in place when the caller gives it up, with the same results', async () => {
    const kept = makeBoxDocument({ segments: 20 }).document;
    const given = makeBoxDocument({ segments: 20 }).document;
    const fromCopy = await deriveProfiles(kept, PROFILES, {}, { onProfile: () => {} });
    const inPlace = await deriveProfiles(given, PROFILES, { consumeSource: true }, { onProfile: () => {} });
    expect(countTriangles(given)).toBeLessThanOrEqual(1500);
    expect(inPlace.map((file) => file.derivative.triangles)).toEqual(fromCopy.map((file) => file.derivative.triangles));
  });
});
