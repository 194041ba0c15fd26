import { artefactIdSchema } from '@vitrine/core';
import { EditRefusal } from './edit-refusal.js';

/** `rawId` is the path segment as sent: decode it with decodeArtefactId, once the request is authorised. */
export type EditRoute = { kind: 'annotations'; rawId: string } | { kind: 'unknown' };

const API_PREFIX = '/api/';
/** Matched on the raw path: one segment for the id, so "/" encoded or not never reaches a file path. */
const ANNOTATIONS_PATH = /^\/api\/artefacts\/([^/]+)\/annotations$/;

/**
 * Whether a request is the API's and which route it asks for; undefined when it is not
 * the API's (the site server then serves files). The raw request target is read, not a
 * normalised URL: `/api/artefacts/../../x` must be refused here, not quietly become `/x`.
 * Targets that normalise into /api/ are the API's too, so they are refused rather than
 * served as files.
 */
export function matchEditRoute(target: string | undefined): EditRoute | undefined {
  const rawPath = (target ?? '/').split(/[?#]/, 1)[0]!;
  if (!rawPath.startsWith(API_PREFIX) && !normalisedPath(target).startsWith(API_PREFIX)) return undefined;
  const match = ANNOTATIONS_PATH.exec(rawPath);
  if (!match) return { kind: 'unknown' };
  return { kind: 'annotations', rawId: match[1]! };
}

/** The id as the editor sent it, percent-decoded, and only if it is a slug: no dots, slashes or backslashes. */
export function decodeArtefactId(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw new EditRefusal(400, 'the artefact id in the path is not valid percent-encoding');
  }
  if (!artefactIdSchema.safeParse(id).success) {
    throw new EditRefusal(
      400,
      'the artefact id in the path is not an artefact id (lower-case letters, digits, dashes)',
    );
  }
  return id;
}

function normalisedPath(target: string | undefined): string {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}
