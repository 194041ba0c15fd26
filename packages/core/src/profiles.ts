import { z } from './zod.js';

/**
 * A device profile: what one class of device can download and render comfortably.
 * Budgets are data so a collection can override them; the pipeline meets them by
 * measuring its output, never by assuming.
 */
export const deviceProfileSchema = z.object({
  name: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  /** Most triangles the derivative may have. */
  maxTriangles: z.int().check(z.positive()),
  /** Longest texture side in pixels. */
  maxTextureSize: z.int().check(z.positive()),
  /** Largest file size in bytes, when the profile has one. */
  maxBytes: z.optional(z.int().check(z.positive())),
  /** How textures are encoded for this profile. */
  textureFormat: z.enum(['webp', 'ktx2', 'jpeg', 'png']),
  /** The file written: a GLB for every viewer, or a USDZ for iOS AR Quick Look. */
  container: z._default(z.enum(['glb', 'usdz']), 'glb'),
  /**
   * How a GLB's geometry is compressed when the profile's readers need one kind; unset,
   * the collection's choice applies (meshopt, or Draco with `vitrine ingest --draco`).
   */
  geometry: z.optional(z.enum(['meshopt', 'draco'])),
  /**
   * Merge a scan's colour atlases (photogrammetry exports carry 4–16) into one at this
   * profile's texture size: for small profiles, where each of many atlases would shrink to
   * nothing, and one draw call matters.
   */
  mergeAtlases: z.optional(z.boolean()),
});
export type DeviceProfile = z.infer<typeof deviceProfileSchema>;
export type DeviceProfileInput = z.input<typeof deviceProfileSchema>;

/**
 * Defaults from published budgets (Khronos 3D Commerce for mobile, Meta's Quest guidance
 * for VR, Smithsonian's derivative ladder for thumbnails); see PLATFORM-NOTES.
 */
export const DEFAULT_PROFILES: Readonly<Record<string, DeviceProfile>> = Object.freeze({
  /** What shows first, and what the gallery's poster is rendered from. */
  thumb: {
    name: 'thumb',
    maxTriangles: 20_000,
    maxTextureSize: 512,
    maxBytes: 200_000,
    textureFormat: 'webp',
    container: 'glb',
    mergeAtlases: true,
  },
  /** The Khronos 3D Commerce mobile budget. */
  mobile: {
    name: 'mobile',
    maxTriangles: 150_000,
    maxTextureSize: 2048,
    maxBytes: 3_000_000,
    textureFormat: 'webp',
    container: 'glb',
    mergeAtlases: true,
  },
  desktop: { name: 'desktop', maxTriangles: 500_000, maxTextureSize: 4096, textureFormat: 'webp', container: 'glb' },
  /** A headset at 72-90 Hz; KTX2 textures stay compressed in GPU memory. */
  vr: { name: 'vr', maxTriangles: 300_000, maxTextureSize: 2048, textureFormat: 'ktx2', container: 'glb' },
  /** iOS AR Quick Look: about 100k polygons and one set of 2048² textures (Apple). */
  ar: {
    name: 'ar',
    maxTriangles: 100_000,
    maxTextureSize: 2048,
    textureFormat: 'jpeg',
    container: 'usdz',
    mergeAtlases: true,
  },
  /**
   * Android's Scene Viewer, the AR fallback where WebXR has no AR: it reads Draco and
   * JPEG/PNG, and nothing we found says it reads meshopt or WebP (reports say its Filament
   * build has no WebP decoder), so it gets a GLB of its own, at Quick Look's budget.
   */
  'android-ar': {
    name: 'android-ar',
    maxTriangles: 100_000,
    maxTextureSize: 2048,
    textureFormat: 'jpeg',
    container: 'glb',
    geometry: 'draco',
    mergeAtlases: true,
  },
});

/**
 * A collection's own budgets: `{ "profiles": { "mobile": { "maxBytes": 2000000 } } }` in
 * the collection's vitrine.config.json changes one figure and keeps the rest; a profile
 * with a new name needs every field.
 */
export const profileOverridesSchema = z.record(
  z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  z.partial(z.omit(deviceProfileSchema, { name: true })),
);
export type ProfileOverrides = z.infer<typeof profileOverridesSchema>;

/** The default profiles with a collection's overrides applied, in the default order. */
export function resolveProfiles(overrides: ProfileOverrides = {}): DeviceProfile[] {
  const names = [...new Set([...Object.keys(DEFAULT_PROFILES), ...Object.keys(overrides)])];
  return names.map((name) => deviceProfileSchema.parse({ ...DEFAULT_PROFILES[name], ...overrides[name], name }));
}
