import { z } from 'zod';
import { languageTextSchema } from '../text.js';
import { artefactIdSchema, dimensionsSchema, relativeFileSchema } from './artefact.js';
import { kioskConfigSchema } from './collection-config.js';

export const COLLECTION_SCHEMA_VERSION = 1;

/** One line of the gallery: enough to draw a card without opening the artefact. */
export const collectionEntrySchema = z.object({
  id: artefactIdSchema,
  title: languageTextSchema,
  creator: languageTextSchema.optional(),
  /** The artefact's manifest, relative to index.json. */
  manifest: relativeFileSchema,
  poster: relativeFileSchema.optional(),
  dimensions: dimensionsSchema,
  tags: z.array(z.string().max(100)).max(100).optional(),
});

/** `index.json` at the root of a collection. */
export const collectionSchema = z.object({
  schemaVersion: z.literal(COLLECTION_SCHEMA_VERSION),
  title: languageTextSchema.optional(),
  /** The kiosk settings of vitrine.config.json, copied here by ingest. */
  kiosk: kioskConfigSchema.optional(),
  artefacts: z.array(collectionEntrySchema),
});

export type Collection = z.infer<typeof collectionSchema>;
export type CollectionEntry = z.infer<typeof collectionEntrySchema>;
