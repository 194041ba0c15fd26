import {
  annotationMediaFiles,
  annotationsDocumentSchema,
  describeAnnotationsError,
  type AnnotationsDocument,
} from '@vitrine/core';
import { EditRefusal } from './edit-refusal.js';
import { resolveInside } from './edit-resolve-inside.js';

/**
 * The document the editor sent, if it may be saved: valid against core's schema, and
 * every image, recording and captions file it names inside the artefact's folder (the
 * schema refuses ".." and absolute paths; a symbolic link in the folder could still lead
 * out). Files need not exist yet. Problems are 422 with the field path, one line.
 */
export async function validateAnnotationsForSave(json: unknown, folder: string): Promise<AnnotationsDocument> {
  const parsed = annotationsDocumentSchema.safeParse(json);
  if (!parsed.success) throw new EditRefusal(422, describeAnnotationsError(parsed.error));
  for (const file of annotationMediaFiles(parsed.data)) {
    if (!(await resolveInside(folder, file))) {
      throw new EditRefusal(422, `media file "${file}" resolves outside the artefact's folder`);
    }
  }
  return parsed.data;
}
