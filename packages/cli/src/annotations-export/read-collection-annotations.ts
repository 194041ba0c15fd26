import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  annotationsDocumentSchema,
  artefactSchema,
  describeAnnotationsError,
  INDEX_FILE,
  type AnnotationsDocument,
  type Collection,
  type CollectionEntry,
} from '@vitrine/core';
import { readCollectionIndex, withCollectionLock } from '@vitrine/pipeline';
import { AnnotationsExportError } from './annotations-export-error.js';
import type { ArtefactAnnotations } from './to-annotation-collection.js';

export interface CollectionAnnotations {
  index: Collection;
  /** Only the artefacts with annotations; an artefact without is no error. */
  artefacts: ArtefactAnnotations[];
}

/**
 * Reads the annotations of a collection's artefacts (or of the one named), finding each
 * through index.json and its manifest as the viewer does. Every file is validated with
 * core's schema; the first problem stops the export, named by file and field.
 */
export async function readCollectionAnnotations(
  collection: string,
  onlyArtefact?: string,
): Promise<CollectionAnnotations> {
  await requireIndex(collection);
  // Read under the collection lock, so each manifest and its annotations are of one version.
  return withCollectionLock(collection, () => readUnlocked(collection, onlyArtefact), { readOnly: true });
}

async function readUnlocked(collection: string, onlyArtefact: string | undefined): Promise<CollectionAnnotations> {
  const index = await readCollectionIndex(collection).catch((error: Error) => {
    throw new AnnotationsExportError(error.message, { cause: error });
  });
  const entries = onlyArtefact ? index.artefacts.filter((entry) => entry.id === onlyArtefact) : index.artefacts;
  if (onlyArtefact && entries.length === 0) {
    throw new AnnotationsExportError(`${collection} has no artefact "${onlyArtefact}"`);
  }
  const artefacts: ArtefactAnnotations[] = [];
  for (const entry of entries) {
    const document = await readArtefactAnnotations(collection, entry);
    if (document) artefacts.push({ artefact: entry, document });
  }
  return { index, artefacts };
}

async function requireIndex(collection: string): Promise<void> {
  const folder = await stat(collection).catch(() => undefined);
  if (!folder?.isDirectory()) throw new AnnotationsExportError(`${collection} is not a folder`);
  const index = await stat(path.join(collection, INDEX_FILE)).catch(() => undefined);
  if (!index?.isFile()) {
    throw new AnnotationsExportError(`${collection} has no index.json, so it is not a vitrine collection`);
  }
}

async function readArtefactAnnotations(
  collection: string,
  entry: CollectionEntry,
): Promise<AnnotationsDocument | undefined> {
  const manifestFile = path.join(collection, entry.manifest);
  const manifest = artefactSchema.safeParse(await readJson(manifestFile));
  if (!manifest.success) {
    throw new AnnotationsExportError(`${manifestFile}: ${describeAnnotationsError(manifest.error)}`);
  }
  if (!manifest.data.annotations) return undefined;
  // The schema keeps the name inside the artefact's folder: relative, no "..".
  const annotationsFile = path.join(path.dirname(manifestFile), manifest.data.annotations);
  const document = annotationsDocumentSchema.safeParse(await readJson(annotationsFile));
  if (!document.success) {
    throw new AnnotationsExportError(`${annotationsFile}: ${describeAnnotationsError(document.error)}`);
  }
  return document.data;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AnnotationsExportError(`${file} cannot be read: ${code === 'ENOENT' ? 'it does not exist' : code}`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AnnotationsExportError(`${file} is not valid JSON: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
}
