import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { annotationsDocumentSchema, describeAnnotationsError, type AnnotationsDocument } from '@vitrine/core';
import { annotationsVersion } from '@vitrine/pipeline';
import type { ArtefactLocation } from './edit-locate-artefact.js';
import { EditRefusal } from './edit-refusal.js';

/** What the editor starts from on an artefact without annotations: one layer, ready for the first note. */
export function emptyAnnotationsDocument(): AnnotationsDocument {
  return {
    schemaVersion: 1,
    layers: [{ id: 'notes', label: { en: 'Notes' }, colour: '#c8553d', visible: true }],
    annotations: [],
  };
}

/** The annotations the editor starts from, and their version (the ETag a save must match). */
export interface AnnotationsForEdit {
  document: AnnotationsDocument;
  version: string;
}

/**
 * The artefact's annotations as the viewer would read them: the file its manifest names,
 * validated. An artefact whose manifest names none gets the empty document, even if an
 * old annotations.json lies in its folder, since visitors do not see that one either.
 */
export async function readAnnotationsForEdit(location: ArtefactLocation): Promise<AnnotationsForEdit> {
  const bytes = await readCurrentAnnotations(location);
  if (!bytes) return { document: emptyAnnotationsDocument(), version: annotationsVersion(undefined) };
  const name = path.basename(location.annotationsFile);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new EditRefusal(500, `${name} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = annotationsDocumentSchema.safeParse(json);
  if (!parsed.success) throw new EditRefusal(500, `${name}: ${describeAnnotationsError(parsed.error)}`);
  return { document: parsed.data, version: annotationsVersion(bytes) };
}

/** The version a save must match: that of the file visitors see now. */
export async function currentAnnotationsVersion(location: ArtefactLocation): Promise<string> {
  return annotationsVersion(await readCurrentAnnotations(location));
}

/** The bytes of the annotations the manifest names, or undefined when it names none or the file is gone. */
async function readCurrentAnnotations(location: ArtefactLocation): Promise<Buffer | undefined> {
  if (!location.manifest.annotations) return undefined;
  try {
    return await readFile(location.annotationsFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
