import { z } from '../zod.js';
import { languageTextSchema } from '../text.js';
import { artefactIdSchema, dimensionsSchema, relativeFileSchema } from './artefact.js';
import { kioskConfigSchema } from './collection-config.js';

export const COLLECTION_SCHEMA_VERSION = 1;

/** One line of the gallery: enough to draw a card without opening the artefact. */
export const collectionEntrySchema = z.object({
  id: artefactIdSchema,
  title: languageTextSchema,
  creator: z.optional(languageTextSchema),
  /** The artefact's manifest, relative to index.json. */
  manifest: relativeFileSchema,
  poster: z.optional(relativeFileSchema),
  dimensions: dimensionsSchema,
  tags: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100))),
});

/** `index.json` at the root of a collection. */
export const collectionSchema = z.object({
  schemaVersion: z.literal(COLLECTION_SCHEMA_VERSION),
  title: z.optional(languageTextSchema),
  /** The kiosk settings of vitrine.config.json, copied here by ingest. */
  kiosk: z.optional(kioskConfigSchema),
  artefacts: z.array(collectionEntrySchema),
});

export type Collection = z.infer<typeof collectionSchema>;
export type CollectionEntry = z.infer<typeof collectionEntrySchema>;
