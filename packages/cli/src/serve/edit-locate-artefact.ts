import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ANNOTATIONS_FILE, artefactSchema, describeAnnotationsError, type Artefact } from '@vitrine/core';
import { readCollectionIndex } from '@vitrine/pipeline';
import { EditRefusal } from './edit-refusal.js';
import { resolveInside } from './edit-resolve-inside.js';

/** The name annotations get when the manifest names none yet, as ingest names them. */
export const DEFAULT_ANNOTATIONS_FILE = ANNOTATIONS_FILE;

/** Where an artefact's files are, found through index.json: never by using its id as a path. */
export interface ArtefactLocation {
  id: string;
  /** The artefact's folder, a real path inside the collection. */
  folder: string;
  manifestFile: string;
  /** The manifest as the file has it (unknown fields kept), for rewriting it. */
  manifestJson: Record<string, unknown>;
  manifest: Artefact;
  /** The annotations file: the one the manifest names, else annotations.json. */
  annotationsFile: string;
}

/**
 * Finds an artefact of the collection: its entry in index.json, its manifest there, and
 * its annotations file, each checked to lie inside the collection (symbolic links
 * included). Unknown ids are 404; broken collection files are 500, the curator's to fix.
 */
export async function locateArtefact(collectionDir: string, id: string): Promise<ArtefactLocation> {
  const root = await realpath(collectionDir);
  const index = await readCollectionIndex(root).catch((error: Error) => {
    throw new EditRefusal(500, error.message);
  });
  const entry = index.artefacts.find((artefact) => artefact.id === id);
  if (!entry) throw new EditRefusal(404, `the collection has no artefact "${id}"`);
  const manifestFile = await resolveInside(root, entry.manifest);
  if (!manifestFile) throw new EditRefusal(404, `artefact "${id}" lies outside the collection`);

  const manifestJson = await readManifestJson(manifestFile, id);
  const manifest = artefactSchema.safeParse(manifestJson);
  if (!manifest.success) {
    throw new EditRefusal(500, `${entry.manifest}: ${describeAnnotationsError(manifest.error)}`);
  }
  if (manifest.data.id !== id) {
    throw new EditRefusal(500, `${entry.manifest} is the manifest of "${manifest.data.id}", not of "${id}"`);
  }
  const folder = path.dirname(manifestFile);
  const annotationsFile = await resolveInside(folder, manifest.data.annotations ?? DEFAULT_ANNOTATIONS_FILE);
  if (!annotationsFile) throw new EditRefusal(500, `the annotations of "${id}" lie outside its folder`);
  return { id, folder, manifestFile, manifestJson, manifest: manifest.data, annotationsFile };
}

async function readManifestJson(file: string, id: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EditRefusal(404, `the manifest of "${id}" is missing; re-ingest the artefact`);
    }
    throw error;
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // Reported below, as for any other manifest that is not an object.
  }
  throw new EditRefusal(500, `the manifest of "${id}" is not a JSON object`);
}
