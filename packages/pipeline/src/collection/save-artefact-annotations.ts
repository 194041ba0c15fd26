import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ANNOTATIONS_FILE, artefactSchema, describeAnnotationsError, type AnnotationsDocument } from '@vitrine/core';
import { ScanError } from '../errors.js';
import { writeFileAtomic } from '../write/atomic.js';

/** Where an artefact's annotations are saved: found (and checked to lie inside the collection) by the caller. */
export interface AnnotationsTarget {
  /** The artefact's artefact.json. */
  manifestFile: string;
  /** The manifest as the file has it (unknown fields kept), for rewriting it. */
  manifestJson: Record<string, unknown>;
  /** The file the manifest names, or where annotations.json goes when it names none. */
  annotationsFile: string;
  /** Whether the manifest already names its annotations. */
  named: boolean;
}

/** `annotations.json` keeps its last version as `annotations.previous.json`. */
export function previousVersionFile(annotationsFile: string): string {
  const name = path.basename(annotationsFile).replace(/\.json$/i, '');
  return path.join(path.dirname(annotationsFile), `${name}.previous.json`);
}

/**
 * Saves a validated document: the current file is copied aside as the previous version,
 * the new one replaces it, then (only for an artefact that had none) the manifest gains
 * `annotations`, so it never names a file that is not there yet. Each write is atomic, and
 * the new manifest is validated before anything is written. The caller holds the
 * collection lock. Returns the bytes written, whose hash is the new version.
 */
export async function saveArtefactAnnotationsLocked(
  target: AnnotationsTarget,
  document: AnnotationsDocument,
): Promise<Uint8Array> {
  const manifestUpdate = target.named ? undefined : manifestNamingAnnotations(target);
  const current = await readFile(target.annotationsFile).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current) await writeFileAtomic(previousVersionFile(target.annotationsFile), current);
  const bytes = new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
  await writeFileAtomic(target.annotationsFile, bytes);
  if (manifestUpdate) await writeFileAtomic(target.manifestFile, manifestUpdate);
  return bytes;
}

/** The manifest's own text with `annotations` added; fields this version does not know are kept. */
function manifestNamingAnnotations(target: AnnotationsTarget): string {
  const next = { ...target.manifestJson, annotations: ANNOTATIONS_FILE };
  const checked = artefactSchema.safeParse(next);
  if (!checked.success) {
    throw new ScanError(
      `artefact.json would not be valid: ${describeAnnotationsError(checked.error)}`,
      'invalid-options',
    );
  }
  return `${JSON.stringify(next, null, 2)}\n`;
}
