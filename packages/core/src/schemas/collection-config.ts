import { z } from 'zod';
import { profileOverridesSchema } from '../profiles.js';

/**
 * `vitrine.config.json` at the root of a collection: what a museum sets once for all its
 * artefacts. Every field is optional; a collection without the file uses the defaults.
 */
/**
 * How the app behaves on a gallery installation. Set in vitrine.config.json; ingest copies
 * it into index.json, where the app reads it (one request fewer for every visitor).
 */
export const kioskConfigSchema = z.object({
  /** Every page of this collection is a kiosk, without `?kiosk` in the address. */
  always: z.boolean().default(false),
  /** Seconds without a touch, a click or a key before the installation starts again. */
  idleSeconds: z.int().min(10).max(3600).default(120),
  /** What the idle screen shows: the artefacts turning slowly, or their guided tours. */
  attract: z.enum(['turn', 'tour']).default('turn'),
  /** Seconds each artefact is shown in the idle loop before the next. */
  attractSeconds: z.int().min(5).max(3600).default(40),
});
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

export const collectionConfigSchema = z.object({
  profiles: profileOverridesSchema.optional(),
  kiosk: kioskConfigSchema.optional(),
});
export type CollectionConfig = z.infer<typeof collectionConfigSchema>;

export const COLLECTION_CONFIG_FILE = 'vitrine.config.json';
