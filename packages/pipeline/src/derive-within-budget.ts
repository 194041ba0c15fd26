import type { Document } from '@gltf-transform/core';
import type { DeviceProfile } from '@vitrine/core';
import { deriveProfile, type DeriveOptions, type DerivedFile } from './derive.js';
import { assertValidGlb } from './write/glb.js';

/** How many times we shrink and try again before reporting a budget as missed. */
const MAX_ATTEMPTS = 6;
/** Textures below this size stop being readable on a phone; shrink geometry instead. */
const MIN_TEXTURE_SIZE = 256;

/**
 * Derives a profile and proves it meets the profile's byte budget by measuring the file,
 * not by predicting it. When it is over, shrink whatever weighs more: textures (halve
 * their size) or geometry (40% fewer triangles), and derive again from the source. The
 * result says whether the budget was met; a miss is reported, never hidden.
 */
export async function deriveWithinBudget(
  source: Document,
  profile: DeviceProfile,
  options: DeriveOptions = {},
): Promise<DerivedFile> {
  let attemptProfile = profile;
  const deriveAttempt = (tried: DeviceProfile) => deriveProfile(source, tried, { ...options, validate: false });
  let derived = await deriveAttempt(attemptProfile);
  for (let attempt = 1; attempt < MAX_ATTEMPTS && !withinBytes(derived, profile); attempt++) {
    const geometryBytes = derived.bytes.byteLength - derived.textureBytes;
    const shrinkTextures =
      derived.textureBytes > geometryBytes && attemptProfile.maxTextureSize / 2 >= MIN_TEXTURE_SIZE;
    attemptProfile = shrinkTextures
      ? { ...attemptProfile, maxTextureSize: attemptProfile.maxTextureSize / 2 }
      : {
          ...attemptProfile,
          maxTriangles: Math.max(
            1,
            Math.floor(Math.min(attemptProfile.maxTriangles, derived.derivative.triangles) * 0.6),
          ),
        };
    derived = await deriveAttempt(attemptProfile);
  }
  // The validator runs once, on the file kept, not on every attempt.
  if (derived.derivative.container === 'glb') await assertValidGlb(derived.bytes, derived.derivative.url);
  const met =
    withinBytes(derived, profile) &&
    derived.derivative.triangles <= profile.maxTriangles &&
    derived.derivative.textures.every((texture) => Math.max(texture.width, texture.height) <= profile.maxTextureSize);
  derived.derivative.budget = {
    maxTriangles: profile.maxTriangles,
    maxTextureSize: profile.maxTextureSize,
    ...(profile.maxBytes ? { maxBytes: profile.maxBytes } : {}),
    met,
  };
  return derived;
}

function withinBytes(derived: DerivedFile, profile: DeviceProfile): boolean {
  return profile.maxBytes === undefined || derived.bytes.byteLength <= profile.maxBytes;
}
