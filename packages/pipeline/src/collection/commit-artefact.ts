import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTEFACT_FILE, annotationMediaFiles, annotationsDocumentSchema, type Artefact } from '@vitrine/core';
import { replaceFolder } from '../write/atomic.js';
import { encodeArtefactManifest, readArtefactManifest } from './artefact-manifest.js';
import { collectionEntryFor, putIndexEntryLocked } from './collection-index.js';
import { withCollectionLock } from './collection-lock.js';
import { refuseOtherSource } from './refuse-other-source.js';

export interface CommitOptions {
  /** Replace an artefact of the same id made from another scan (`--replace`). */
  replace?: boolean;
  /**
   * The staging folder already holds annotations the curator gave with this ingest; else
   * the artefact's current annotations are carried over from the collection.
   */
  annotationsGiven: boolean;
}

/**
 * Puts a finished artefact into the collection, as one step under the collection lock:
 * refuse if its id now belongs to another scan, carry over the annotations the artefact
 * has at this moment (an editor may have saved while this ingest was deriving), write
 * artefact.json (once), swap the folder in, and list it in index.json. Returns the
 * manifest as written.
 */
export async function commitArtefact(
  collection: string,
  staging: string,
  artefact: Artefact,
  options: CommitOptions,
): Promise<Artefact> {
  return withCollectionLock(collection, async () => {
    const existing = await readArtefactManifest(collection, artefact.id);
    refuseOtherSource(existing, artefact.source, { id: artefact.id, replace: options.replace });
    const manifest = structuredClone(artefact);
    if (!options.annotationsGiven && existing?.annotations) {
      const carried = await carryAnnotations(path.join(collection, artefact.id), staging, existing.annotations);
      if (carried) {
        manifest.annotations = existing.annotations;
        if (existing.source.sha256 !== artefact.source.sha256) {
          manifest.warnings.push(
            `${artefact.source.file}: kept the annotations of the scan it replaces (${existing.source.file}); check in the editor that they still sit on this one`,
          );
        }
      }
    }
    await writeFile(path.join(staging, ARTEFACT_FILE), encodeArtefactManifest(manifest));
    await replaceFolder(staging, path.join(collection, artefact.id));
    await putIndexEntryLocked(collection, collectionEntryFor(manifest));
    return manifest;
  });
}

/**
 * Copies the annotations file and the media it names from the artefact's current folder
 * into the staging folder. A file the curator broke by hand is carried as it is: it is
 * theirs, and the viewer names the problem. False when there is no file to carry.
 */
async function carryAnnotations(current: string, staging: string, name: string): Promise<boolean> {
  const bytes = await readFile(path.join(current, name)).catch(() => undefined);
  if (!bytes) return false;
  await writeInside(staging, name, bytes);
  const parsed = annotationsDocumentSchema.safeParse(safeJson(bytes));
  if (!parsed.success) return true;
  for (const file of annotationMediaFiles(parsed.data)) {
    await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
    // Media names carry their content hash: one already there has the same bytes.
    await copyFile(path.join(current, file), path.join(staging, file), constants.COPYFILE_EXCL).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error;
      },
    );
  }
  return true;
}

async function writeInside(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  const file = path.join(folder, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
