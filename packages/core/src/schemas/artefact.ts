import { z } from 'zod';
import { languageTextSchema } from '../text.js';
import { lengthUnitSchema } from '../units.js';

export const ARTEFACT_SCHEMA_VERSION = 1;

/** An id is also a folder name and part of a URL: lower-case, digits and dashes only. */
export const artefactIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'use lower-case letters, digits and dashes');

/**
 * A path relative to the artefact's folder. Never absolute, never climbing out, never a
 * URL: the collection must stay hostable as plain files anywhere.
 */
export const relativeFileSchema = z
  .string()
  .min(1)
  .refine(
    (path) =>
      !path.startsWith('/') &&
      !path.includes('\\') &&
      !/^[a-z][a-z0-9+.-]*:/i.test(path) &&
      !path.split('/').some((part) => part === '..' || part === '' || part === '.'),
    'must be a plain relative path inside the artefact folder',
  );

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const textureSummarySchema = z.object({
  width: z.int().positive(),
  height: z.int().positive(),
  mimeType: z.string(),
  /** What the texture holds: colour is sRGB, the others are data. */
  slot: z.string(),
});

/** The budget a derivative was made for, and whether its measured figures are within it. */
export const budgetSchema = z.object({
  maxTriangles: z.int().positive(),
  maxTextureSize: z.int().positive(),
  maxBytes: z.int().positive().optional(),
  met: z.boolean(),
});

export const derivativeSchema = z.object({
  profile: z.string(),
  url: relativeFileSchema,
  container: z.enum(['glb', 'usdz']).default('glb'),
  bytes: z.int().nonnegative(),
  triangles: z.int().nonnegative(),
  vertices: z.int().nonnegative(),
  textures: z.array(textureSummarySchema),
  sha256: sha256Schema,
  budget: budgetSchema.optional(),
});

/** Real-world size of the artefact's bounding box in metres (x, y with y up, z). */
export const dimensionsSchema = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  depth: z.number().nonnegative(),
});

export const artefactSchema = z.object({
  schemaVersion: z.literal(ARTEFACT_SCHEMA_VERSION),
  id: artefactIdSchema,
  title: languageTextSchema,
  description: languageTextSchema.optional(),
  creator: languageTextSchema.optional(),
  date: z.string().max(200).optional(),
  accessionNumber: z.string().max(200).optional(),
  /** An SPDX licence identifier, e.g. "CC-BY-4.0". */
  license: z.string().max(100).optional(),
  attribution: z.string().max(2000).optional(),
  /** Words visitors search the gallery by: material, period, place ("bronze", "Roman"). */
  tags: z.array(z.string().min(1).max(100)).max(100).optional(),
  dimensions: dimensionsSchema,
  /** The unit the source was declared in, or how its true size was stated. */
  scale: z.object({
    sourceUnit: lengthUnitSchema.optional(),
    factor: z.number().positive(),
    basis: z.enum(['units', 'known-length', 'assumed-metres']),
  }),
  source: z.object({
    file: z.string(),
    format: z.string(),
    bytes: z.int().nonnegative(),
    sha256: sha256Schema,
    triangles: z.int().nonnegative(),
    vertices: z.int().nonnegative(),
    materials: z.int().nonnegative(),
    textures: z.array(textureSummarySchema),
  }),
  /** What was wrong with the scan and repaired on ingest, one line each, for the curator. */
  warnings: z.array(z.string().max(1000)).max(200).default([]),
  derivatives: z.array(derivativeSchema).min(1),
  poster: relativeFileSchema.optional(),
  annotations: relativeFileSchema.optional(),
  /** Fingerprint of source and options: equal means re-ingesting would change nothing. */
  ingestKey: sha256Schema,
  created: z.iso.datetime(),
  generator: z.string(),
});

export type Artefact = z.infer<typeof artefactSchema>;
export type Derivative = z.infer<typeof derivativeSchema>;
export type Dimensions = z.infer<typeof dimensionsSchema>;
export type TextureSummary = z.infer<typeof textureSummarySchema>;
