import { z } from '../zod.js';
import { languageTextSchema } from '../text.js';
import { lengthUnitSchema } from '../units.js';

export const ARTEFACT_SCHEMA_VERSION = 1;

/** An id is also a folder name and part of a URL: lower-case, digits and dashes only. */
export const artefactIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'use lower-case letters, digits and dashes'));

/**
 * A path relative to the artefact's folder. Never absolute, never climbing out, never a
 * URL: the collection must stay hostable as plain files anywhere. The viewer resolves it
 * with `new URL`, which drops tabs and line breaks anywhere, strips leading spaces and
 * controls, reads `\` as `/`, decodes `%2e` as a dot, and lets `?` and `#` end the
 * path; so a name holding any of them could point somewhere else than it reads.
 */
export const relativeFileSchema = z.string().check(
  z.minLength(1),
  z.superRefine((path, context) => {
    const problem = relativeFileProblem(path);
    if (problem) context.addIssue({ code: 'custom', message: `must be a plain relative path ${problem}` });
  }),
);

/** What is wrong with `path` as a file named by a manifest, worded to follow "must be a plain relative path". */
function relativeFileProblem(path: string): string | undefined {
  if (/\p{Cc}/u.test(path)) return 'without control characters (line breaks, tabs); rename the file';
  // A space inside a name is common ("handle detail.webp") and `new URL` encodes it as
  // %20, so it keeps its meaning; other whitespace, or a space at a name's start or end,
  // is invisible to a curator and treated differently by URL parsers and file systems.
  if (/[^\S ]/u.test(path) || path.split('/').some((part) => part.startsWith(' ') || part.endsWith(' '))) {
    return 'without whitespace other than spaces inside names; rename the file';
  }
  if (path.includes('\\')) return "with '/' between folders, not '\\'";
  // Names are never URL-encoded in a manifest: a '%' is either a mistake or `%2e%2e`.
  if (path.includes('%')) return "without '%'; write the name as it is on disk, not URL-encoded";
  if (/[?#]/.test(path)) return "without '?' or '#', which change what a URL means; rename the file";
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return 'inside the artefact folder, not a URL';
  if (path.startsWith('/')) return "inside the artefact folder, not starting with '/'";
  if (path.split('/').some((part) => part === '..' || part === '' || part === '.')) {
    return "inside the artefact folder, without '..', '.' or empty parts";
  }
  return undefined;
}

const sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const textureSummarySchema = z.object({
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  mimeType: z.string(),
  /** What the texture holds: colour is sRGB, the others are data. */
  slot: z.string(),
});

/** The budget a derivative was made for, and whether its measured figures are within it. */
export const budgetSchema = z.object({
  maxTriangles: z.int().check(z.positive()),
  maxTextureSize: z.int().check(z.positive()),
  maxBytes: z.optional(z.int().check(z.positive())),
  met: z.boolean(),
});

export const derivativeSchema = z.object({
  profile: z.string(),
  url: relativeFileSchema,
  container: z._default(z.enum(['glb', 'usdz']), 'glb'),
  bytes: z.int().check(z.nonnegative()),
  triangles: z.int().check(z.nonnegative()),
  vertices: z.int().check(z.nonnegative()),
  textures: z.array(textureSummarySchema),
  sha256: sha256Schema,
  budget: z.optional(budgetSchema),
});

/**
 * Real-world size of the artefact's bounding box in metres (x, y with y up, z). One of them
 * may be 0: a painting, a manuscript leaf or a textile scanned as a single surface, standing
 * (no depth) or lying (no height) as its up axis says.
 */
export const dimensionsSchema = z
  .object({
    width: z.number().check(z.nonnegative()),
    height: z.number().check(z.nonnegative()),
    depth: z.number().check(z.nonnegative()),
  })
  .check(
    z.refine(
      ({ width, height, depth }) => [width, height, depth].filter((extent) => extent > 0).length >= 2,
      'an artefact has an extent along at least two axes',
    ),
  );

export const artefactSchema = z.object({
  schemaVersion: z.literal(ARTEFACT_SCHEMA_VERSION),
  id: artefactIdSchema,
  title: languageTextSchema,
  description: z.optional(languageTextSchema),
  creator: z.optional(languageTextSchema),
  date: z.optional(z.string().check(z.maxLength(200))),
  accessionNumber: z.optional(z.string().check(z.maxLength(200))),
  /** An SPDX licence identifier, e.g. "CC-BY-4.0". */
  license: z.optional(z.string().check(z.maxLength(100))),
  attribution: z.optional(z.string().check(z.maxLength(2000))),
  /** Words visitors search the gallery by: material, period, place ("bronze", "Roman"). */
  tags: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100))),
  dimensions: dimensionsSchema,
  /** The unit the source was declared in, or how its true size was stated. */
  scale: z.object({
    sourceUnit: z.optional(lengthUnitSchema),
    factor: z.number().check(z.positive()),
    basis: z.enum(['units', 'known-length', 'assumed-metres']),
  }),
  source: z.object({
    file: z.string(),
    format: z.string(),
    bytes: z.int().check(z.nonnegative()),
    sha256: sha256Schema,
    triangles: z.int().check(z.nonnegative()),
    vertices: z.int().check(z.nonnegative()),
    materials: z.int().check(z.nonnegative()),
    textures: z.array(textureSummarySchema),
  }),
  /** What was wrong with the scan and repaired on ingest, one line each, for the curator. */
  warnings: z._default(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(200)), []),
  derivatives: z.array(derivativeSchema).check(z.minLength(1)),
  poster: z.optional(relativeFileSchema),
  annotations: z.optional(relativeFileSchema),
  /** Fingerprint of source and options: equal means re-ingesting would change nothing. */
  ingestKey: sha256Schema,
  created: z.iso.datetime(),
  generator: z.string(),
});

export type Artefact = z.infer<typeof artefactSchema>;
export type Derivative = z.infer<typeof derivativeSchema>;
export type Dimensions = z.infer<typeof dimensionsSchema>;
export type TextureSummary = z.infer<typeof textureSummarySchema>;
