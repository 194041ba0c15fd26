import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { artefactSchema, describeAnnotationsError, type AnnotationsDocument } from '@vitrine/core';
import { DEFAULT_ANNOTATIONS_FILE, type ArtefactLocation } from './edit-locate-artefact.js';
import { EditRefusal } from './edit-refusal.js';
import { writeFileAtomic } from '@vitrine/pipeline';

/** `annotations.json` keeps its last version as `annotations.previous.json`. */
export function previousVersionFile(annotationsFile: string): string {
  const name = path.basename(annotationsFile).replace(/\.json$/i, '');
  return path.join(path.dirname(annotationsFile), `${name}.previous.json`);
}

/**
 * Saves a validated document: the current file is copied aside as the previous version,
 * the new one replaces it, then (only for an artefact that had none) the manifest gains
 * `annotations`, so it never names a file that is not there yet. Each write is atomic,
 * and the new manifest is validated before anything is written.
 */
export async function saveAnnotations(location: ArtefactLocation, document: AnnotationsDocument): Promise<Uint8Array> {
  const manifestUpdate = location.manifest.annotations ? undefined : manifestNamingAnnotations(location);
  const current = await readFile(location.annotationsFile).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current) await writeFileAtomic(previousVersionFile(location.annotationsFile), current);
  const bytes = new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
  await writeFileAtomic(location.annotationsFile, bytes);
  if (manifestUpdate) await writeFileAtomic(location.manifestFile, manifestUpdate);
  return bytes;
}

/** The manifest's own text with `annotations` added; fields this version does not know are kept. */
function manifestNamingAnnotations(location: ArtefactLocation): string {
  const next = { ...location.manifestJson, annotations: DEFAULT_ANNOTATIONS_FILE };
  const checked = artefactSchema.safeParse(next);
  if (!checked.success) {
    throw new EditRefusal(500, `artefact.json would not be valid: ${describeAnnotationsError(checked.error)}`);
  }
  return `${JSON.stringify(next, null, 2)}\n`;
}
