import type { Document } from '@gltf-transform/core';
import { cloneDocument } from '@gltf-transform/functions';
import type { DeviceProfile } from '@vitrine/core';
import { countTriangles } from './check/count.js';
import type { DeriveOptions, DerivedFile } from './derive.js';
import { deriveWithinBudget } from './derive-within-budget.js';
import { fitTriangleBudget } from './transforms/fit-triangle-budget.js';

/**
 * Derives every profile, the largest triangle budget first, each from the geometry simplified
 * for the one before it rather than from the full source: the full scan is simplified once
 * (to the desktop budget), and every smaller profile starts from a few hundred thousand
 * triangles instead of millions. Only the mesh cascades; each step keeps the source's
 * textures at full resolution, so every profile still resizes them from the original.
 * Measured with `npm run bench:pipeline` (see the issue note): Hausdorff and SSIM of the
 * mobile derivative within a tie of deriving from the source.
 * Returns the derived files in the order of `profiles`.
 */
export async function deriveProfiles(
  source: Document,
  profiles: readonly DeviceProfile[],
  options: DeriveOptions,
  progress: {
    onProfile: (profile: DeviceProfile) => void;
    onTextureEncoded?: (profile: DeviceProfile, done: number, total: number) => void;
  },
): Promise<DerivedFile[]> {
  const largestFirst = [...profiles].sort((a, b) => b.maxTriangles - a.maxTriangles);
  const derived = new Map<DeviceProfile, DerivedFile>();
  let base = source;
  for (const profile of largestFirst) {
    progress.onProfile(profile);
    if (countTriangles(base) > profile.maxTriangles) base = await simplifiedCopy(base, profile.maxTriangles);
    const onTextureEncoded = (done: number, total: number) => progress.onTextureEncoded?.(profile, done, total);
    derived.set(profile, await deriveWithinBudget(base, profile, { ...options, onTextureEncoded }));
  }
  return profiles.map((profile) => derived.get(profile)!);
}

async function simplifiedCopy(base: Document, maxTriangles: number): Promise<Document> {
  const copy = cloneDocument(base);
  await copy.transform(fitTriangleBudget({ maxTriangles }));
  return copy;
}
