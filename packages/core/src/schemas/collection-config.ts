import { z } from 'zod';
import { profileOverridesSchema } from '../profiles.js';

/**
 * `vitrine.config.json` at the root of a collection: what a museum sets once for all its
 * artefacts. Every field is optional; a collection without the file uses the defaults.
 */
export const collectionConfigSchema = z.object({
  profiles: profileOverridesSchema.optional(),
});
export type CollectionConfig = z.infer<typeof collectionConfigSchema>;

export const COLLECTION_CONFIG_FILE = 'vitrine.config.json';
