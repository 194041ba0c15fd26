import { z } from '../zod.js';
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
  always: z._default(z.boolean(), false),
  /** Seconds without a touch, a click or a key before the installation starts again. */
  idleSeconds: z._default(z.int().check(z.gte(10), z.lte(3600)), 120),
  /** What the idle screen shows: the artefacts turning slowly, or their guided tours. */
  attract: z._default(z.enum(['turn', 'tour']), 'turn'),
  /** Seconds each artefact is shown in the idle loop before the next. */
  attractSeconds: z._default(z.int().check(z.gte(5), z.lte(3600)), 40),
});
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

export const collectionConfigSchema = z.object({
  profiles: z.optional(profileOverridesSchema),
  kiosk: z.optional(kioskConfigSchema),
});
export type CollectionConfig = z.infer<typeof collectionConfigSchema>;
