import { z } from 'zod';

/**
 * A device profile: what one class of device can download and render comfortably.
 * Budgets are data so a collection can override them; the pipeline meets them by
 * measuring its output, never by assuming.
 */
export const deviceProfileSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Most triangles the derivative may have. */
  maxTriangles: z.int().positive(),
  /** Longest texture side in pixels. */
  maxTextureSize: z.int().positive(),
  /** Largest file size in bytes, when the profile has one. */
  maxBytes: z.int().positive().optional(),
  /** How textures are encoded for this profile. */
  textureFormat: z.enum(['webp', 'ktx2', 'jpeg', 'png']),
});
export type DeviceProfile = z.infer<typeof deviceProfileSchema>;

/**
 * Defaults from published budgets (Khronos 3D Commerce for mobile, Meta's Quest guidance
 * for VR, Smithsonian's derivative ladder for thumbnails); see PLATFORM-NOTES.
 */
export const DEFAULT_PROFILES: Readonly<Record<string, DeviceProfile>> = Object.freeze({
  thumb: {
    name: 'thumb',
    maxTriangles: 20_000,
    maxTextureSize: 512,
    maxBytes: 200_000,
    textureFormat: 'webp',
  },
  mobile: {
    name: 'mobile',
    maxTriangles: 150_000,
    maxTextureSize: 2048,
    maxBytes: 3_000_000,
    textureFormat: 'webp',
  },
  desktop: { name: 'desktop', maxTriangles: 500_000, maxTextureSize: 4096, textureFormat: 'webp' },
  vr: { name: 'vr', maxTriangles: 300_000, maxTextureSize: 2048, textureFormat: 'ktx2' },
});
