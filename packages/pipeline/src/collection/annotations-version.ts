import { sha256 } from '../sha256.js';

/** The version tag of an artefact that has no annotations file yet. */
export const NO_ANNOTATIONS_VERSION = '"none"';

/**
 * The version of an annotations file, as an HTTP entity tag: the sha256 of its bytes, so
 * two editors (or an editor and a re-ingest that carried the file over) agree on it
 * without any counter kept anywhere. Quoted, as a strong ETag must be.
 */
export function annotationsVersion(bytes: Uint8Array | undefined): string {
  return bytes ? `"${sha256(bytes)}"` : NO_ANNOTATIONS_VERSION;
}
