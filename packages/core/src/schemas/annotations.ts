import { z } from '../zod.js';
import { languageTagSchema, languageTextSchema } from '../text.js';
import { artefactIdSchema, relativeFileSchema } from './artefact.js';

export const ANNOTATIONS_SCHEMA_VERSION = 1;

/**
 * An annotation's or layer's id: it appears in the page URL (`#annotation=<id>`) and in
 * `data-annotation-id`, so it follows the same slug rule as artefact ids.
 */
export const annotationIdSchema = artefactIdSchema;

/**
 * A point or direction in the artefact's space: metres, Y up, as the derivatives are.
 * Finite, as every zod 4 number is (it refuses Infinity and NaN).
 */
export const vector3Schema = z.tuple([z.number(), z.number(), z.number()]);
export type Point3 = z.infer<typeof vector3Schema>;

/** The surface normal need not be normalized, but it must point somewhere. */
const normalSchema = vector3Schema.check(
  z.refine(([x, y, z]) => Math.hypot(x, y, z) > 1e-9, 'the normal must not be the zero vector'),
);

/** A CSS hex colour; the viewer uses it for the layer's hotspots. */
export const colourSchema = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'use a hex colour like #7a3b1d'));

/** A group of annotations that a visitor can show or hide: "Decoration", "Conservation". */
export const annotationLayerSchema = z.object({
  id: annotationIdSchema,
  label: languageTextSchema,
  colour: colourSchema,
  /** Shown when the viewer opens; the visitor can still switch it on. */
  visible: z._default(z.boolean(), true),
});

/** Where the camera goes to look at an annotation. */
export const annotationViewSchema = z
  .object({ position: vector3Schema, target: vector3Schema })
  .check(
    z.refine(
      ({ position, target }) =>
        Math.hypot(position[0] - target[0], position[1] - target[1], position[2] - target[2]) > 1e-6,
      'the view position and target must differ',
    ),
  );

/** The Web Annotation model's target, narrowed to a point on the artefact's surface. */
export const annotationTargetSchema = z.object({
  /** On the surface of the derivatives, in the artefact's metres. */
  position: vector3Schema,
  /** Outward surface normal at `position`. */
  normal: normalSchema,
  view: z.optional(annotationViewSchema),
});

export const annotationImageSchema = z.object({
  /** Relative to the artefact's folder, like every file a manifest names. */
  url: relativeFileSchema,
  alt: languageTextSchema,
});

export const annotationAudioSchema = z.object({
  url: relativeFileSchema,
  /** WebVTT captions, so the recording is not only for visitors who hear it. */
  captions: relativeFileSchema.check(
    z.refine((file) => file.toLowerCase().endsWith('.vtt'), 'captions must be a .vtt file'),
  ),
  /** Language of the recording and its captions. */
  language: z._default(languageTagSchema, 'en'),
});

/**
 * What the curator says. `text` is Markdown of a small subset (paragraphs, bold, italic,
 * links, line breaks, bullet lists) that the viewer renders as React elements: never HTML.
 */
export const annotationBodySchema = z.object({
  title: languageTextSchema,
  text: languageTextSchema,
  image: z.optional(annotationImageSchema),
  audio: z.optional(annotationAudioSchema),
});

/** One annotation, shaped after the W3C Web Annotation model: id, body, target, provenance. */
export const annotationSchema = z.object({
  id: annotationIdSchema,
  /** The id of one of the document's layers. */
  layer: annotationIdSchema,
  /** Place in the guided tour: lower comes first; ties keep the document's order. */
  order: z.int().check(z.nonnegative()),
  target: annotationTargetSchema,
  body: annotationBodySchema,
  created: z.optional(z.iso.datetime()),
  /** Who wrote it: a person or a department, as the museum credits it. */
  creator: z.optional(z.string().check(z.maxLength(200))),
});

/** `annotations.json` in an artefact's folder, named by the manifest's `annotations`. */
export const annotationsDocumentSchema = z
  .object({
    schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
    layers: z.array(annotationLayerSchema).check(z.minLength(1), z.maxLength(50)),
    annotations: z.array(annotationSchema).check(z.maxLength(500)),
  })
  .check(
    z.superRefine((document, context) => {
      reportDuplicates(
        document.layers.map((layer) => layer.id),
        'layers',
        'layer',
        context,
      );
      reportDuplicates(
        document.annotations.map((annotation) => annotation.id),
        'annotations',
        'annotation',
        context,
      );
      const layers = new Set(document.layers.map((layer) => layer.id));
      document.annotations.forEach((annotation, index) => {
        if (!layers.has(annotation.layer)) {
          context.addIssue({
            code: 'custom',
            path: ['annotations', index, 'layer'],
            message: `layer "${annotation.layer}" is not one of the document's layers`,
          });
        }
      });
    }),
  );

export type AnnotationsDocument = z.infer<typeof annotationsDocumentSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationLayer = z.infer<typeof annotationLayerSchema>;
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;
export type AnnotationView = z.infer<typeof annotationViewSchema>;
export type AnnotationBody = z.infer<typeof annotationBodySchema>;

/** The files an annotations document names (images, recordings, captions), each once. */
export function annotationMediaFiles(document: AnnotationsDocument): string[] {
  const files = document.annotations.flatMap(({ body }) => [
    ...(body.image ? [body.image.url] : []),
    ...(body.audio ? [body.audio.url, body.audio.captions] : []),
  ]);
  return [...new Set(files)];
}

/** The annotations in the order of the guided tour (and of keyboard focus). */
export function annotationsInTourOrder(document: AnnotationsDocument): Annotation[] {
  return document.annotations
    .map((annotation, index) => ({ annotation, index }))
    .sort((a, b) => a.annotation.order - b.annotation.order || a.index - b.index)
    .map(({ annotation }) => annotation);
}

/** One line for a curator: where in the document the first problem is and what it is. */
export function describeAnnotationsError(error: z.core.$ZodError): string {
  const [first] = error.issues;
  if (!first) return 'is not a valid annotations document';
  const where = first.path.length > 0 ? `${formatPath(first.path)}: ` : '';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}${first.message}${more}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

function reportDuplicates(ids: readonly string[], key: string, noun: string, context: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      context.addIssue({ code: 'custom', path: [key, index, 'id'], message: `${noun} id "${id}" is used twice` });
    }
    seen.add(id);
  });
}
