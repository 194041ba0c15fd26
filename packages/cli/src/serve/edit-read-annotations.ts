import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { annotationsDocumentSchema, describeAnnotationsError, type AnnotationsDocument } from '@vitrine/core';
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

/**
 * The artefact's annotations as the viewer would read them: the file its manifest names,
 * validated. An artefact whose manifest names none gets the empty document, even if an
 * old annotations.json lies in its folder, since visitors do not see that one either.
 */
export async function readAnnotationsForEdit(location: ArtefactLocation): Promise<AnnotationsDocument> {
  if (!location.manifest.annotations) return emptyAnnotationsDocument();
  const name = path.basename(location.annotationsFile);
  let text: string;
  try {
    text = await readFile(location.annotationsFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyAnnotationsDocument();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EditRefusal(500, `${name} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = annotationsDocumentSchema.safeParse(json);
  if (!parsed.success) throw new EditRefusal(500, `${name}: ${describeAnnotationsError(parsed.error)}`);
  return parsed.data;
}
